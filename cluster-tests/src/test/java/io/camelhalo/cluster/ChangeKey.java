package io.camelhalo.cluster;

import java.time.Instant;
import java.util.Map;

import io.camelhalo.component.halo.HaloConstants;
import org.apache.camel.Message;

/**
 * The version of a record a halo-poll exchange carries: its {@code id} (from the record itself) and its last-modified
 * time, e.g. {@code 1042@2026-12-01T03:30:00.123Z}. Two deliveries of the same change have the same key; a later change
 * of the same record has another.
 */
public final class ChangeKey {

    private ChangeKey() {
    }

    public static String of(Message message) {
        Object id = message.getBody(Map.class).get("id");
        Instant lastModified = message.getHeader(HaloConstants.LAST_MODIFIED, Instant.class);
        if (id == null || lastModified == null) {
            throw new IllegalArgumentException(
                    "A halo-poll change without id or " + HaloConstants.LAST_MODIFIED
                                               + ": id=" + id + ", last modified=" + lastModified);
        }
        return id + "@" + lastModified;
    }

    /** The record id a key was built from. */
    static long recordId(String key) {
        return Long.parseLong(key.substring(0, key.indexOf('@')));
    }
}
