package io.camelhalo.component.halo.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one reader of Halo's delivery bodies, on its own. */
class HaloWebhookFormatTest {

    private static List<HaloWebhookFormat.Item> parse(String body, HaloResource resource, String recordIdField) {
        return HaloWebhookFormat.parse(body.getBytes(StandardCharsets.UTF_8), resource, recordIdField);
    }

    @Test
    void theRecordIsNestedUnderItsTypesKeyAndTheOuterIdIsTheDeliverys() {
        HaloWebhookFormat.Item item = parse("{\"id\":\"g-1\",\"webhook_id\":\"w\",\"event\":\"Ticket Updated\","
                                            + "\"object_id\":7,\"timestamp\":\"2026-09-25T06:41:08.7895915Z\","
                                            + "\"ticket\":{\"id\":7,\"summary\":\"s\"}}",
                HaloResource.PROJECTS, null).get(0);
        assertEquals(7L, item.recordId());
        assertEquals("s", item.record().get("summary"));
        assertEquals("g-1", item.deliveryId());
        assertEquals(Instant.parse("2026-09-25T06:41:08.7895915Z"), item.timestamp());
    }

    @Test
    void anActionKeepsItsTicketAndAnEventOnlyDeliveryNamesTheObject() {
        HaloWebhookFormat.Item action = parse("{\"event\":\"Action Added\",\"object_id\":1,\"ticket\":{\"id\":1},"
                                              + "\"action\":{\"id\":3}}",
                HaloResource.ACTIONS, null).get(0);
        assertEquals(1L, action.record().get("ticket_id"));
        assertEquals(3L, action.recordId());
        HaloWebhookFormat.Item eventOnly = parse("[{\"id\":\"g-2\",\"event\":\"Client Updated\",\"object_id\":12}]",
                HaloResource.CLIENTS, null).get(0);
        assertNull(eventOnly.record());
        assertEquals(12L, eventOnly.recordId());
    }

    @Test
    void aBareRecordAndACustomPayloadAreReadToo() {
        assertEquals(5L, parse("{\"id\":5,\"summary\":\"bare\"}", HaloResource.TICKETS, null).get(0).recordId());
        assertEquals("T-9", parse("{\"ref\":\"T-9\"}", HaloResource.TICKETS, "ref").get(0).recordId());
    }

    @Test
    void whatNamesNoRecordIsRefusedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("[{\"id\":1},{\"id\":\"g\",\"webhook_id\":\"w\"}]", HaloResource.TICKETS, null));
        assertTrue(e.getMessage().contains("element 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> parse("[1]", HaloResource.TICKETS, null));
        assertThrows(IllegalArgumentException.class, () -> parse("{", HaloResource.TICKETS, null));
    }

    @Test
    void halosEventWordsSayWhatHappened() {
        assertEquals("created", HaloWebhookFormat.eventType("New Ticket Logged"));
        assertEquals("updated", HaloWebhookFormat.eventType("Ticket Status Changed"));
        assertEquals("deleted", HaloWebhookFormat.eventType("Client Deleted"));
        assertNull(HaloWebhookFormat.eventType(null));
        assertEquals("quote", HaloWebhookFormat.recordKey(HaloResource.QUOTATIONS));
        assertEquals("ticket", HaloWebhookFormat.recordKey(HaloResource.OPPORTUNITIES));
    }
}
