package io.camelhalo.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListingTest {

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

    private void addTickets(int n) {
        for (int i = 0; i < n; i++) {
            halo.put("tickets", Map.of("summary", "Bulk ticket " + i, "status_id", 1));
        }
    }

    @Test
    void pageSizeIsCappedAt100AndRecordCountIsTheTotal() {
        addTickets(245); // 250 tickets, ids 1-5 and 8-252

        JsonNode page = client.get("/Tickets?pageinate=true&page_size=1000&page_no=1").json();

        assertEquals(250, page.get("record_count").asInt());
        assertEquals(100, page.get("page_size").asInt());
        assertEquals(1, page.get("page_no").asInt());
        assertEquals(100, page.get("tickets").size());
    }

    @Test
    void pastTheLastPageTheLastPageComesAgain() {
        addTickets(245);

        JsonNode third = client.get("/Tickets?pageinate=true&page_size=100&page_no=3").json();
        JsonNode fourth = client.get("/Tickets?pageinate=true&page_size=100&page_no=4").json();

        assertEquals(50, third.get("tickets").size());
        assertEquals(ids(third.get("tickets")), ids(fourth.get("tickets")));
        assertEquals(250, fourth.get("record_count").asInt());
    }

    @Test
    void withoutPageinateTheDefaultPageOf50IsSilentlyTruncated() {
        addTickets(95);

        JsonNode reply = client.get("/Tickets?page_size=100&page_no=2").json();

        assertEquals(50, reply.get("tickets").size());
        assertEquals(1, reply.get("tickets").get(0).get("id").asLong(), "page_no ignored without pageinate");
        assertEquals(100, reply.get("record_count").asInt());
        assertFalse(reply.has("page_no"));
    }

    @Test
    void noRecordsGiveAnEmptyList() {
        try (HaloSandbox empty = HaloSandbox.start(HaloSandboxOptions.defaults().withSeedData(false))) {
            SandboxClient c = new SandboxClient(empty).login();

            JsonNode reply = c.get("/Tickets?pageinate=true&page_size=10&page_no=3").json();
            assertEquals(0, reply.get("record_count").asInt());
            assertEquals(0, reply.get("tickets").size());
            assertEquals(0, c.get("/Status").json().size());
        }
    }

    @Test
    void lastUpdateFromDateIsInclusiveAndTakenAsUtc() {
        halo.setNow(Instant.parse("2025-06-01T10:00:00Z"));
        halo.put("tickets", Map.of("summary", "older"));
        halo.setNow(Instant.parse("2025-06-01T11:00:00Z"));
        long newer = (Long) halo.put("tickets", Map.of("summary", "newer")).get("id");
        halo.setNow(Instant.parse("2025-06-01T12:00:00Z"));
        client.post("/Tickets", "[{\"id\":1,\"status_id\":2}]"); // an update counts too

        assertEquals(List.of(1L, newer),
                ids(client.get("/Tickets?lastupdatefromdate=2025-06-01T11:00:00").json().get("tickets")));
        assertEquals(List.of(1L),
                ids(client.get("/Tickets?lastupdatefromdate=2025-06-01T11:00:00.001Z").json().get("tickets")));
        assertEquals(List.of(newer), ids(client.get("/Tickets?lastupdatefromdate=2025-06-01T10:30:00"
                                                    + "&lastupdatetodate=2025-06-01T11:30:00")
                .json().get("tickets")));
        // an offset is converted to UTC
        assertEquals(List.of(1L),
                ids(client.get("/Tickets?lastupdatefromdate=2025-06-01T13:30:00%2B02:00").json().get("tickets")));
        assertEquals(400, client.get("/Tickets?lastupdatefromdate=yesterday").status());
    }

    @Test
    void orderAndOrderDesc() {
        JsonNode newestFirst = client.get("/Invoice?order=last_modified&orderdesc=true").json().get("invoices");
        assertEquals(List.of(3L, 2L, 1L), ids(newestFirst));

        JsonNode bySummary = client.get("/Tickets?order=summary").json().get("tickets");
        assertEquals("Cannot connect to VPN", bySummary.get(0).get("summary").asText());

        halo.put("clients", Map.of("name", "No website Ltd"));
        JsonNode nullsFirst = client.get("/Client?order=website").json().get("clients");
        assertEquals(4, nullsFirst.get(0).get("id").asLong());
    }

    @Test
    void searchAndEqualityFilters() {
        assertEquals(List.of(2L), ids(client.get("/Tickets?search=vpn").json().get("tickets")));
        assertEquals(List.of(1L, 2L), ids(client.get("/Tickets?client_id=1").json().get("tickets")));
        assertEquals(List.of(1L, 2L, 4L), ids(client.get("/Tickets?open_only=true").json().get("tickets")));
        assertEquals(List.of(3L), ids(client.get("/Users?search=GLOBEX").json().get("users")));
        // an undeclared parameter is ignored, as Halo ignores it, and recorded as a violation
        assertEquals(List.of(1L, 2L), ids(client.get("/Users?client_id=1&unknown_param=whatever").json().get("users")));
        assertEquals(List.of("query parameter 'unknown_param' is not declared for GET /Users"),
                halo.takeViolations().stream().map(Violation::problem).toList());
    }

    @Test
    void bareArrayResources() {
        JsonNode statuses = client.get("/Status").json();
        assertTrue(statuses.isArray());
        assertTrue(ids(statuses).containsAll(List.of(1L, 2L, 9L)));

        JsonNode appointments = client.get("/Appointment?pageinate=true&page_size=1&page_no=2").json();
        assertTrue(appointments.isArray(), "appointments page, but as a bare array");
        assertEquals(List.of(2L), ids(appointments));
    }

    @Test
    void everyResourceAnswersItsListShape() {
        for (SandboxResource r : SandboxResource.values()) {
            String query = r.filters().contains(SandboxResource.Filter.TICKET_ID_REQUIRED) ? "?ticket_id=1" : "";
            SandboxClient.Response reply = client.get("/" + r.path() + query);
            assertEquals(200, reply.status(), r + ": " + reply.body());
            JsonNode json = reply.json();
            if (r.envelopeKey() == null) {
                assertTrue(json.isArray(), r.name());
                assertFalse(json.isEmpty(), r + " is seeded");
            } else {
                assertTrue(json.get(r.envelopeKey()).isArray(), r.name());
                assertFalse(json.get(r.envelopeKey()).isEmpty(), r + " is seeded");
                assertEquals(json.get(r.envelopeKey()).size(), json.get("record_count").asInt(), r.name());
            }
        }
    }
}
