package io.camelhalo.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhooks configured through /api/Webhook: deliveries with auth, signature, batching, retries and re-sends. */
class WebhooksTest {

    /** One request the receiver got. */
    record Received(Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private HaloSandbox halo;
    private SandboxClient client;
    private HttpServer receiver;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger refuseNext = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        halo = HaloSandbox.start(0);
        client = new SandboxClient(halo).login();
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body));
            int status = refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        halo.webhookRetries(3, Duration.ZERO);
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        halo.close();
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    @Test
    void aTicketWriteIsPostedWithBasicAuthentication() {
        // given a webhook with Basic authentication
        SandboxClient.Response created = client.post("/Webhook", "[{\"name\":\"camel\",\"url\":\"" + url()
                                                                 + "\",\"authentication_type\":1,\"basic_username\":\"halo\",\"basic_password\":\"s3cret\"}]");
        assertEquals(200, created.status(), created.body());
        assertFalse(created.json().has("basic_password"), "the API does not show the password");

        // when a ticket is updated
        client.post("/Tickets", "[{\"id\":1,\"summary\":\"Printer on fire\"}]");

        // then the ticket is posted with the credentials
        await().until(() -> received.size() == 1);
        Received delivery = received.peek();
        assertEquals("Basic " + Base64.getEncoder().encodeToString("halo:s3cret".getBytes(StandardCharsets.UTF_8)),
                delivery.header("Authorization"));
        JsonNode ticket = new SandboxClient.Response(200, delivery.body(), null).json();
        assertEquals(1, ticket.get("id").asLong());
        assertEquals("Printer on fire", ticket.get("summary").asText());
        assertTrue(ticket.has("last_update"));
    }

    @Test
    void aSignedDeliveryCarriesTheHmacOfItsBody() throws Exception {
        client.post("/Webhook", "[{\"name\":\"signed\",\"url\":\"" + url() + "\",\"authentication_type\":3,"
                                + "\"basic_password\":\"k3y\",\"algorithm\":1,\"digest\":0,\"signature_prefix\":\"sha256=\"}]");

        client.post("/Tickets", "[{\"id\":2,\"summary\":\"Signed\"}]");

        await().until(() -> received.size() == 1);
        Received delivery = received.peek();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("k3y".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertEquals("sha256=" + HexFormat.of().formatHex(mac.doFinal(delivery.body().getBytes(StandardCharsets.UTF_8))),
                delivery.header("X-Halo-Signature"));
    }

    @Test
    void aRefusedDeliveryIsRetriedAndLoggedThenCanBeResent() {
        client.post("/Webhook", "[{\"name\":\"retry\",\"url\":\"" + url() + "\",\"authentication_type\":0}]");
        refuseNext.set(2);

        client.post("/Tickets", "[{\"id\":3,\"summary\":\"Retry me\"}]");

        await().until(() -> halo.webhookDeliveries().size() == 1);
        WebhookDelivery first = halo.webhookDeliveries().get(0);
        assertEquals(List.of(503, 503, 200), first.statuses());
        assertEquals(3, received.size());

        // when a person re-sends it from the log
        WebhookDelivery again = halo.resendWebhookDelivery(1);

        // then the same body is posted again
        assertEquals(1, again.resentFrom());
        assertEquals(first.body(), again.body());
        assertTrue(again.succeeded());
        assertEquals(4, received.size());
    }

    @Test
    void batchingPostsSeveralRecordsAsOneArrayInOrder() {
        client.post("/Webhook", "[{\"name\":\"batch\",\"url\":\"" + url() + "\",\"authentication_type\":0}]");
        halo.webhookBatching(3, Duration.ofMinutes(5));

        client.post("/Tickets", "[{\"id\":1,\"summary\":\"a\"}]");
        client.post("/Tickets", "[{\"id\":2,\"summary\":\"b\"},{\"id\":3,\"summary\":\"c\"}]");

        await().until(() -> received.size() == 1);
        JsonNode batch = new SandboxClient.Response(200, received.peek().body(), null).json();
        assertTrue(batch.isArray());
        assertEquals(List.of(1L, 2L, 3L), List.of(batch.get(0).get("id").asLong(), batch.get(1).get("id").asLong(),
                batch.get(2).get("id").asLong()));
    }

    @Test
    void aWebhookIsFoundUpdatedAndDeletedThroughTheApi() {
        String id = client.post("/Webhook", "[{\"name\":\"x\",\"url\":\"" + url() + "\"}]").json().get("id").asText();

        client.post("/Webhook", "[{\"id\":\"" + id + "\",\"name\":\"x\",\"active\":false}]");
        JsonNode list = client.get("/Webhook").json();
        assertEquals(1, list.size());
        assertFalse(list.get(0).get("active").asBoolean());

        assertEquals(200, client.delete("/Webhook/" + id).status());
        assertEquals(404, client.get("/Webhook/" + id).status());
        assertEquals(0, client.get("/Webhook").json().size());
    }

    @Test
    void aUrlThatIsNotLoopbackIsNeverPosted() {
        client.post("/Webhook", "[{\"name\":\"far\",\"url\":\"http://192.0.2.1/hook\"}]");

        client.post("/Tickets", "[{\"id\":1,\"summary\":\"stay home\"}]");

        await().until(() -> halo.webhookDeliveries().size() == 1);
        assertEquals(List.of(0), halo.webhookDeliveries().get(0).statuses());
    }
}
