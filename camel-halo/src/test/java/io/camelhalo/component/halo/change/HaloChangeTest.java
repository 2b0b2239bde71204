package io.camelhalo.component.halo.change;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.camelhalo.component.halo.api.HaloResource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One change per record: one key format, one event-type rule, for halo-poll and halo-webhook alike. */
class HaloChangeTest {

    private static final Instant WATERMARK = Instant.parse("2026-12-01T10:00:00Z");

    private static Map<String, Object> ticket(Object id, String dateoccurred, String lastUpdate) {
        Map<String, Object> record = new HashMap<>();
        record.put("id", id);
        record.put("dateoccurred", dateoccurred);
        record.put("last_update", lastUpdate);
        return record;
    }

    @Test
    void aStampWrittenTwoWaysIsOneVersion() {
        // a list reply writes no offset and three digits; a webhook payload writes an offset and seven digits
        HaloChange listed = HaloChange.of(HaloResource.TICKETS, ticket(12L, null, "2026-12-01T10:00:05.120"), null);
        HaloChange posted = HaloChange.of(HaloResource.TICKETS,
                ticket(12L, null, "2026-12-01T10:00:05.1200000Z"), null);
        assertEquals("tickets/12@2026-12-01T10:00:05.120Z", listed.key());
        assertEquals(listed.key(), posted.key());
        assertEquals(Instant.parse("2026-12-01T10:00:05.120Z"), listed.lastModified());
    }

    @Test
    void anActionIsKeyedPerTicket() {
        Map<String, Object> action = new HashMap<>();
        action.put("id", 3L);
        action.put("ticket_id", 1L);
        action.put(HaloResource.ACTIONS.lastModifiedField(), "2026-12-01T10:00:00");
        assertEquals("actions/1:3@2026-12-01T10:00:00Z", HaloChange.of(HaloResource.ACTIONS, action, null).key());
    }

    @Test
    void createdWhenTheRecordWasCreatedSinceWhatWasDelivered() {
        String created = HaloResource.TICKETS.createdField();
        Map<String, Object> newTicket = ticket(1L, null, "2026-12-01T10:00:30");
        newTicket.put(created, "2026-12-01T10:00:10");
        Map<String, Object> oldTicket = ticket(2L, null, "2026-12-01T10:00:30");
        oldTicket.put(created, "2026-11-01T09:00:00");

        // halo-poll: created since its watermark, even if changed again before the poll
        assertEquals(HaloChange.CREATED, HaloChange.of(HaloResource.TICKETS, newTicket, WATERMARK).eventType());
        assertEquals(HaloChange.UPDATED, HaloChange.of(HaloResource.TICKETS, oldTicket, WATERMARK).eventType());
        // halo-webhook: a change alone is the creation when created within the second before it
        assertEquals(HaloChange.UPDATED, HaloChange.of(HaloResource.TICKETS, newTicket, null).eventType());
        newTicket.put(created, "2026-12-01T10:00:29.600");
        assertEquals(HaloChange.CREATED, HaloChange.of(HaloResource.TICKETS, newTicket, null).eventType());
    }

    @Test
    void aRecordWithoutIdOrStampIsNoChange() {
        assertFalse(HaloChange.isReadable(HaloResource.TICKETS, ticket(null, null, "2026-12-01T10:00:00")));
        assertFalse(HaloChange.isReadable(HaloResource.TICKETS, ticket(1L, null, "not a date")));
        assertTrue(HaloChange.isReadable(HaloResource.TICKETS, ticket(1L, null, "2026-12-01T10:00:00")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HaloChange.of(HaloResource.TICKETS, ticket(7L, null, null), null));
        assertTrue(e.getMessage().contains("tickets record 7"), e.getMessage());
    }
}
