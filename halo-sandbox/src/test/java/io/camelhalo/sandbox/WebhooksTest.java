package io.camelhalo.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks configured through /api/Webhook: retries, auto-disable, batching, re-sends, the delivery log
 * (/api/WebhookEvent) and the legacy mode the old halo-webhook tests still use.
 */
class WebhooksTest {

    private HaloSandbox halo;
    private SandboxClient client;
    private WebhookReceiver receiver;

    @BeforeEach
    void start() {
        halo = HaloSandbox.start(0);
        client = new SandboxClient(halo).login();
        receiver = new WebhookReceiver();
        halo.webhookRetries(3, Duration.ZERO);
    }

    @AfterEach
    void stop() {
        receiver.close();
        halo.close();
        assertEquals(List.of(), halo.violations(), "every request the tests made is in Halo's API description");
    }

    /** A webhook posting to {@code path} on the receiver for Halo's "Ticket Updated by User" event (19). */
    private String webhook(String name, String path, String more) {
        SandboxClient.Response created = client.post("/Webhook", "[{\"name\":\"" + name + "\",\"url\":\""
                                                                 + receiver.url(path) + "\",\"events\":[{\"eventno\":19}]"
                                                                 + more + "}]");
        assertEquals(200, created.status(), created.body());
        return created.json().get("id").asText();
    }

    private void updateTicket(long id, String summary) {
        assertEquals(201, client.post("/Tickets", "[{\"id\":" + id + ",\"summary\":\"" + summary + "\"}]").status());
    }

    private boolean active(String webhookId) {
        return client.get("/Webhook/" + webhookId).json().get("active").asBoolean();
    }

    @Test
    void aRefusedDeliveryIsRetriedAndLoggedThenCanBeResent() {
        webhook("retry", "/hook", "");
        receiver.refuseNext(2);

        updateTicket(3, "Retry me");

        await().until(() -> halo.webhookDeliveries().size() == 1);
        WebhookDelivery first = halo.webhookDeliveries().get(0);
        assertEquals(List.of(503, 503, 200), first.statuses());
        assertEquals(3, receiver.count());
        assertEquals(3, receiver.received().get(2).json().get("object_id").asLong());

        // when a person re-sends it from the log
        WebhookDelivery again = halo.resendWebhookDelivery(1);

        // then the same body is posted again
        assertEquals(1, again.resentFrom());
        assertEquals(first.body(), again.body());
        assertTrue(again.succeeded());
        assertEquals(4, receiver.count());
    }

    @Test
    void consecutiveFailedDeliveriesDisableTheWebhookAndNothingMoreIsSent() {
        // given a webhook Halo disables after two failed deliveries, and a receiver that refuses everything
        String failing = webhook("failing", "/down", ",\"auto_disable_attempts\":2");
        String healthy = webhook("healthy", "/up", "");
        halo.webhookRetries(2, Duration.ZERO);
        receiver.refuseAll(true, 500);

        // when two tickets change, each delivery failing after its retries
        updateTicket(1, "one");
        updateTicket(2, "two");

        // then the webhook is inactive as the API shows it
        await().until(() -> !active(failing));
        assertEquals(2, halo.webhookDeliveries().stream().filter(d -> d.webhookId().equals(failing)).count());
        assertTrue(halo.webhookDeliveries().stream().filter(d -> d.webhookId().equals(failing))
                .allMatch(d -> d.statuses().equals(List.of(500, 500))));

        // and when the receiver is back and a third ticket changes, only the active webhook gets it
        receiver.refuseAll(false, 200);
        updateTicket(3, "three");
        await().until(() -> receiver.received("/up").stream().anyMatch(r -> r.body().contains("\"three\"")));
        assertEquals(4, receiver.received("/down").size(), "two deliveries of two attempts, then nothing");
        assertTrue(active(healthy), "its last delivery succeeded: the count started again");
    }

