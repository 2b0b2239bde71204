package io.camelhalo.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each real-tenant mode switches one uncertain fact, and only that one. */
class TenantModeTest {

    private HaloSandbox halo;
    private SandboxClient client;

    @BeforeEach
    void start() {
        halo = HaloSandbox.start(0);
        client = new SandboxClient(halo).login();
    }

    @AfterEach
    void stop() {
        halo.close();
    }

    private static List<Long> ids(JsonNode records) {
        List<Long> ids = new ArrayList<>();
        records.forEach(r -> ids.add(r.get("id").asLong()));
        return ids;
    }

    @Test
    void orderIgnoredAnswersIdOrderWhateverWasAsked() {
        String newestFirst = "/Tickets?order=last_update&orderdesc=true";
        assertEquals(List.of(5L, 3L, 4L, 2L, 1L), ids(client.get(newestFirst).json().get("tickets")));
        halo.setModes(TenantMode.ORDER_IGNORED);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ids(client.get(newestFirst).json().get("tickets")));
    }

    @Test
    void slimListItemsLeaveOutLastModifiedWhichGetByIdStillAnswers() {
        halo.setModes(TenantMode.SLIM_LIST_ITEMS);
        JsonNode item = client.get("/Tickets").json().get("tickets").get(0);
        assertEquals("Printer on floor 2 is jammed", item.get("summary").asText());
        assertFalse(item.has("last_update"));
        assertFalse(item.has("details"));
        assertEquals("2025-01-06T09:15:00.000", client.get("/Tickets/1").json().get("last_update").asText());
    }

    @Test
    void timestampModesWriteEveryStampInTheirStyle() {
        assertEquals("2025-01-06T09:15:00.000", lastUpdateOfTicket1());
        halo.setModes(TenantMode.TIMESTAMPS_WITH_OFFSET);
        assertEquals("2025-01-06T09:15:00.000Z", lastUpdateOfTicket1());
        halo.setModes(TenantMode.TIMESTAMPS_WITHOUT_FRACTION);
        assertEquals("2025-01-06T09:15:00", lastUpdateOfTicket1());
        halo.setModes(TenantMode.TIMESTAMPS_SEVEN_DIGIT_FRACTION, TenantMode.TIMESTAMPS_WITH_OFFSET);
        assertEquals("2025-01-06T09:15:00.0000000Z", lastUpdateOfTicket1());
        assertEquals("2025-01-06T09:15:00.0000000Z",
                client.get("/Tickets").json().get("tickets").get(0).get("last_update").asText(), "lists too");
    }

    private String lastUpdateOfTicket1() {
        return client.get("/Tickets/1").json().get("last_update").asText();
    }

    @Test
    void updatedFilterIgnoredAnswersEveryRecordWhateverTheDate() {
        String since = "/Tickets?lastupdatefromdate=2030-01-01T00:00:00";
        assertEquals(0, client.get(since).json().get("record_count").asInt());
        halo.setModes(TenantMode.UPDATED_FILTER_IGNORED);
        assertEquals(5, client.get(since).json().get("record_count").asInt());
    }

    @Test
    void unknownOrderRefusedAnswers400ForAnyKeyButId() {
        assertEquals(200, client.get("/Invoice?order=last_modified&orderdesc=true").status());
        halo.setModes(TenantMode.UNKNOWN_ORDER_REFUSED);
        assertEquals(400, client.get("/Invoice?order=last_modified&orderdesc=true").status());
        assertEquals(400, client.get("/Tickets?order=last_update").status());
        assertEquals(200, client.get("/Invoice?order=id").status());
        assertEquals(200, client.get("/Invoice").status());
    }

    @Test
    void recordCountApproximateIsOneShortOfTheRecordsThatMatch() {
        halo.setModes(TenantMode.RECORD_COUNT_APPROXIMATE);
        JsonNode reply = client.get("/Tickets").json();
        assertEquals(5, reply.get("tickets").size());
        assertEquals(4, reply.get("record_count").asInt());
    }

    @Test
    void inactiveHiddenLeavesInactiveRecordsOutUnlessAsked() {
        halo.put("clients", Map.of("id", 2, "inactive", true));
        assertEquals(List.of(1L, 2L, 3L), ids(client.get("/Client").json().get("clients")));
        halo.setModes(TenantMode.INACTIVE_HIDDEN);
        assertEquals(List.of(1L, 3L), ids(client.get("/Client").json().get("clients")));
        assertEquals(List.of(1L, 2L, 3L), ids(client.get("/Client?includeinactive=true").json().get("clients")));
    }

    @Test
    void theTicketPathServesProjectsAndOpportunitiesSharingItsIds() {
        assertEquals(404, client.get("/Tickets/6").status());
        halo.setModes(TenantMode.TICKET_PATH_SERVES_PROJECTS);
        assertEquals("Office move to new building", client.get("/Tickets/6").json().get("summary").asText());
        assertEquals("Managed backup for Initech", client.get("/Tickets/7").json().get("summary").asText());
        JsonNode project = client.post("/Projects", "[{\"summary\":\"New project\"}]").json();
        JsonNode ticket = client.post("/Tickets", "[{\"summary\":\"New ticket\"}]").json();
        assertEquals(project.get("id").asLong() + 1, ticket.get("id").asLong(), "one id sequence");
    }

    @Test
    void addingAnActionBumpsItsTicketsLastUpdate() {
        halo.setNow(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        client.post("/Actions", "[{\"ticket_id\":2,\"note\":\"no bump by default\",\"outcome\":\"Note\"}]");
        assertEquals("2025-01-07T07:45:00.000", halo.record("tickets", 2).get("last_update"));
        halo.setModes(TenantMode.ACTION_BUMPS_TICKET);
        client.post("/Actions", "[{\"ticket_id\":2,\"note\":\"bumps\",\"outcome\":\"Note\"}]");
        assertEquals("2026-01-01T00:00:00.000", halo.record("tickets", 2).get("last_update"));
        halo.put("actions", Map.of("ticket_id", 6, "note", "on a project"));
        assertEquals("2026-01-01T00:00:00.000", halo.record("projects", 6).get("last_update"));
    }

    @Test
    void attachmentGetAnswersTheFilesBytes() {
        assertEquals("jam.txt", client.get("/Attachment/1").json().get("filename").asText());
        halo.setModes(TenantMode.ATTACHMENT_GET_ANSWERS_BYTES);
        SandboxClient.Response file = client.get("/Attachment/1");
        assertEquals(200, file.status());
        assertEquals("text/plain", file.contentType());
        assertEquals("paper jam!", file.body());
        assertTrue(file.headers().firstValue("Content-Disposition").orElse("").contains("jam.txt"));
        assertEquals(1, client.get("/Attachment?ticket_id=1").json().get("attachments").size(), "the list is JSON");
    }

    @Test
    void modesAreSetAtStartOrThroughTheAdminEndpoint() throws Exception {
        try (HaloSandbox slim = HaloSandbox.start(HaloSandboxOptions.defaults().withModes(TenantMode.SLIM_LIST_ITEMS))) {
            assertEquals(Set.of(TenantMode.SLIM_LIST_ITEMS), slim.modes());
        }
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(halo.baseUrl() + "/sandbox/modes"))
                .PUT(HttpRequest.BodyPublishers.ofString("[\"order_ignored\",\"RECORD_COUNT_APPROXIMATE\"]")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode());
        assertEquals(Set.of(TenantMode.ORDER_IGNORED, TenantMode.RECORD_COUNT_APPROXIMATE), halo.modes());
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(halo.baseUrl() + "/sandbox/modes"))
                .PUT(HttpRequest.BodyPublishers.ofString("[\"ORDER_IGNORD\"]")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("ORDER_IGNORD") && bad.body().contains("SLIM_LIST_ITEMS"), bad.body());
        assertNotEquals(Set.of(), halo.modes(), "a bad request changes nothing");
    }
}
