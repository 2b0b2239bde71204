package io.camelhalo.sandbox;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every path of Halo's description beyond the 22 resources is answered by the generic store, and checked. */
class DescribedPathsTest {

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

    private List<String> takeProblems() {
        return halo.takeViolations().stream().map(Violation::problem).toList();
    }

    @Test
    void aListOfAnUnpagedPathIsABareArrayOfRecordsShapedByItsSchema() {
        // when a route lists timesheets (GET /Timesheet takes no page_no)
        SandboxClient.Response list = client.get("/Timesheet");
        // then Halo's answer is an array holding the seeded record, with the fields of schema Timesheet
        assertEquals(200, list.status());
        JsonNode first = list.json().get(0);
        assertEquals(1, first.get("id").asLong());
        assertTrue(ApiDescription.get().fields("Timesheet").containsAll(
                List.of("agent_id", "date")), "the schema the seed follows");
        assertTrue(first.has("agent_id"));
        assertEquals(List.of(), takeProblems());
    }

    @Test
    void aPagedPathAnswersHalosEnvelopeOnePageAtATime() {
        // given three more purchase orders (GET /PurchaseOrder takes page_no and page_size)
        assertEquals(201, client.post("/PurchaseOrder", "[{\"id\":0},{\"id\":0},{\"id\":0}]").status());
        // when the second page of two is read
        JsonNode page = client.get("/PurchaseOrder?pageinate=true&page_size=2&page_no=2").json();
        // then the envelope counts all four and holds the last two
        assertEquals(4, page.get("record_count").asInt());
        assertEquals(List.of(3L, 4L), page.get("purchaseorder").findValues("id").stream().map(JsonNode::asLong).toList());
        assertEquals(List.of(), takeProblems());
    }

    @Test
    void createReadUpdateAndDeleteARecordOfAnyPath() {
        // when a timesheet event is created, read, updated and deleted
        JsonNode created = client.post("/TimesheetEvent", "[{\"subject\":\"Stand-up\",\"agent_id\":3}]").json();
        long id = created.get("id").asLong();
        assertEquals("Stand-up", client.get("/TimesheetEvent/" + id).json().get("subject").asText());
        client.post("/TimesheetEvent", "[{\"id\":" + id + ",\"subject\":\"Retro\"}]");
        JsonNode updated = client.get("/TimesheetEvent/" + id).json();
        assertEquals("Retro", updated.get("subject").asText());
        assertEquals(3, updated.get("agent_id").asInt());
        assertEquals(200, client.delete("/TimesheetEvent/" + id).status());
        // then it is gone, and every request was inside the description
        assertEquals(404, client.get("/TimesheetEvent/" + id).status());
        assertEquals(List.of(), takeProblems());
    }

    @Test
    void aLiteralPathIsNotTakenForARecordId() {
        // /Client/me is its own path, not the client with id "me" (a 400 from the clients store)
        assertEquals(200, client.get("/Client/me").status());
        assertEquals(List.of(), takeProblems());
    }

    @Test
    void aBodyNotShapedAsDeclaredIsRecorded() {
        // POST /Timesheet takes an array of Timesheet: a lone object and an unknown field are violations
        client.post("/Timesheet", "{\"agent_id\":3}");
        client.post("/Timesheet", "[{\"agentid\":3}]");
        List<String> problems = takeProblems();
        assertEquals(List.of("the body is not a JSON array of Timesheet as declared",
                "body field 'agentid' is not in schema Timesheet"), problems);
        assertFalse(client.get("/Timesheet").json().toString().contains("agentid"), "unknown fields are dropped");
    }

    @Test
    void aWriteStampsTheLastModifiedFieldWhichTheDeclaredFilterAndOrderUse() {
        // given a sales order written at 10:00 and another at 10:05 (schema OrderHead: last_update_time)
        halo.setNow(Instant.parse("2026-12-01T10:00:00Z"));
        client.post("/SalesOrder", "[{\"id\":0}]");
        halo.setNow(Instant.parse("2026-12-01T10:05:00Z"));
        JsonNode later = client.post("/SalesOrder", "[{\"id\":0}]").json();
        // then each carries its write's stamp, and GET /SalesOrder sorts by it newest first, as declared
        assertEquals("2026-12-01T10:05:00.000", later.get("last_update_time").asText());
        JsonNode sorted = client.get("/SalesOrder?pageinate=true&page_size=10&page_no=1&order=last_update_time"
                                     + "&orderdesc=true")
                .json().get("salesorder");
        assertEquals(later.get("id").asLong(), sorted.get(0).get("id").asLong());
        // and where a list declares lastupdatefromdate, it keeps the records stamped since (the one the test wrote)
        halo.putDescribed("/EmailAddressBook", new HashMap<>(Map.of("last_update", "")));
        JsonNode since = client.get("/EmailAddressBook?pageinate=true&page_size=10&page_no=1&lastupdatefromdate="
                                    + SandboxClient.enc("2026-12-01T10:05:00"))
                .json().get("emailaddressbook");
        assertEquals(1, since.size(), since.toString());
        assertEquals("2026-12-01T10:05:00.000", since.get(0).get("last_update").asText());
        assertEquals(List.of(), takeProblems());
    }
}