    @Test
    void aSuccessfulDeliveryStartsTheFailureCountAgain() {
        String id = webhook("flaky", "/hook", "");
        halo.webhookAutoDisable(2);
        halo.webhookRetries(1, Duration.ZERO);

        receiver.refuseNext(1);
        updateTicket(1, "fails");
        updateTicket(2, "succeeds");
        await().until(() -> halo.webhookDeliveries().size() == 2);
        receiver.refuseNext(1);
        updateTicket(3, "fails again");
        await().until(() -> halo.webhookDeliveries().size() == 3);

        assertEquals(List.of(false, true, false),
                halo.webhookDeliveries().stream().map(WebhookDelivery::succeeded).toList());
        assertTrue(active(id), "two failures, but not consecutive");
    }

    @Test
    void autoDisableZeroNeverDisables() {
        String id = webhook("patient", "/hook", ",\"auto_disable_attempts\":0");
        halo.webhookRetries(1, Duration.ZERO);
        receiver.refuseAll(true, 500);

        for (int i = 1; i <= 6; i++) {
            updateTicket(1, "try " + i);
        }

        await().until(() -> halo.webhookDeliveries().size() == 6);
        assertTrue(active(id));
    }

    @Test
    void batchingPostsSeveralPayloadsAsOneArrayInOrder() {
        webhook("batch", "/hook", "");
        halo.webhookBatching(3, Duration.ofMinutes(5));

        updateTicket(1, "a");
        client.post("/Tickets", "[{\"id\":2,\"summary\":\"b\"},{\"id\":3,\"summary\":\"c\"}]");

        await().until(() -> receiver.count() == 1);
        JsonNode batch = receiver.received().get(0).json();
        assertTrue(batch.isArray());
        assertEquals(List.of(1L, 2L, 3L), List.of(batch.get(0).get("object_id").asLong(),
                batch.get(1).get("object_id").asLong(), batch.get(2).get("object_id").asLong()));
        assertEquals(List.of("a", "b", "c"), List.of(batch.get(0).get("ticket").get("summary").asText(),
                batch.get(1).get("ticket").get("summary").asText(), batch.get(2).get("ticket").get("summary").asText()));
    }

    @Test
    void aWebhookIsFoundUpdatedAndDeletedThroughTheApi() {
        String id = client.post("/Webhook", "[{\"name\":\"x\",\"url\":\"" + receiver.url("/hook") + "\"}]").json()
                .get("id").asText();

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
        client.post("/Webhook", "[{\"name\":\"far\",\"url\":\"http://192.0.2.1/hook\",\"events\":[{\"eventno\":19}]}]");

        updateTicket(1, "stay home");

        await().until(() -> halo.webhookDeliveries().size() == 1);
        assertEquals(List.of(0), halo.webhookDeliveries().get(0).statuses());
    }

