package io.camelhalo.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a webhook receives as Halo sends it: the events it subscribes to, in its payload type, authenticated. */
class WebhookPayloadsTest {

    private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private HaloSandbox halo;
    private SandboxClient client;
    private WebhookReceiver receiver;

    @BeforeEach
    void start() {
        halo = HaloSandbox.start(0);
        client = new SandboxClient(halo).login();
        receiver = new WebhookReceiver();
        halo.webhookRetries(1, Duration.ZERO);
    }

    @AfterEach
    void stop() {
        receiver.close();
        halo.close();
        assertEquals(List.of(), halo.violations(), "every request the tests made is in Halo's API description");
    }

    private String webhook(String path, String events, String more) {
        SandboxClient.Response created = client.post("/Webhook", "[{\"name\":\"" + path + "\",\"url\":\""
                                                                 + receiver.url(path) + "\",\"events\":" + events
                                                                 + more + "}]");
        assertEquals(200, created.status(), created.body());
        return created.json().get("id").asText();
    }

    private JsonNode onlyDelivery(String path) {
        await().until(() -> receiver.received(path).size() == 1);
        return receiver.received(path).get(0).json();
    }

    @Test
    void theFullObjectIsTheOuterObjectWithTheTicketNestedUnderTicket() {
        // given a webhook for "Ticket Status Changed" with the default payload type
        halo.setNow(Instant.parse("2026-09-25T06:41:08.789Z"));
        String id = webhook("/full", "[{\"eventno\":76}]", "");
        int notificationId = client.get("/Webhook/" + id).json().get("events").get(0).get("id").asInt();

        // when an agent changes ticket 2's status
        client.post("/Tickets", "[{\"id\":2,\"status_id\":3}]");

        // then Halo's outer object arrives, the ticket whole under "ticket", its number as object_id
        JsonNode body = onlyDelivery("/full");
        assertTrue(body.get("id").asText().matches(GUID), "the delivery's own id is a GUID, never the record's");
        assertEquals(id, body.get("webhook_id").asText());
        assertEquals(notificationId, body.get("notification_id").asInt());
        assertTrue(body.get("escmsg_id").asText().matches(GUID));
        assertEquals("ticket status changed", body.get("event").asText());
        assertEquals("The status has been changed for Ticket ID: 0000002.", body.get("message").asText());
        assertEquals(2, body.get("object_id").asLong());
        assertTrue(body.get("agent_id").isInt());
        assertEquals("2026-09-25T06:41:08.7890000Z", body.get("timestamp").asText());
        JsonNode ticket = body.get("ticket");
        assertEquals(2, ticket.get("id").asLong());
        assertEquals(3, ticket.get("status_id").asInt());
        assertEquals(halo.record("tickets", 2).get("summary"), ticket.get("summary").asText());
        assertTrue(ticket.has("last_update"));
    }

    @Test
    void theSmallObjectHasKeyFieldsOnlyAndNoLastModifiedField() {
        webhook("/small", "[{\"eventno\":19}]", ",\"payload_type\":1");

        client.post("/Tickets", "[{\"id\":1,\"summary\":\"Small\"}]");

        JsonNode ticket = onlyDelivery("/small").get("ticket");
        assertEquals(1, ticket.get("id").asLong());
        assertEquals("Small", ticket.get("summary").asText());
        assertFalse(ticket.has("last_update"));
        assertFalse(ticket.has("details"), "not a key field");
        assertTrue(halo.record("tickets", 1).containsKey("details"), "the full record has it");
    }

    @Test
    void eventInformationOnlyIsTheOuterObjectAlone() {
        webhook("/event-only", "[{\"eventno\":19}]", ",\"payload_type\":2");

        client.post("/Tickets", "[{\"id\":1,\"summary\":\"Only the event\"}]");

        JsonNode body = onlyDelivery("/event-only");
        assertEquals(1, body.get("object_id").asLong());
        assertEquals("ticket updated by user", body.get("event").asText());
        assertFalse(body.has("ticket"));
        assertEquals(List.of("id", "webhook_id", "notification_id", "escmsg_id", "event", "message", "object_id",
                "agent_id", "timestamp"), fieldNames(body));
    }

