package io.camelhalo.component.halo.api;

import java.time.Instant;
import java.util.Map;

/**
 * The key of one version of a record as both change paths see it, halo-poll and halo-webhook: resource, id (per
 * ticket for actions) and last-modified instant. The instant is normalised (a list reply and a webhook payload may
 * write the same stamp differently), so an idempotent repository shared by both paths drops a version either path
 * already delivered.
 */
public final class HaloChangeVersion {

    private HaloChangeVersion() {
    }

    /** The version key, or {@code null} when the record has no id or no readable last-modified value. */
    public static String key(HaloResource resource, Map<String, Object> record) {
        Object id = record.get("id");
        Instant lastModified = resource.lastModifiedField() == null
                ? null : HaloTimestamps.parse(record.get(resource.lastModifiedField()));
        if (id == null || lastModified == null) {
            return null;
        }
        String recordId = resource == HaloResource.ACTIONS ? record.get("ticket_id") + ":" + id : String.valueOf(id);
        return resource.uriName() + "/" + recordId + "@" + lastModified;
    }
}
