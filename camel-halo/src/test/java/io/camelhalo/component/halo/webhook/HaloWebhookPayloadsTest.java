package io.camelhalo.component.halo.webhook;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.camelhalo.component.halo.HaloConstants;
import io.camelhalo.component.halo.HaloSandboxExtension;
import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * halo-webhook given deliveries as Halo sends them (docs/HALO-FACTS.md, "Webhooks"), posted straight to the route: the
 * captured full-object shape, event information only, a custom payload, batches, a record Halo no longer has, re-sends
 * still in flight, an older version after a newer one, bodies too large, Halo's authentication types. The sandbox
 * answers the reads a delivery needs.
 */
class HaloWebhookPayloadsTest {

    private static final String BEARER = "a-bearer-token-of-32-characters!";
    private static final String GUID = "8e25bc7b-5d0f-4a8f-9a53-2f6d1c3b7a41";

    @RegisterExtension
    final HaloSandboxExtension extension = HaloSandboxExtension.perTest().withoutContext();

    private HaloSandbox halo;
    private int port;
    private CamelContext camel;
    private final List<Exchange> routed = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void bind() {
        halo = extension.sandbox();
        port = AvailablePortFinder.getNextAvailable();
    }

    private void startRoute(String options) throws Exception {
        startRoute(options, new CountDownLatch(0));
    }

