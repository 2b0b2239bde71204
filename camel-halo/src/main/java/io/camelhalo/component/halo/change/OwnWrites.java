package io.camelhalo.component.halo.change;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelhalo.component.halo.api.HaloResource;

/**
 * The record versions that routes' own writes produced on one connection, so that a route watching a record it writes
 * to (halo-poll or halo-webhook with {@code skipOwnWrites}) does not feed on its own writes.
 * <p>
 * A version is remembered only when its stamp is known to be the one the write produced, and only for the route whose
 * exchange wrote it:
 * <ul>
 * <li>each record in the reply to a create or update, at the last-modified stamp the reply gives;</li>
 * <li>for a new action, its ticket (or project, or opportunity) at the action's own stamp: where adding an action bumps
 * the ticket's last-modified time, Halo stamps both at once (the sandbox's {@code ACTION_BUMPS_TICKET}; unverified on a
 * real tenant, see docs/HALO-FACTS.md). Should Halo stamp the ticket otherwise, that version is simply not recognised
 * and is delivered.</li>
 * </ul>
 * A stamp without a fraction of a second is never remembered: where a tenant stamps whole seconds, another user's
 * change in the same second bears the same stamp, so it cannot be told from ours and is delivered (at worst the route
 * sees its own write once more). A change by anyone else has another stamp, and is delivered.
 * <p>
 * Bounded: the most recent {@value #CAPACITY} versions; a version forgotten is delivered.
 */
public final class OwnWrites {

    /** Versions remembered per connection. */
    static final int CAPACITY = 10_000;

    private final Map<String, Set<String>> routesByVersion = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
            return size() > CAPACITY;
        }
    };

    /**
     * Remembers what a route's create or update produced.
     *
     * @param routeId the route whose exchange wrote (its {@code fromRouteId}); {@code null} (a ProducerTemplate call
     *                outside any route) remembers nothing
     * @param created whether the write created the records (a new action bumps its ticket)
     * @param saved   the records as Halo's reply gives them
     */
    public void wrote(String routeId, HaloResource resource, boolean created, List<Map<String, Object>> saved) {
        if (routeId == null || resource.lastModifiedField() == null) {
            return;
        }
        for (Map<String, Object> record : saved) {
            if (record == null || !HaloChange.isReadable(resource, record)) {
                continue; // no stamp in the reply: nothing is known of the version it made
            }
            Instant stamp = HaloChange.lastModifiedOf(resource, record);
            remember(routeId, HaloChange.versionKey(resource, record, stamp), stamp);
            Object ticketId = record.get("ticket_id");
            if (created && resource == HaloResource.ACTIONS && ticketId != null) {
                for (HaloResource ticketLike : List.of(HaloResource.TICKETS, HaloResource.PROJECTS,
                        HaloResource.OPPORTUNITIES)) {
                    remember(routeId, HaloChange.versionKey(ticketLike, Map.of("id", ticketId), stamp), stamp);
                }
            }
        }
    }

    /** Whether the route's own write produced this version (a {@link HaloChange#key()}). */
    public boolean wroteBy(String versionKey, String routeId) {
        if (routeId == null) {
            return false;
        }
        synchronized (routesByVersion) {
            Set<String> routes = routesByVersion.get(versionKey);
            return routes != null && routes.contains(routeId);
        }
    }

    private void remember(String routeId, String versionKey, Instant stamp) {
        if (stamp.getNano() == 0) {
            return; // whole seconds: another change in the same second would bear the same stamp
        }
        synchronized (routesByVersion) {
            routesByVersion.computeIfAbsent(versionKey, k -> new HashSet<>(2)).add(routeId);
        }
    }
}