    @Test
    void aCustomPayloadNamesTheEventTheRecordAndItsResource() {
        webhook("/custom", "[{\"eventno\":3}]", ",\"custom_payload\":true");

        long created = client.post("/Tickets", "[{\"summary\":\"Custom\",\"client_id\":1}]").json().get("id").asLong();

        JsonNode body = onlyDelivery("/custom");
        assertEquals("new ticket logged", body.get("event").asText());
        assertEquals(created, body.get("record_id").asLong());
        assertEquals("tickets", body.get("resource").asText());
        assertEquals(List.of("event", "record_id", "resource"), fieldNames(body));
    }

    @Test
    void anActionAddedIsATicketEventWithTheTicketAndTheAction() {
        webhook("/action", "[{\"eventno\":19}]", "");

        long action = client.post("/Actions", "[{\"ticket_id\":1,\"note\":\"Called the user\",\"outcome\":\"Note\"}]")
                .json().get("id").asLong();

        JsonNode body = onlyDelivery("/action");
        assertEquals(1, body.get("object_id").asLong());
        assertEquals(1, body.get("ticket").get("id").asLong());
        assertEquals(action, body.get("action").get("id").asLong());
        assertEquals("Called the user", body.get("action").get("note").asText());
    }

    @Test
    void onlySubscribedEventsAreSentAndAWebhookWithoutEventsGetsNothing() {
        // given one webhook per event of a ticket's life, and one with no events
        webhook("/none", "[]", "");
        webhook("/new", "[{\"eventno\":3}]", "");
        webhook("/updated", "[{\"eventno\":\"19\"}]", ""); // a published client sends eventno as a string
        webhook("/status", "[{\"eventno\":76}]", "");
        webhook("/closed", "[{\"eventno\":39}]", "");
        webhook("/deleted", "[{\"eventno\":1072}]", "");
        webhook("/all", "[{\"eventno\":3},{\"eventno\":19},{\"eventno\":76},{\"eventno\":39},{\"eventno\":1072}]", "");

        // when a ticket is logged, its summary edited, its status changed, it is closed and deleted
        long id = client.post("/Tickets", "[{\"summary\":\"Lifecycle\",\"client_id\":1}]").json().get("id").asLong();
        client.post("/Tickets", "[{\"id\":" + id + ",\"summary\":\"Lifecycle, edited\"}]");
        client.post("/Tickets", "[{\"id\":" + id + ",\"status_id\":2}]");
        client.post("/Tickets", "[{\"id\":" + id + ",\"status_id\":9}]");
        assertEquals(200, client.delete("/Tickets/" + id).status());

        // then the webhook for all of them gets every event in order, each of the others only its own
        await().until(() -> receiver.received("/all").size() == 8);
        assertEquals(List.of("new ticket logged", "ticket updated by user", "ticket updated by user",
                "ticket status changed", "ticket updated by user", "ticket status changed", "closed", "ticket deleted"),
                events("/all"));
        assertEquals(List.of("new ticket logged"), events("/new"));
        assertEquals(List.of("ticket updated by user", "ticket updated by user", "ticket updated by user"),
                events("/updated"));
        assertEquals(List.of("ticket status changed", "ticket status changed"), events("/status"));
        assertEquals(List.of("closed"), events("/closed"));
        assertEquals(List.of("ticket deleted"), events("/deleted"));
        assertEquals(List.of(), receiver.received("/none"), "no event, no delivery");
        assertTrue(receiver.received().stream().allMatch(r -> r.json().get("object_id").asLong() == id));
    }

