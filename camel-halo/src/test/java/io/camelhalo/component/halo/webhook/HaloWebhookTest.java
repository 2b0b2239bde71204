package io.camelhalo.component.halo.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.camelhalo.component.halo.HaloSandboxExtension;
import io.camelhalo.component.halo.webhook.WebhookTestSupport.Taken;
import io.camelhalo.sandbox.HaloSandbox;
import io.camelhalo.sandbox.WebhookDelivery;
import io.camelhalo.sandbox.WebhookPayloads;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelhalo.component.halo.webhook.WebhookTestSupport.updateTicket;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** halo-webhook against the sandbox's webhooks: registration, authentication, order, batches, re-sends. */
class HaloWebhookTest {

    private static final String BASIC = "basicUsername=halo&basicPassword=RAW(pa55:word-of-20-chars)";
    private static final String SIGNED = "signatureSecret=RAW(s3cr3t-of-20-chars!)&signaturePrefix=sha256=";
    private static final String SIGNING_SECRET = "s3cr3t-of-20-chars!";

    /** The sandbox, and the writer context: Halo's agents and administrators. */
    @RegisterExtension
    final HaloSandboxExtension extension = HaloSandboxExtension.perTest();

    private HaloSandbox halo;
    private int port;
    private CamelContext camel;
    private CamelContext writerContext;
    private ProducerTemplate writer;
    private final List<Taken> taken = WebhookTestSupport.newTakenList();

    @BeforeEach
    void start() {
        halo = extension.sandbox();
        // legacy sandbox mode until this test moves to the consumer of issue 21: remove with WebhookPayloads.LEGACY_BARE_RECORD
        halo.webhookPayloads(WebhookPayloads.LEGACY_BARE_RECORD);
        halo.webhookRetries(3, Duration.ZERO);
        port = AvailablePortFinder.getNextAvailable();
        writerContext = extension.context();
        writer = extension.template();
    }

    private String url() {
        return "http://127.0.0.1:" + port + "/halo-webhook/tickets";
    }

    private void startRoute(String options) throws Exception {
        camel = WebhookTestSupport.context(extension, port);
        camel.addRoutes(WebhookTestSupport.recording("webhook", "halo-webhook:tickets?register=true&webhookUrl="
                                                                + url() + "&" + options,
                "webhook", taken));
        camel.start();
    }

    @Test
    void registeredWebhookDeliversEachChangeAuthenticatedAndInOrder() throws Exception {
        // given a route that registers its webhook in Halo with Basic authentication
        startRoute(BASIC);
        assertEquals(1, halo.webhooks().size());
        assertEquals(1, halo.webhooks().get(0).get("authentication_type"));

        // when three tickets are updated
        updateTicket(writer, 3, "third first");
        updateTicket(writer, 1, "first second");
        updateTicket(writer, 2, "second third");

        // then each arrives once, in the order of the changes, with halo-poll's headers
        await().until(() -> taken.size() == 3);
        assertEquals(List.of(3L, 1L, 2L), taken.stream().map(t -> ((Number) t.id()).longValue()).toList());
        assertEquals(List.of("third first", "first second", "second third"),
                taken.stream().map(Taken::summary).toList());
        assertTrue(taken.stream().allMatch(t -> t.resource().equals("tickets") && t.eventType().equals("updated")
                && t.lastModified() instanceof java.time.Instant));
        assertTrue(halo.webhookDeliveries().stream().allMatch(WebhookDelivery::succeeded));
    }

    @Test
    void restartFindsTheWebhookByNameAndUnregisterRemovesIt() throws Exception {
        startRoute(BASIC);
        camel.stop();

        startRoute(BASIC + "&unregisterOnStop=true");
        assertEquals(1, halo.webhooks().size(), "the restart updated the webhook it made, not a second one");

        camel.stop();
        camel = null;
        assertEquals(0, halo.webhooks().size());
    }

    @Test
    void aWrongPasswordIsRefusedWith401AndRoutesNothing() throws Exception {
        // given the route expects one password and Halo is configured with another
        startRoute(BASIC);
        String id = String.valueOf(halo.webhooks().get(0).get("id"));
        WebhookTestSupport.updateWebhook(halo, writerContext, id,
                Map.of("authentication_type", 1, "basic_username", "halo", "basic_password", "guess"));

        // when a ticket changes
        updateTicket(writer, 1, "not for you");

        // then every attempt is refused with 401 and nothing is routed
        await().until(() -> halo.webhookDeliveries().size() == 1);
        assertEquals(List.of(401, 401, 401), halo.webhookDeliveries().get(0).statuses());
        assertTrue(taken.isEmpty());
    }

