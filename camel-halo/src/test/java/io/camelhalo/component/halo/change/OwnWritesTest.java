package io.camelhalo.component.halo.change;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.camelhalo.component.halo.api.HaloResource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which versions count as a route's own write: exactly the stamps its write's reply proves, for that route only. */
class OwnWritesTest {

    private final OwnWrites ownWrites = new OwnWrites();

    private static String key(HaloResource resource, Object id, String stamp) {
        return HaloChange.versionKey(resource, Map.of("id", id), Instant.parse(stamp));
    }

    @Test
    void anUpdatedRecordIsTheRoutesOwnAtTheReplysStampOnly() {
        ownWrites.wrote("notes", HaloResource.TICKETS, false,
                List.of(Map.of("id", 2, "last_update", "2026-03-02T10:00:01.550")));

        assertTrue(ownWrites.wroteBy(key(HaloResource.TICKETS, 2, "2026-03-02T10:00:01.550Z"), "notes"));
        assertFalse(ownWrites.wroteBy(key(HaloResource.TICKETS, 2, "2026-03-02T10:00:01.750Z"), "notes"),
                "someone else's change in the same second");
        assertFalse(ownWrites.wroteBy(key(HaloResource.TICKETS, 2, "2026-03-02T10:00:01.550Z"), "another-route"));
        assertFalse(ownWrites.wroteBy(key(HaloResource.TICKETS, 3, "2026-03-02T10:00:01.550Z"), "notes"));
    }

    @Test
    void aNewActionMakesItsTicketsBumpAtTheActionsStampTheRoutesOwn() {
        ownWrites.wrote("notes", HaloResource.ACTIONS, true,
                List.of(Map.of("id", 7, "ticket_id", 2, "last_updated", "2026-03-02T10:00:01.550")));

        assertTrue(ownWrites.wroteBy(
                HaloChange.versionKey(HaloResource.ACTIONS, Map.of("id", 7, "ticket_id", 2),
                        Instant.parse("2026-03-02T10:00:01.550Z")),
                "notes"));
        assertTrue(ownWrites.wroteBy(key(HaloResource.TICKETS, 2, "2026-03-02T10:00:01.550Z"), "notes"));
    }

    @Test
    void anUpdatedActionDoesNotClaimItsTicket() {
        ownWrites.wrote("notes", HaloResource.ACTIONS, false,
                List.of(Map.of("id", 7, "ticket_id", 2, "last_updated", "2026-03-02T10:00:01.550")));

        assertFalse(ownWrites.wroteBy(key(HaloResource.TICKETS, 2, "2026-03-02T10:00:01.550Z"), "notes"));
    }

    @Test
    void wholeSecondStampsAreNeverTakenAsTheRoutesOwn() {
        // where a tenant stamps whole seconds, another change in that second would bear the same stamp
        ownWrites.wrote("notes", HaloResource.TICKETS, false,
                List.of(Map.of("id", 2, "last_update", "2026-03-02T10:00:01")));

        assertFalse(ownWrites.wroteBy(key(HaloResource.TICKETS, 2, "2026-03-02T10:00:01Z"), "notes"));
    }

    @Test
    void aReplyWithoutAStampOrAWriteOutsideARouteRemembersNothing() {
        ownWrites.wrote("notes", HaloResource.TICKETS, false, List.of(Map.of("id", 2)));
        ownWrites.wrote(null, HaloResource.TICKETS, false,
                List.of(Map.of("id", 3, "last_update", "2026-03-02T10:00:01.550")));

        assertFalse(ownWrites.wroteBy(key(HaloResource.TICKETS, 3, "2026-03-02T10:00:01.550Z"), "notes"));
        assertFalse(ownWrites.wroteBy(key(HaloResource.TICKETS, 3, "2026-03-02T10:00:01.550Z"), null));
    }

    @Test
    void onlyTheMostRecentVersionsAreRemembered() {
        for (int id = 1; id <= OwnWrites.CAPACITY + 1; id++) {
            ownWrites.wrote("notes", HaloResource.CLIENTS, false,
                    List.of(Map.of("id", id, "alastupdate", "2026-03-02T10:00:01.550")));
        }

        assertFalse(ownWrites.wroteBy(key(HaloResource.CLIENTS, 1, "2026-03-02T10:00:01.550Z"), "notes"));
        assertTrue(ownWrites.wroteBy(key(HaloResource.CLIENTS, OwnWrites.CAPACITY + 1, "2026-03-02T10:00:01.550Z"),
                "notes"));
    }
}
