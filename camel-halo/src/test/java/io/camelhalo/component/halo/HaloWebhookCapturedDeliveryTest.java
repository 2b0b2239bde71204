package io.camelhalo.component.halo;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * halo-webhook given the captured delivery (src/test/resources/webhook, see its README) with Halo stubbed by WireMock:
 * the nested ticket is routed without a read; its event-information-only form reads the ticket by object_id; a ticket
 * Halo answers 404 for is routed as its deletion (200 to Halo); a Halo that fails the read gets 503 (a retry can help),
 * and nothing is routed.
 */
class HaloWebhookCapturedDeliveryTest extends HaloTestSupport {

    @RegisterExtension
    static WireMockExtension halo = newHalo();

    private static final String BEARER = "a-bearer-token-of-32-characters!";

    private final List<Exchange> routed = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private int port;

    @Override
    protected WireMockExtension halo() {
        return halo;
    }

    @BeforeEach
    void serveTheWebhook() throws Exception {
        stubToken();
        port = AvailablePortFinder.getNextAvailable();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("halo-webhook:tickets?bearerToken=" + BEARER).routeId("webhook").process(e -> routed.add(e.copy()));
            }
        });
    }

    private static String captured() throws Exception {
        try (InputStream in = HaloWebhookCapturedDeliveryTest.class.getResourceAsStream(
                "/webhook/ticket-status-changed.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The captured delivery as Halo's "event information only" payload type sends it: the outer object alone. */
    private static String eventOnly() throws Exception {
        String full = captured();
        return full.substring(0, full.indexOf(",\n  \"ticket\"")) + "\n}";
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/halo-webhook/tickets"))
                .header("Authorization", "Bearer " + BEARER).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theCapturedDeliveryIsRoutedWithoutAnyRequestToHalo() throws Exception {
        assertEquals(200, post(captured()).statusCode());

        assertEquals(1L, routed.get(0).getMessage().getHeader(HaloConstants.RECORD_ID));
        assertEquals("Ticket Status Changed", routed.get(0).getMessage().getHeader(HaloConstants.WEBHOOK_EVENT));
        halo.verify(0, getRequestedFor(urlPathEqualTo("/api/Tickets/1")));
    }

    @Test
    void itsEventOnlyFormReadsTheTicketByObjectId() throws Exception {
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/1")).willReturn(okJson(
                "{\"id\":1,\"summary\":\"Printer jammed\",\"last_update\":\"2026-09-25T06:41:08.623\"}")));

        HttpResponse<String> answer = post(eventOnly());

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("Printer jammed", routed.get(0).getMessage().getBody(Map.class).get("summary"));
        assertEquals("updated", routed.get(0).getMessage().getHeader(HaloConstants.EVENT_TYPE));
        halo.verify(1, getRequestedFor(urlPathEqualTo("/api/Tickets/1")));
    }

    @Test
    void aTicketHaloNoLongerHasIsRoutedAsItsDeletion() throws Exception {
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/1")).willReturn(aResponse().withStatus(404)));

        HttpResponse<String> answer = post(eventOnly());

        assertEquals(200, answer.statusCode(), "no retry would bring the ticket back: " + answer.body());
        assertEquals("deleted", routed.get(0).getMessage().getHeader(HaloConstants.EVENT_TYPE));
        assertEquals(1L, routed.get(0).getMessage().getHeader(HaloConstants.RECORD_ID));
    }

    @Test
    void aHaloThatFailsTheReadIsAnswered503AndNothingIsRouted() throws Exception {
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/1")).willReturn(aResponse().withStatus(500)));

        HttpResponse<String> answer = post(eventOnly());

        assertEquals(503, answer.statusCode(), answer.body());
        assertTrue(routed.isEmpty());
    }
}