    /** A route behind a proxy that signs what it forwards (Halo does not sign): no registration. */
    private void startSignedRoute() throws Exception {
        camel = WebhookTestSupport.context(extension, port);
        camel.addRoutes(WebhookTestSupport.recording("webhook", "halo-webhook:tickets?" + SIGNED, "webhook", taken));
        camel.start();
    }

    @Test
    void aSignedDeliveryIsCheckedOverTheRawBody() throws Exception {
        // given a route behind a proxy that signs each delivery with an HMAC
        startSignedRoute();

        // when someone posts with a signature made with another secret or none, then 401 and nothing routed
        String body = "{\"id\":5,\"summary\":\"forged\",\"last_update\":\"2026-01-01T00:00:00\"}";
        assertEquals(401, post(body, Map.of("X-Halo-Signature", "sha256=" + hmac("guess", body))));
        assertEquals(401, post(body, Map.of()));
        assertEquals(401, post(body, Map.of("X-Halo-Signature", "sha256=" + hmac(SIGNING_SECRET, body + " "))));
        assertTrue(taken.isEmpty());
        // and the right signature over the same bytes is taken
        assertEquals(200, post(body, Map.of("X-Halo-Signature", "sha256=" + hmac(SIGNING_SECRET, body))));
        assertEquals(List.of("forged"), taken.stream().map(Taken::summary).toList());
    }

    @Test
    void aDeliveryWithARecordWithoutIdIsRefusedWith400AndRoutesNothing() throws Exception {
        // given a route that checks signatures
        startSignedRoute();

        // when a signed delivery of two records carries one without an id
        String body = "[{\"id\":5,\"summary\":\"fine\",\"last_update\":\"2026-01-01T00:00:00\"},"
                      + "{\"summary\":\"no id\",\"last_update\":\"2026-01-01T00:00:00\"}]";
        int status = post(body, Map.of("X-Halo-Signature", "sha256=" + hmac(SIGNING_SECRET, body)));

        // then it is refused as malformed (a retry cannot mend it), and not even the good record is routed
        assertEquals(400, status);
        assertTrue(taken.isEmpty());
    }

    @Test
    void aBatchedDeliveryIsSplitInOrderAndAResendRoutesNothingTwice() throws Exception {
        // given Halo batches three changes per delivery
        startRoute(BASIC);
        halo.webhookBatching(3, Duration.ofMinutes(5));

        // when three tickets change
        updateTicket(writer, 2, "b1");
        updateTicket(writer, 1, "b2");
        updateTicket(writer, 3, "b3");

        // then one delivery brings three exchanges, in order
        await().until(() -> taken.size() == 3 && halo.webhookDeliveries().size() == 1);
        assertEquals(List.of("b1", "b2", "b3"), taken.stream().map(Taken::summary).toList());

        // when a person re-sends the delivery, then it is acknowledged and nothing is routed twice
        WebhookDelivery again = halo.resendWebhookDelivery(1);
        assertTrue(again.succeeded());
        assertEquals(3, taken.size());
        assertEquals(List.of("b1", "b2", "b3"), taken.stream().map(Taken::summary).toList());
    }

    @Test
    void aRouteFailureAnswers500AndHalosRetryRoutesOnlyWhatWasNotTaken() throws Exception {
        // given a route that fails once on the second record of a batch
        halo.webhookBatching(3, Duration.ofMinutes(5));
        camel = WebhookTestSupport.context(extension, port);
        java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("halo-webhook:tickets?register=true&webhookUrl=" + url() + "&" + BASIC).routeId("webhook")
                        .process(e -> {
                            if ("c2".equals(e.getMessage().getBody(Map.class).get("summary"))
                                    && failed.compareAndSet(false, true)) {
                                throw new IllegalStateException("downstream unavailable");
                            }
                            taken.add(WebhookTestSupport.taken(e, "webhook"));
                        });
            }
        });
        camel.start();

        // when three tickets change in one delivery
        updateTicket(writer, 1, "c1");
        updateTicket(writer, 2, "c2");
        updateTicket(writer, 3, "c3");

        // then Halo gets 500, retries, and each change is taken once, in order
        await().until(() -> taken.size() == 3 && halo.webhookDeliveries().size() == 1);
        assertEquals(List.of(500, 200), halo.webhookDeliveries().get(0).statuses());
        assertEquals(List.of("c1", "c2", "c3"), taken.stream().map(Taken::summary).toList());
    }

    @Test
    void aRouteWithNoAuthenticationDoesNotStart() {
        camel = WebhookTestSupport.context(extension, port);
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> {
            camel.addRoutes(WebhookTestSupport.recording("open", "halo-webhook:tickets", "webhook", taken));
            camel.start();
        });
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains("would accept deliveries from anyone"), cause.getMessage());
        assertFalse(cause.getMessage().contains("pa55"));
    }

    private int post(String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