    @Test
    void anInactiveWebhookGetsNothing() {
        webhook("/off", "[{\"eventno\":19}]", ",\"active\":false");
        webhook("/on", "[{\"eventno\":19}]", "");

        client.post("/Tickets", "[{\"id\":1,\"summary\":\"x\"}]");

        await().until(() -> receiver.received("/on").size() == 1);
        assertEquals(1, halo.webhookDeliveries().size());
        assertEquals(List.of(), receiver.received("/off"));
    }

    @Test
    void eachAuthenticationTypeIsSentAsHaloCodesIt() {
        webhook("/none", "[{\"eventno\":19}]", ",\"authentication_type\":0");
        webhook("/basic", "[{\"eventno\":19}]",
                ",\"authentication_type\":1,\"basic_username\":\"halo\",\"basic_password\":\"s3cret\"");
        webhook("/bearer", "[{\"eventno\":19}]", ",\"authentication_type\":2,\"basic_password\":\"t0ken\"");
        webhook("/apikey", "[{\"eventno\":19}]",
                ",\"authentication_type\":3,\"authentication_header\":\"X-Api-Key\",\"basic_password\":\"k3y\"");
        webhook("/certificate", "[{\"eventno\":19}]", ",\"authentication_type\":4,\"certificate_id\":1");

        client.post("/Tickets", "[{\"id\":1,\"summary\":\"Authenticated\"}]");

        await().until(() -> receiver.count() == 5);
        assertNull(onlyReceived("/none").header("Authorization"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString("halo:s3cret".getBytes(StandardCharsets.UTF_8)),
                onlyReceived("/basic").header("Authorization"));
        assertEquals("Bearer t0ken", onlyReceived("/bearer").header("Authorization"));
        assertEquals("k3y", onlyReceived("/apikey").header("X-Api-Key"));
        assertNull(onlyReceived("/apikey").header("Authorization"));
        assertNull(onlyReceived("/certificate").header("Authorization"), "a client certificate is not emulated");
        assertTrue(receiver.received().stream().allMatch(r -> r.header("X-Halo-Signature") == null));
        assertTrue(receiver.received().stream().allMatch(r -> "application/json".equals(r.header("Content-Type"))));
        // the API never shows the secret
        assertTrue(client.get("/Webhook").json().findValues("basic_password").isEmpty());
    }

    @Test
    void theEventTableHasOneRowPerNumber() {
        assertEquals(HaloEvent.values().length,
                java.util.Arrays.stream(HaloEvent.values()).map(HaloEvent::eventNo).distinct().count());
        assertEquals(HaloEvent.TICKET_STATUS_CHANGED, HaloEvent.byNumber(76).orElseThrow());
        assertTrue(HaloEvent.byNumber(4).isEmpty());
        assertNotEquals(HaloEvent.NEW_CLIENT.placeholder(), HaloEvent.NEW_TICKET_LOGGED.placeholder());
    }

    @Test
    void aClientWriteRaisesTheClientEvents() {
        webhook("/clients", "[{\"eventno\":" + HaloEvent.NEW_CLIENT.eventNo() + "},{\"eventno\":"
                            + HaloEvent.CLIENT_UPDATED.eventNo() + "}]",
                "");

        long id = client.post("/Client", "[{\"name\":\"Umbrella Corp\"}]").json().get("id").asLong();
        client.post("/Client", "[{\"id\":" + id + ",\"name\":\"Umbrella Corporation\"}]");

        await().until(() -> receiver.received("/clients").size() == 2);
        assertEquals(List.of("new client", "client updated"), events("/clients"));
        assertEquals("Umbrella Corporation", receiver.received("/clients").get(1).json().get("client").get("name")
                .asText());
    }

    private WebhookReceiver.Received onlyReceived(String path) {
        List<WebhookReceiver.Received> r = receiver.received(path);
        assertEquals(1, r.size(), path);
        return r.get(0);
    }

    private List<String> events(String path) {
        return receiver.received(path).stream().map(r -> r.json().get("event").asText()).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
