package io.camelhalo.component.halo.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.camelhalo.component.halo.change.HaloChange;

/**
 * The newest version routed per record, for the most recently changed records: Halo retries a failed delivery while
 * newer ones succeed, so an older version can arrive after a newer one; routing it would set the record back
 * downstream. Bounded (least recently changed records are forgotten); a restart forgets all, and then the idempotent
 * repository still drops a version delivered before.
 */
final class NewestRouted {

    private final Map<String, Instant> newest;

    NewestRouted(int records) {
        this.newest = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > records;
            }
        };
    }

    /** Whether a newer version of the change's record was routed already (a deletion is never older). */
    synchronized boolean isNewerThan(HaloChange change) {
        Instant routed = newest.get(record(change));
        return routed != null && !HaloChange.DELETED.equals(change.eventType())
                && routed.isAfter(change.lastModified());
    }

    /** Remembers a routed (or already delivered) version. */
    synchronized void routed(HaloChange change) {
        newest.merge(record(change), change.lastModified(), (a, b) -> a.isAfter(b) ? a : b);
    }

    /** The record part of a change's key ({@code <resource>/<id>}). */
    private static String record(HaloChange change) {
        return change.key().substring(0, change.key().lastIndexOf('@'));
    }
}
