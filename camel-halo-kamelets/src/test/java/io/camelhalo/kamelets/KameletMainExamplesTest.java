package io.camelhalo.kamelets;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.Exchange;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.KameletMain;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.CamelLogger;
import org.apache.camel.spi.LogListener;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example Pipes of {@code examples/} (the ones the Kamelets' docs show) run as {@code camel run} runs them: by
 * camel-jbang's {@link KameletMain}, with {@code examples/application.properties}, against the sandbox on loopback.
 * camel-halo comes from the build's classpath, not from a download.
 */
class KameletMainExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path state;

    private static HaloSandbox sandbox;
    private static KameletMain main;
    private static int port;
    /** What log-sink logged, and the route that logged it. */
    private static final List<String[]> LOGGED = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        sandbox = HaloSandbox.start(0);
        port = KameletMains.freePort();
        main = KameletMains.examples(sandbox, port, state.resolve("halo-source.state"));
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                configured.getCamelContext().getCamelContextExtension().addLogListener(new LogListener() {
                    @Override
                    public String onLog(Exchange exchange, CamelLogger logger, String message) {
                        LOGGED.add(new String[] { exchange.getFromRouteId(), message });
                        return message;
                    }
                });
            }
        });
        main.start();
    }

    @AfterAll
    static void stop() {
        if (main != null) {
            main.stop();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void haloTicketsToLogDeliversAChangeOnceWithPlainHeaders() {
        // when a ticket changes in Halo after the Pipe started (startFrom=now)
        String summary = "changed " + UUID.randomUUID();
        sandbox.put("tickets", Map.of("id", 2, "summary", summary));

        // then log-sink logs it once, with the halo-* headers a non-Camel sink keeps
        awaitLogged("halo-source", summary);
        String line = logged("halo-source", summary).get(0);
        assertTrue(line.contains("halo-event-type=updated"), line);
        assertTrue(line.contains("halo-id=2"), line);
        assertTrue(line.contains("halo-resource=tickets"), line);
        await().during(Duration.ofMillis(1000)).until(() -> logged("halo-source", summary).size() == 1);
    }

    @Test
    void haloWebhookToLogRegistersItsWebhookAndLogsWhatHaloPosts() {
        // given the Pipe registered its webhook in Halo at start
        assertTrue(sandbox.webhooks().stream().anyMatch(w -> String.valueOf(w.get("url")).endsWith(
                ":" + port + "/halo-webhook/tickets")), String.valueOf(sandbox.webhooks()));

        // when an agent updates a ticket through Halo's API (Halo then posts the change)
        String summary = "posted " + UUID.randomUUID();
        main.getCamelContext().createProducerTemplate().requestBody(
                "halo:tickets/update", Map.of("id", 3, "summary", summary));

        // then log-sink logs it from the webhook, with the plain headers
        awaitLogged("halo-webhook-source", summary);
        String line = logged("halo-webhook-source", summary).get(0);
        assertTrue(line.contains("halo-event-type=updated") && line.contains("halo-id=3"), line);
    }

    @Test
    void escalationsToHaloUpdatesATicketByNames() throws Exception {
        // when an escalation names the status, priority and team of ticket 4
        HttpResponse<String> reply = post("/escalations", "application/json",
                "{\"status_name\": \"In Progress\", \"priority_name\": \"Critical\", \"team\": \"Escalations\"}",
                "halo-ticket-id", "4");

        // then Halo has their ids
        assertEquals(200, reply.statusCode(), reply.body());
        Map<String, Object> ticket = sandbox.record("tickets", 4);
        assertEquals(2L, ((Number) ticket.get("status_id")).longValue());
        assertEquals(1L, ((Number) ticket.get("priority_id")).longValue());
        assertEquals("Escalations", ticket.get("team"));
    }

    @Test
    void alertsToHaloTicketsLogsATicketByNames() throws Exception {
        int tickets = sandbox.count("tickets");
        String summary = "Disk full on db-2 " + UUID.randomUUID();

        // when an alert arrives with the client and priority by name
        HttpResponse<String> reply = post("/alerts", "application/json",
                "{\"summary\": \"" + summary + "\", \"client_name\": \"Globex Corporation\", \"priority_name\": \"High\"}");

        // then Halo has one new ticket for Globex (client 2)
        assertEquals(200, reply.statusCode(), reply.body());
        assertEquals(tickets + 1, sandbox.count("tickets"));
        Map<String, Object> ticket = sandbox.records("tickets").stream()
                .filter(t -> summary.equals(t.get("summary"))).findFirst().orElseThrow();
        assertEquals(2L, ((Number) ticket.get("client_id")).longValue());
    }

    @Test
    void notesToHaloAddsTheTextAsANote() throws Exception {
        String note = "Called the customer back, \"all good\" " + UUID.randomUUID();

        // when a text arrives for ticket 4
        HttpResponse<String> reply = post("/notes", "text/plain", note, "halo-ticket-id", "4");

        // then ticket 4 has it as a note
        assertEquals(200, reply.statusCode(), reply.body());
        assertTrue(sandbox.records("actions").stream()
                .anyMatch(a -> note.equals(a.get("note")) && ((Number) a.get("ticket_id")).longValue() == 4L),
                "a note on ticket 4");
    }

    @Test
    @SuppressWarnings("unchecked")
    void whoWroteThisAnswersTheUserAndClient() throws Exception {
        // when an address is asked about
        HttpResponse<String> reply = post("/who", "text/plain", "hank@globex.example");

        // then the reply names Hank (user 3) of Globex (client 2)
        assertEquals(200, reply.statusCode(), reply.body());
        Map<String, Object> who = JSON.readValue(reply.body(), Map.class);
        assertEquals(3, who.get("user_id"));
        assertEquals(2, who.get("client_id"));
    }

    private static void awaitLogged(String kamelet, String text) {
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> !logged(kamelet, text).isEmpty());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "nothing logged by " + kamelet + " containing " + text + "; logged: "
                                     + LOGGED.stream().map(l -> l[0] + ": " + l[1]).toList(),
                    e);
        }
    }

    /** What log-sink logged containing text, from halo-source or halo-webhook-source (the one with a delivery id). */
    private static List<String> logged(String kamelet, String text) {
        boolean webhook = kamelet.equals("halo-webhook-source");
        return LOGGED.stream()
                .filter(l -> l[1].contains(text) && l[1].contains("CamelHaloDeliveryId=") == webhook)
                .map(l -> l[1]).toList();
    }

    private static HttpResponse<String> post(String path, String type, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
