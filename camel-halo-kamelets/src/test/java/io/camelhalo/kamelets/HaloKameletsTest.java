package io.camelhalo.kamelets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kamelets of this module run by camel-kamelet from YAML routes against the Halo sandbox: a Camel Main app with
 * only the jars on the classpath, as a user runs them.
 */
class HaloKameletsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where halo-source keeps its progress without a stateFile: the working directory. */
    private static final Path DEFAULT_STATE = Path.of("halo-source-users.state");

    @TempDir
    Path dir;

    private HaloSandbox sandbox;
    private Main main;

    @BeforeEach
    void start() throws Exception {
        Files.deleteIfExists(DEFAULT_STATE);
        sandbox = HaloSandbox.start(0);
        main = new Main();
        main.setPropertyPlaceholderLocations("classpath:application.properties");
        main.addInitialProperty("halo.sandbox.url", sandbox.baseUrl());
        main.addInitialProperty("halo.sandbox.client-id", sandbox.clientId());
        main.addInitialProperty("halo.sandbox.client-secret", sandbox.clientSecret());
        main.addInitialProperty("halo.state-file", dir.resolve("tickets.state").toString());
        main.addInitialProperty("halo.api-state-file", dir.resolve("sales-orders.state").toString());
        main.start();
    }

    @AfterEach
    void stop() throws IOException {
        main.stop();
        sandbox.close();
        Files.deleteIfExists(DEFAULT_STATE);
    }

    @Test
    @SuppressWarnings("unchecked")
    void haloSourceDeliversChangedTicketsAsJson() throws Exception {
        // given the source started from the beginning, and a ticket changed in Halo
        ConsumerTemplate consumer = main.getCamelContext().createConsumerTemplate();

        // when the changes are read from the Kamelet
        Exchange first = consumer.receive("seda:ticket-changes", 20_000);

        // then each is a ticket as JSON, oldest first, with its id in the header
        assertNotNull(first, "a change within 20 s");
        Map<String, Object> ticket = JSON.readValue(first.getMessage().getBody(String.class), Map.class);
        assertEquals(first.getMessage().getHeader("CamelHaloRecordId", Long.class), ((Number) ticket.get("id")).longValue());
        assertEquals("Printer on floor 2 is jammed", ticket.get("summary"));
        // and the same facts in headers without the Camel prefix, which sinks such as kafka-sink keep
        assertEquals(String.valueOf(ticket.get("id")), first.getMessage().getHeader("halo-id", String.class));
        assertEquals("tickets", first.getMessage().getHeader("halo-resource"));
        assertEquals("created", first.getMessage().getHeader("halo-event-type"));
        assertEquals("created", first.getMessage().getHeader("ce-haloeventtype"));
        assertNotNull(first.getMessage().getHeader("halo-last-modified"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void haloSourceWatchesAnyListOfHalosApiByItsPath() throws Exception {
        // given halo-source on resource api, apiPath SalesOrder, from the beginning
        Exchange change = main.getCamelContext().createConsumerTemplate().receive("seda:salesorder-changes", 20_000);

        // then the sandbox's sales order arrives as JSON, named by its path, and the progress is kept under it
        assertNotNull(change, "a change within 20 s");
        Map<String, Object> order = JSON.readValue(change.getMessage().getBody(String.class), Map.class);
        assertEquals(String.valueOf(sandbox.describedRecords("/SalesOrder").get(0).get("id")), String.valueOf(order.get("id")));
        assertEquals("api/SalesOrder", change.getMessage().getHeader("halo-resource"));
        assertEquals(String.valueOf(order.get("id")), change.getMessage().getHeader("halo-id", String.class));
        Path state = dir.resolve("sales-orders.state");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(state) && readString(state).contains("SalesOrder"));
        assertTrue(readString(state).contains("|halo-source-api"), readString(state));
    }

    @Test
    void haloSinkUpdatesATicketByNames() {
        // when a JSON change with names only goes to the sink
        ProducerTemplate template = main.getCamelContext().createProducerTemplate();
        template.sendBody("direct:escalate", "{\"id\": 4, \"status_name\": \"in progress\", \"priority_name\": \"Critical\","
                                             + " \"agent_name\": \"Alice Agent\", \"team\": \"Service Desk\"}");

        // then Halo has the ids of those names
        Map<String, Object> ticket = sandbox.record("tickets", 4);
        assertEquals(2L, ((Number) ticket.get("status_id")).longValue());
        assertEquals(1L, ((Number) ticket.get("priority_id")).longValue());
        assertEquals(2L, ((Number) ticket.get("agent_id")).longValue());
        assertEquals("Service Desk", ticket.get("team"));
    }

    @Test
    void haloSinkWithMatchExistingCreatesAClientOnce() {
        ProducerTemplate template = main.getCamelContext().createProducerTemplate();
        int clients = sandbox.count("clients");

        // when the same client goes to the sink twice (a replayed message), in other letter case the second time
        template.sendBody("direct:create-client-once", "{\"name\": \"Hooli\", \"website\": \"hooli.example\"}");
        template.sendBody("direct:create-client-once", "{\"name\": \"HOOLI\"}");

        // then Halo has one Hooli
        assertEquals(clients + 1, sandbox.count("clients"));
        assertEquals(1, sandbox.records("clients").stream().filter(c -> "Hooli".equals(c.get("name"))).count());
    }

    @Test
    @SuppressWarnings("unchecked")
    void haloFindByEmailActionAnswersWhoAndHow() throws Exception {
        ProducerTemplate template = main.getCamelContext().createProducerTemplate();

        // when a known user and a stranger are looked up through the action
        Map<String, Object> known = JSON.readValue(template.requestBody("direct:who-is", "hank@globex.example",
                String.class), Map.class);
        Map<String, Object> stranger = JSON.readValue(template.requestBody("direct:who-is", "x@nowhere.example",
                String.class), Map.class);

        // then the user and client are named, and how they were found
        assertEquals(3, known.get("user_id"));
        assertEquals(2, known.get("client_id"));
        assertEquals("email", known.get("user_found_by"));
        assertEquals(3, stranger.get("client_id"));
        assertEquals("default client", stranger.get("client_found_by"));
    }

    @Test
    void haloEmailToTicketActionLogsATicketAndANoteAndLeavesAutoRepliesOut() {
        ProducerTemplate template = main.getCamelContext().createProducerTemplate();
        int tickets = sandbox.count("tickets");
        int actions = sandbox.count("actions");

        // when a new email, a tagged reply and an out-of-office reply pass the action (raw RFC 822)
        String created = template.requestBody("direct:email", mail("Hank Scorpio <hank@globex.example>", "Laser down",
                ""), String.class);
        String noted = template.requestBody("direct:email", mail("hank@globex.example", "RE: [ID:4] bounced", ""),
                String.class);
        String ignored = template.requestBody("direct:email", mail("hank@globex.example", "Away",
                "Auto-Submitted: auto-replied\r\n"), String.class);

        // then one ticket for Hank, one note on ticket 4, and nothing for the auto-reply
        assertEquals(tickets + 1, sandbox.count("tickets"));
        assertEquals(actions + 1, sandbox.count("actions"));
        assertEquals(3L, ((Number) sandbox.records("tickets").get(sandbox.count("tickets") - 1).get("user_id")).longValue());
        assertEquals(true, created.startsWith("created ticket"), created);
        assertEquals(true, noted.startsWith("added a note to ticket 4"), noted);
        assertEquals(true, ignored.startsWith("ignored an automatic email"), ignored);
    }

    @Test
    void haloEmailToTicketActionWritesAnAgentsNoteOnlyForAnAuthenticatedSender() {
        ProducerTemplate template = main.getCamelContext().createProducerTemplate();
        String dmarcPass = "Authentication-Results: mx.msp.example; dmarc=pass header.from=msp.example\r\n";

        // when agent Alice's address writes to ticket 4: by default (no mail server trusted), without the check, and
        // with the check of the trusted server
        String byDefault = template.requestBody("direct:email", mail("alice@msp.example", "RE: [ID:4] a", dmarcPass),
                String.class);
        String forged = template.requestBody("direct:email-trusted", mail("alice@msp.example", "RE: [ID:4] b", ""),
                String.class);
        String checked = template.requestBody("direct:email-trusted", mail("alice@msp.example", "RE: [ID:4] c",
                dmarcPass), String.class);

        // then only the checked one is her note
        assertEquals(true, byDefault.startsWith("added a note to ticket 4"), byDefault);
        assertEquals(true, forged.startsWith("added a note to ticket 4"), forged);
        assertEquals(true, checked.startsWith("added an agent note to ticket 4"), checked);
        Map<String, Object> last = sandbox.records("actions").get(sandbox.count("actions") - 1);
        assertEquals(2L, ((Number) last.get("who_agentid")).longValue());
    }

    @Test
    void haloSourceKeepsItsProgressInAFileNamedAfterTheResourceByDefault() {
        // the route without a stateFile has polled: its progress is in halo-source-users.state
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(DEFAULT_STATE) && Files.size(DEFAULT_STATE) > 0);
        // under the Kamelet's stateId (halo-source-users by default), not the route's id
        assertTrue(readString(DEFAULT_STATE).contains("|users|halo-source-users"), "the progress of halo-source-users");
        assertFalse(readString(DEFAULT_STATE).contains("user-changes"), "not keyed by the route id");
    }

    @Test
    void haloSourceKeepsItsProgressInTheStateRepositoryBeanItIsGiven() {
        // the route with stateRepository=#bean:clientState has polled: its progress is in that bean, in no file
        RecordingStateRepository state = main.getCamelContext().getRegistry().lookupByNameAndType("clientState",
                RecordingStateRepository.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> !state.written().isEmpty());
        assertTrue(state.written().stream().allMatch(key -> key.contains("|clients|halo-source-clients")),
                state.written().toString());
        assertFalse(Files.exists(Path.of("halo-source-clients.state")), "no file for the route given a bean");
    }

    @Test
    void haloSinkDeletesTheRecordOfHeaderHaloIdOrOfTheBodysId() {
        ProducerTemplate template = main.getCamelContext().createProducerTemplate();
        long first = ((Number) sandbox.put("clients", Map.of("name", "Gone by header")).get("id")).longValue();
        long second = ((Number) sandbox.put("clients", Map.of("name", "Gone by body")).get("id")).longValue();

        // when one is deleted by header halo-id (as halo-source sets it), the other by the id in its JSON
        template.sendBodyAndHeader("direct:delete-client", "{\"name\": \"Gone by header\"}", "halo-id", first);
        template.sendBody("direct:delete-client", "{\"id\": " + second + "}");

        // then Halo has neither
        assertTrue(sandbox.records("clients").stream().map(c -> ((Number) c.get("id")).longValue())
                .noneMatch(id -> id == first || id == second));
    }

    @Test
    void haloAddNoteSinkNotesOnTheTicketOfATicketChangeAndRefusesANoteWithoutATicket() {
        ProducerTemplate template = main.getCamelContext().createProducerTemplate();
        int actions = sandbox.count("actions");

        // when a note comes with a ticket change's headers, and another with no ticket at all
        template.sendBodyAndHeaders("direct:note", "Seen the change", Map.of("halo-resource", "tickets", "halo-id", 4));
        CamelExecutionException refused = assertThrows(CamelExecutionException.class,
                () -> template.sendBody("direct:note", "For which ticket?"));

        // then the first is a note on ticket 4, and the second is refused, saying what is missing, nothing sent
        assertEquals(actions + 1, sandbox.count("actions"));
        Map<String, Object> note = sandbox.records("actions").get(sandbox.count("actions") - 1);
        assertEquals("Seen the change", note.get("note"));
        assertEquals(4L, ((Number) note.get("ticket_id")).longValue());
        assertTrue(refused.getCause() instanceof IllegalArgumentException
                && refused.getCause().getMessage().contains("set header halo-ticket-id"), String.valueOf(refused.getCause()));
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mail(String from, String subject, String extraHeaders) {
        return "From: " + from + "\r\nTo: helpdesk@msp.example\r\nSubject: " + subject + "\r\n" + extraHeaders
               + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nPlease help.\r\n";
    }
}