    @Test
    void theDeliveryLogIsServedInHalosWebhookEventSchema() {
        // given two webhooks, one with an API key, and three deliveries (one refused once)
        String keyed = webhook("keyed", "/keyed", ",\"authentication_type\":3,\"authentication_header\":\"X-Api-Key\","
                                                  + "\"basic_password\":\"k3y-not-to-be-logged\"");
        String plain = webhook("plain", "/plain", "");
        receiver.refuseNext(1);
        updateTicket(1, "logged");
        await().until(() -> halo.webhookDeliveries().size() == 2);
        updateTicket(2, "logged too");
        await().until(() -> halo.webhookDeliveries().size() == 4);

        // when the log is read through the API
        JsonNode all = client.get("/WebhookEvent").json();
        JsonNode keyedOnly = client.get("/WebhookEvent?webhook_id=" + keyed).json();
        JsonNode newest = client.get("/WebhookEvent?count=1").json();

        // then it holds each delivery, newest first, with only fields of Halo's WebhookEvent schema
        assertEquals(4, all.size());
        for (JsonNode entry : all) {
            entry.fieldNames().forEachRemaining(f -> assertTrue(ApiDescription.get().field("WebhookEvent", f).isPresent(),
                    () -> f + " is not in Halo's WebhookEvent schema"));
        }
        WebhookDelivery last = halo.webhookDeliveries().get(3);
        assertEquals(last.id(), all.get(0).get("id").asText());
        assertEquals(1, newest.size());
        assertEquals(last.id(), newest.get(0).get("id").asText());
        assertEquals(2, keyedOnly.size());
        WebhookDelivery firstKeyed = halo.webhookDeliveries().stream().filter(d -> d.webhookId().equals(keyed))
                .findFirst().orElseThrow();
        JsonNode logged = keyedOnly.get(1);
        assertEquals(firstKeyed.id(), logged.get("id").asText());
        assertEquals(keyed, logged.get("webhook_id").asText());
        assertEquals(firstKeyed.body(), logged.get("requestbody").asText());
        assertTrue(logged.get("notification_id").isInt());
        assertEquals(1, logged.get("entity_id").asLong());
        assertTrue(logged.get("timestamp").asText().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}"));
        // the refused first attempt (the keyed webhook's, queued first) was retried: the entry shows the last answer
        assertEquals(List.of(503, 200), firstKeyed.statuses());
        assertEquals(200, logged.get("responsestatus").asInt());
        assertFalse(logged.get("error").asBoolean());
        assertEquals("{\"ok\":true}", logged.get("responsebody").asText());
        // and the API key is masked in the logged headers, but was sent
        String headers = logged.get("requestheaders").asText();
        assertTrue(headers.contains("X-Api-Key: " + WebhookSender.MASK), headers);
        assertFalse(headers.contains("k3y-not-to-be-logged"), headers);
        assertEquals("k3y-not-to-be-logged", receiver.received("/keyed").get(0).header("X-Api-Key"));
        // one entry by id
        assertEquals(firstKeyed.id(), client.get("/WebhookEvent/" + firstKeyed.id()).json().get("id").asText());
        assertEquals(404, client.get("/WebhookEvent/" + java.util.UUID.randomUUID()).status());
        assertEquals(2, client.get("/WebhookEvent?webhook_id=" + plain).json().size());
    }

    @Test
    void theLegacyModePostsTheBareRecordForEveryTicketWriteAndSignsIt() throws Exception {
        // given the old mode, which only the old halo-webhook tests ask for, and a webhook with no events
        halo.webhookPayloads(WebhookPayloads.LEGACY_BARE_RECORD);
        client.post("/Webhook", "[{\"name\":\"signed\",\"url\":\"" + receiver.url("/hook") + "\",\"authentication_type\":3,"
                                + "\"basic_password\":\"k3y\",\"algorithm\":1,\"digest\":0,\"signature_prefix\":\"sha256=\"}]");

        updateTicket(2, "Signed");

        // then the bare ticket is posted, signed with an HMAC of its bytes
        await().until(() -> receiver.count() == 1);
        WebhookReceiver.Received delivery = receiver.received().get(0);
        assertEquals(2, delivery.json().get("id").asLong());
        assertEquals("Signed", delivery.json().get("summary").asText());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("k3y".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertEquals("sha256=" + HexFormat.of().formatHex(mac.doFinal(delivery.body().getBytes(StandardCharsets.UTF_8))),
                delivery.header("X-Halo-Signature"));
    }

    @Test
    void asHaloNoDeliveryIsSigned() {
        // given the same webhook as Halo reads it: type 3 is an API key, and nothing names its header
        client.post("/Webhook", "[{\"name\":\"typ3\",\"url\":\"" + receiver.url("/hook") + "\",\"authentication_type\":3,"
                                + "\"authentication_header\":\"X-Key\",\"basic_password\":\"k3y\","
                                + "\"events\":[{\"eventno\":19}]}]");

        updateTicket(2, "Not signed");

        await().until(() -> receiver.count() == 1);
        assertNull(receiver.received().get(0).header("X-Halo-Signature"));
        assertEquals("k3y", receiver.received().get(0).header("X-Key"));
    }
}