    /** A route taking tickets; it waits for {@code release} before it finishes (to hold a delivery in flight). */
    private void startRoute(String options, CountDownLatch release) throws Exception {
        camel = WebhookTestSupport.context(extension, port);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("halo-webhook:tickets?bearerToken=" + BEARER + (options.isEmpty() ? "" : "&" + options))
                        .routeId("webhook")
                        .process(e -> {
                            routed.add(e.copy());
                            assertTrue(release.await(30, TimeUnit.SECONDS));
                        });
            }
        });
        camel.start();
        halo.resetCounters();
    }

    private HttpResponse<String> post(String body) throws Exception {
        return post(body, "Bearer " + BEARER);
    }

    private HttpResponse<String> post(String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                                                        + "/halo-webhook/tickets"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String captured() throws Exception {
        try (InputStream in = HaloWebhookPayloadsTest.class.getResourceAsStream("/webhook/ticket-status-changed.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String eventOnly(String event, long objectId) {
        return "{\"id\":\"" + GUID + "\",\"webhook_id\":\"w-1\",\"event\":\"" + event + "\",\"object_id\":" + objectId
               + ",\"timestamp\":\"2026-09-25T06:41:08.7895915Z\"}";
    }

    private static Object header(Exchange e, String name) {
        return e.getMessage().getHeader(name);
    }

    @Test
    void aFullObjectDeliveryRoutesTheNestedTicketWithHalosEventAndIdsAndReadsNothing() throws Exception {
        startRoute("");

        HttpResponse<String> answer = post(captured());

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(1, routed.size());
        Exchange e = routed.get(0);
        assertEquals(1L, header(e, HaloConstants.RECORD_ID), "the ticket's id, never the delivery's GUID");
        assertEquals("Printer jammed", e.getMessage().getBody(Map.class).get("summary"));
        assertEquals("Ticket Status Changed", header(e, HaloConstants.WEBHOOK_EVENT));
        assertEquals(GUID, header(e, HaloConstants.DELIVERY_ID));
        assertEquals("0f7e2c1a-3b4d-4e5f-8a9b-1c2d3e4f5a6b", header(e, HaloConstants.WEBHOOK_ID));
        assertEquals("updated", header(e, HaloConstants.EVENT_TYPE), "Halo reports a status change, not a creation");
        assertEquals(0, halo.apiRequestCount(), "the full object has what a change needs");
    }

    @Test
    void anEventOnlyDeliveryReadsTheRecordByItsObjectIdAndHalosEventSaysCreated() throws Exception {
        startRoute("");

        HttpResponse<String> answer = post(eventOnly("New Ticket Logged", 2));

        assertEquals(200, answer.statusCode(), answer.body());
        Exchange e = routed.get(0);
        assertEquals(2L, header(e, HaloConstants.RECORD_ID));
        assertEquals(halo.record("tickets", 2).get("summary"), e.getMessage().getBody(Map.class).get("summary"));
        assertEquals("created", header(e, HaloConstants.EVENT_TYPE));
        assertEquals(1, halo.apiRequestCount(), "one read of the announced ticket");
    }

    @Test
    void aCustomPayloadNamesTheFieldThatHoldsTheRecordId() throws Exception {
        startRoute("recordIdField=ticket_number");

        HttpResponse<String> answer = post("{\"ticket_number\": 3, \"note\": \"our own payload\"}");

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(3L, header(routed.get(0), HaloConstants.RECORD_ID));
        assertEquals(halo.record("tickets", 3).get("summary"), routed.get(0).getMessage().getBody(Map.class)
                .get("summary"));
    }

    @Test
    void aBatchIsRoutedInOrderAndARecordHaloNoLongerHasIsItsDeletion() throws Exception {
        startRoute("");

        HttpResponse<String> answer = post("[" + eventOnly("Ticket Updated", 2) + "," + eventOnly("Ticket Updated", 999)
                                           + "]");

        assertEquals(200, answer.statusCode(), "a deletion is no reason for Halo to retry: " + answer.body());
        assertEquals(List.of(2L, 999L), routed.stream().map(e -> header(e, HaloConstants.RECORD_ID)).toList());
        assertEquals(List.of("updated", "deleted"),
                routed.stream().map(e -> header(e, HaloConstants.EVENT_TYPE)).toList());
        assertEquals(Boolean.TRUE, routed.get(1).getProperty(Exchange.BATCH_COMPLETE));
    }

    @Test
    void whatNoRetryCanMendIsRefusedWith400AndRoutesNothing() throws Exception {
        startRoute("");

        assertEquals(400, post("not json").statusCode());
        assertEquals(400, post("{\"id\":\"" + GUID + "\",\"webhook_id\":\"w-1\",\"event\":\"Ticket Updated\"}")
                .statusCode(), "an envelope naming no record: its GUID is not a ticket id");
        assertEquals(List.of(), routed);
    }

    @Test
    void credentialsAreCheckedBeforeTheBodyAndAWrongOneRoutesNothing() throws Exception {
        startRoute("");

        assertEquals(401, post("not json either", "Bearer wrong-token-of-32-characters-long").statusCode(),
                "refused on its header, before the body is read (not 400)");
        assertEquals(401, post(captured(), null).statusCode());
        assertEquals(List.of(), routed);
    }

    @Test
    void anApiKeyHeaderAuthenticatesAsHalosApiKeyType() throws Exception {
        camel = WebhookTestSupport.context(extension, port);
        camel.addRoutes(WebhookTestSupport.recording("webhook", "halo-webhook:tickets?apiKeyHeader=X-Api-Key"
                                                                + "&apiKey=an-api-key-of-24-chars!",
                "webhook", WebhookTestSupport.newTakenList()));
        camel.start();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/halo-webhook/tickets"))
                .header("X-Api-Key", "an-api-key-of-24-chars!")
                .POST(HttpRequest.BodyPublishers.ofString(captured())).build();
        assertEquals(200, http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void blankOrShortSecretsAndRegistrationWithoutEventsRefuseToStartNamingTheOption() throws Exception {
        camel = extension.newContext();
        camel.start();
        assertMessage("bearerToken", "halo-webhook:tickets?bearerToken=short");
        assertMessage("apiKey", "halo-webhook:tickets?apiKeyHeader=X-Key&apiKey=RAW(                    )");
        assertMessage("basicPassword", "halo-webhook:tickets?basicUsername=halo&basicPassword=123456789012345");
        assertMessage("events", "halo-webhook:tickets?bearerToken=" + BEARER
                                + "&register=true&webhookUrl=https://camel.example.com/halo-webhook/tickets");
        assertMessage("signatureSecret", "halo-webhook:tickets?signatureSecret=a-signing-secret-of-32-characters"
                                         + "&events=3,19&register=true"
                                         + "&webhookUrl=https://camel.example.com/halo-webhook/tickets");
    }

    @Test
    void eventsAreHalosNumbersOrTheNamesAPublishedClientMapsAndRegistrationSubscribesThem() throws Exception {
        assertEquals(List.of(3, 76, 19), WebhookRegistration.eventNumbers("NewTicketLogged, ticket-status-changed,19"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> WebhookRegistration.eventNumbers("3,TicketEdited"));
        assertTrue(bad.getMessage().contains("'TicketEdited'") && bad.getMessage().contains("newticketlogged"),
                bad.getMessage());

        startRoute("register=true&events=NewTicketLogged,TicketStatusChanged&webhookUrl=http://127.0.0.1:" + port
                   + "/halo-webhook/tickets");
        List<?> events = (List<?>) halo.webhooks().get(0).get("events");
        assertEquals(List.of(3L, 76L), events.stream().map(e -> ((Number) ((Map<?, ?>) e).get("eventno")).longValue())
                .toList());
        assertEquals(2L, halo.webhooks().get(0).get("authentication_type") instanceof Number n ? n.longValue() : -1,
                "Halo's Bearer token type");
    }

    private void assertMessage(String option, String uri) {
        Exception e = assertThrows(Exception.class, () -> camel.getEndpoint(uri));
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains(option), option + ": " + cause.getMessage());
    }

    @Test
    void aBodyLargerThanMaxBodySizeIsRefusedWith413() throws Exception {
        startRoute("maxBodySize=200");

        HttpResponse<String> answer = post(captured());

        assertEquals(413, answer.statusCode());
        assertEquals(List.of(), routed);
    }

    @Test
    void aResendOfAVersionStillInFlightIsNeverAnswered200BeforeTheFirstIsConfirmed() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        startRoute("inFlightWait=300", release);
        String delivery = captured();

        // given a first delivery whose route is still running
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
            try {
                return post(delivery);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> routed.size() == 1);

        // when Halo re-sends it meanwhile
        HttpResponse<String> resend = post(delivery);

        // then the re-send is told to come back later, and once the first is confirmed it is a duplicate
        assertEquals(503, resend.statusCode(), resend.body());
        assertTrue(resend.headers().firstValue("Retry-After").isPresent());
        release.countDown();
        assertEquals(200, first.get(10, TimeUnit.SECONDS).statusCode());
        HttpResponse<String> again = post(delivery);
        assertEquals(200, again.statusCode());
        assertTrue(again.body().contains("\"duplicates\":1"), again.body());
        assertEquals(1, routed.size());
    }

    @Test
    void anOlderVersionArrivingAfterANewerOneIsAcknowledgedAndNotRouted() throws Exception {
        startRoute("");
        String newer = captured();
        String older = newer.replace("\"last_update\": \"2026-09-25T06:41:08.623\"",
                "\"last_update\": \"2026-09-25T06:40:00.000\"");

        assertEquals(200, post(newer).statusCode());
        HttpResponse<String> retry = post(older);

        assertEquals(200, retry.statusCode());
        assertTrue(retry.body().contains("\"stale\":1"), retry.body());
        List<Object> versions = new ArrayList<>();
        routed.forEach(e -> versions.add(header(e, HaloConstants.LAST_MODIFIED)));
        assertEquals(1, versions.size(), "only the newer version: " + versions);
        assertNull(header(routed.get(0), HaloConstants.ID));
    }
}
