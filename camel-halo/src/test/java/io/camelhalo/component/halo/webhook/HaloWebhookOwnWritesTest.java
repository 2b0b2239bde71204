package io.camelhalo.component.halo.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.camelhalo.component.halo.HaloConstants;
import io.camelhalo.component.halo.HaloSandboxExtension;
import io.camelhalo.component.halo.webhook.WebhookTestSupport.Taken;
import io.camelhalo.sandbox.HaloSandbox;
import io.camelhalo.sandbox.TenantMode;
import io.camelhalo.sandbox.WebhookDelivery;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelhalo.component.halo.webhook.WebhookTestSupport.updateTicket;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * halo-webhook, through the change path halo-poll shares: a route that adds a note to each ticket Halo reports updated,
 * on a tenant where the note bumps the ticket (ACTION_BUMPS_TICKET, and Halo then posts "Ticket Updated" for it), notes
 * each change by someone else once and is not fed its own notes.
 */
class HaloWebhookOwnWritesTest {

    private static final String BASIC = "basicUsername=halo&basicPassword=RAW(pa55:word-of-20-chars)";

    @RegisterExtension
    final HaloSandboxExtension extension = HaloSandboxExtension.perTest();

    private HaloSandbox halo;
    private int port;
    private ProducerTemplate colleague;
    private final List<Taken> taken = WebhookTestSupport.newTakenList();

    @BeforeEach
    void start() throws Exception {
        halo = extension.sandbox();
        halo.setModes(TenantMode.ACTION_BUMPS_TICKET);
        halo.setNow(Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS).plusMillis(250));
        colleague = extension.template(); // another context: another application's writes
        port = AvailablePortFinder.getNextAvailable();
        CamelContext camel = WebhookTestSupport.context(extension, port);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("halo-webhook:tickets?register=true&events=19&webhookUrl=http://127.0.0.1:" + port
                     + "/halo-webhook/tickets&" + BASIC)
                        .routeId("notes")
                        .process(e -> taken.add(WebhookTestSupport.taken(e, "webhook")))
                        .process(e -> halo.advance(Duration.ofMillis(300))) // the route takes its time
                        .setHeader(HaloConstants.TICKET_ID, header(HaloConstants.RECORD_ID))
                        .setBody(e -> Map.of("note", "Seen", "outcome", "Note"))
                        .to("halo:actions/create");
            }
        });
        camel.start();
    }

    @Test
    void aWebhookWithNoHaloConnectionConfiguredStillRoutes() throws Exception {
        // given a context with no halo settings at all (no base URL): the route only receives what Halo posts
        int freePort = AvailablePortFinder.getNextAvailable();
        CamelContext bare = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(freePort);
        bare.addService(new VertxPlatformHttpServer(server));
        List<Taken> received = WebhookTestSupport.newTakenList();
        bare.addRoutes(WebhookTestSupport.recording("bare", "halo-webhook:tickets?allowUnauthenticated=true", "bare",
                received));
        try {
            bare.start();

            // when Halo posts a full record
            HttpResponse<String> reply = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + freePort + "/halo-webhook/tickets"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"id\":5,\"summary\":\"posted\",\"last_update\":\"2026-01-01T00:00:00.120\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            // then it is routed
            assertEquals(200, reply.statusCode(), reply.body());
            assertEquals(List.of("posted"), received.stream().map(Taken::summary).toList());
        } finally {
            bare.stop();
        }
    }

    @Test
    void oneNotePerChangeBySomeoneElse() {
        // when a colleague updates the ticket, twice
        halo.advance(Duration.ofSeconds(1));
        updateTicket(colleague, 1, "first change");
        await().until(() -> halo.webhookDeliveries().size() == 2); // the change, then the note's bump of the ticket
        halo.advance(Duration.ofSeconds(1));
        updateTicket(colleague, 1, "second change");
        await().until(() -> halo.webhookDeliveries().size() == 4);
        await().pollDelay(Duration.ofMillis(300)).until(() -> true); // room for a delivery that should not come

        // then each change is routed once, and Halo's reports of the route's own notes are answered 200, not routed
        assertEquals(List.of("first change", "second change"), taken.stream().map(Taken::summary).toList());
        assertEquals(4, halo.webhookDeliveries().size(), String.valueOf(halo.webhookDeliveries()));
        assertTrue(halo.webhookDeliveries().stream().allMatch(WebhookDelivery::succeeded));
    }
}
