package io.camelhalo.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WritesTest {

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

    @Test
    void createFromAnArrayThenGetIt() {
        halo.setNow(Instant.parse("2025-03-01T12:00:00.123Z"));

        SandboxClient.Response created = client.post("/Tickets",
                "[{\"summary\":\"Monitor flickers\",\"client_id\":1,\"status_id\":1}]");

        assertEquals(201, created.status(), created.body());
        JsonNode ticket = created.json();
        assertTrue(ticket.isObject(), "one element posted, one object back");
        assertEquals(8, ticket.get("id").asLong(), "after seeded tickets 1-5, project 6, opportunity 7");
        assertEquals("2025-03-01T12:00:00.123", ticket.get("last_update").asText());
        assertEquals("2025-03-01T12:00:00.123", ticket.get("dateoccurred").asText());

        JsonNode fetched = client.get("/Tickets/8?includedetails=true").json();
        assertEquals("Monitor flickers", fetched.get("summary").asText());
        assertEquals(6, halo.count("tickets"));
    }

    @Test
    void severalElementsComeBackAsAnArrayAndALoneObjectIsAccepted() {
        SandboxClient.Response two = client.post("/Client", "[{\"name\":\"Umbrella\"},{\"name\":\"Soylent\"}]");
        assertEquals(201, two.status());
        assertTrue(two.json().isArray());
        assertEquals(4, two.json().get(0).get("id").asLong());
        assertEquals(5, two.json().get(1).get("id").asLong());

        SandboxClient.Response lone = client.post("/Client", "{\"name\":\"Cyberdyne\"}");
        assertEquals(201, lone.status());
        assertEquals(6, lone.json().get("id").asLong());
        assertEquals(List.of("the body is not a JSON array of Area as declared"),
                halo.takeViolations().stream().map(Violation::problem).toList());
    }

    @Test
    void updateChangesOnlyTheFieldsSentAndStampsLastModified() {
        Map<String, Object> before = halo.record("tickets", 1);
        halo.setNow(Instant.parse("2025-04-01T08:00:00Z"));

        SandboxClient.Response r = client.post("/Tickets", "[{\"id\":1,\"status_id\":9}]");

        assertEquals(201, r.status(), r.body());
        Map<String, Object> after = halo.record("tickets", 1);
        assertEquals(9, after.get("status_id"));
        assertEquals(before.get("summary"), after.get("summary"));
        assertEquals(before.get("details"), after.get("details"));
        assertEquals(before.get("dateoccurred"), after.get("dateoccurred"));
        assertEquals("2025-04-01T08:00:00.000", after.get("last_update"));
        assertEquals("2025-04-01T08:00:00.000", r.json().get("last_update").asText());
    }

    @Test
    void oneInvalidElementSavesNothing() {
        Map<String, Object> ticket1 = halo.record("tickets", 1);

        SandboxClient.Response r = client.post("/Tickets",
                "[{\"id\":1,\"summary\":\"changed\"},{\"summary\":\"fine\"},{\"details\":\"no summary\"}]");

        assertEquals(400, r.status());
        assertTrue(r.json().get("Message").asText().toLowerCase().contains("summary"), r.body());
        assertEquals(5, halo.count("tickets"));
        assertEquals(ticket1, halo.record("tickets", 1));
    }

    @Test
    void updatingAnUnknownIdOrSendingNonJsonIsRefused() {
        assertEquals(400, client.post("/Tickets", "[{\"id\":999,\"summary\":\"ghost\"}]").status());
        assertNull(halo.record("tickets", 999));
        assertEquals(400, client.post("/Tickets", "summary=not json").status());
        assertEquals(400, client.post("/Tickets", "[1,2]").status());
        assertEquals(5, halo.count("tickets"));
        assertEquals(List.of("the body is not JSON"), halo.takeViolations().stream().map(Violation::problem).toList());
    }

    @Test
    void actionsAreKeyedByTicketAndId() {
        SandboxClient.Response onTicket2 = client.post("/Actions",
                "[{\"ticket_id\":2,\"note\":\"Rebooted the VPN gateway\",\"outcome\":\"Note\"}]");
        SandboxClient.Response onTicket1 = client.post("/Actions",
                "[{\"ticket_id\":1,\"note\":\"Third note\",\"outcome\":\"Note\"}]");

        assertEquals(201, onTicket2.status(), onTicket2.body());
        assertEquals(1, onTicket2.json().get("id").asLong(), "action ids count per ticket");
        assertEquals(3, onTicket1.json().get("id").asLong());
        assertEquals("Rebooted the VPN gateway", client.get("/Actions/1?ticket_id=2").json().get("note").asText());
        assertEquals("Cleared the jam, testing.", client.get("/Actions/1?ticket_id=1").json().get("note").asText());
        assertEquals("Third note", halo.action(1, 3).get("note"));
        assertEquals(400, client.get("/Actions/1").status(), "ticket_id is needed");
        assertEquals(400, client.get("/Actions").status());

        JsonNode list = client.get("/Actions?ticket_id=1").json();
        assertEquals(3, list.get("record_count").asInt());
        assertEquals(3, list.get("actions").size());
        assertEquals(1, client.get("/Actions?ticket_id=1&count=1").json().get("actions").size());

        assertEquals(400, client.post("/Actions", "[{\"ticket_id\":404,\"note\":\"x\"}]").status());
        assertEquals(400, client.post("/Actions", "[{\"note\":\"no ticket\"}]").status());
        assertThrows(IllegalArgumentException.class, () -> halo.record("actions", 1));
    }

    @Test
    void attachmentsNeedTicketFilenameAndBase64() {
        assertEquals(400, client.post("/Attachment", "[{\"ticket_id\":1,\"filename\":\"a.txt\"}]").status());
        assertEquals(400, client.post("/Attachment",
                "[{\"ticket_id\":1,\"filename\":\"a.txt\",\"data_base64\":\"%%% not base64\"}]").status());
        assertEquals(400, client.post("/Attachment",
                "[{\"ticket_id\":999,\"filename\":\"a.txt\",\"data_base64\":\"aGk=\"}]").status());

        SandboxClient.Response ok = client.post("/Attachment",
                "[{\"ticket_id\":1,\"filename\":\"a.txt\",\"data_base64\":\"aGk=\"}]");
        assertEquals(201, ok.status(), ok.body());
        assertEquals(2, client.get("/Attachment?ticket_id=1").json().get("record_count").asInt());
        assertEquals(400, client.get("/Attachment").status(), "list needs ticket_id");
    }

    @Test
    void deleteThen404() {
        assertEquals(200, client.delete("/Tickets/2?reason=duplicate").status());
        assertEquals(404, client.get("/Tickets/2").status());
        assertEquals(404, client.delete("/Tickets/2").status());
        assertEquals(4, halo.count("tickets"));

        assertEquals(400, client.delete("/Actions/1").status(), "actions need ticket_id");
        assertEquals(200, client.delete("/Actions/1?ticket_id=1").status());
        assertNull(halo.action(1, 1));
        assertNotNull(halo.action(1, 2));
    }

    @Test
    void pathsMatchCaseInsensitivelyAndBadIdsAreRefused() {
        assertEquals(200, client.get("/tickets/1").status());
        assertEquals(200, client.get("/TICKETS").status());
        assertEquals(400, client.get("/Tickets/abc").status());
        assertEquals(404, client.get("/Tickets/12345").status());
        assertEquals(404, client.get("/NoSuchThing").status());
        assertEquals(405, client.post("/Tickets/1", "[]").status());
        assertEquals(List.of("path /NoSuchThing is not in Halo's API description",
                "method POST is not declared for /Tickets/{id} (declared: [DELETE, GET])"),
                halo.takeViolations().stream().map(Violation::problem).toList());
    }

    @Test
    void directPutAndDeleteBypassHttp() {
        halo.setNow(Instant.parse("2025-05-05T05:05:05Z"));

        Map<String, Object> created = halo.put("users", Map.of("name", "Milton", "emailaddress", "milton@initech.example"));
        assertEquals(5L, created.get("id"));
        assertEquals("2025-05-05T05:05:05.000", created.get("ulastupdate"));

        Map<String, Object> updated = halo.put("users", Map.of("id", 5, "title", "Stapler custodian"));
        assertEquals("Milton", updated.get("name"));
        assertEquals("Stapler custodian", client.get("/Users/5").json().get("title").asText());

        created.put("name", "changed only in my copy");
        assertEquals("Milton", halo.record("users", 5).get("name"));

        halo.delete("users", 5);
        assertEquals(404, client.get("/Users/5").status());
        assertThrows(IllegalArgumentException.class, () -> halo.count("nosuch"));
    }
}
