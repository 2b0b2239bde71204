package io.camelhalo.quarkus.it;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import io.camelhalo.component.halo.HaloConstants;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application of this module (HaloRoutes, application.properties) on Quarkus in JVM mode, against the Halo sandbox:
 * one application start for all the tests.
 */
@QuarkusTest
@QuarkusTestResource(HaloSandboxResource.class)
class HaloQuarkusTest {

    @Inject
    CamelContext camelContext;

    @Inject
    ProducerTemplate template;

    @Test
    void theApplicationRunsOnTheCamelOfCamelQuarkus() {
        // camel-quarkus-bom's Camel, not the camel-bom 4.18.0 the rest of the build imports
        assertEquals("4.18.2", camelContext.getVersion());
    }

    @Test
    void theProducerWritesAndReadsATicket() {
        // when a ticket is created through the halo producer, configured from application.properties
        Map<?, ?> created = template.requestBody("halo:tickets/create", Map.of("summary", "made on Quarkus"), Map.class);

        // then Halo has it, as a read by id shows
        Object id = created.get("id");
        assertNotNull(id, created.toString());
        Map<?, ?> read = template.requestBodyAndHeader("halo:tickets/get", null, HaloConstants.ID, id, Map.class);
        assertEquals("made on Quarkus", read.get("summary"));
    }

    @Test
    void thePollDeliversTheTicketsOfTheSandbox() {
        MockEndpoint polled = camelContext.getEndpoint("mock:polled", MockEndpoint.class);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertTrue(polled.getReceivedCounter() > 1));
        Exchange first = polled.getReceivedExchanges().get(0);
        assertEquals("tickets", first.getMessage().getHeader(HaloConstants.RECORD_RESOURCE));
        assertNotNull(first.getMessage().getHeader(HaloConstants.RECORD_ID));
        assertTrue(first.getMessage().getBody() instanceof Map, "the record as a Map");
    }

    @Test
    void aWebhookDeliveryArrivesThroughQuarkusPlatformHttp() {
        MockEndpoint webhook = camelContext.getEndpoint("mock:webhook", MockEndpoint.class);

        // when a ticket is updated in Halo (the webhook route registered itself for Ticket Updated at start)
        template.requestBody("halo:tickets/update", Map.of("id", 1, "summary", "updated for the webhook"));

        // then Halo's delivery reaches the route through Quarkus's HTTP server, authenticated
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertTrue(webhook.getReceivedExchanges().stream()
                .anyMatch(e -> "updated for the webhook".equals(e.getMessage().getBody(Map.class).get("summary")))));
        Exchange delivered = webhook.getReceivedExchanges().stream()
                .filter(e -> "updated for the webhook".equals(e.getMessage().getBody(Map.class).get("summary")))
                .findFirst().orElseThrow();
        assertEquals("updated", delivered.getMessage().getHeader(HaloConstants.EVENT_TYPE));
        assertEquals(1L, ((Number) delivered.getMessage().getHeader(HaloConstants.RECORD_ID)).longValue());
    }

    @Test
    void anUnauthenticatedPostToTheWebhookIsRefused() {
        RestAssured.given().contentType("application/json").body("{\"id\":1,\"summary\":\"forged\"}")
                .post("/halo-webhook/tickets")
                .then().statusCode(401);
    }

    @Test
    void halosHealthChecksAreUp() {
        template.requestBodyAndHeader("halo:tickets/get", null, HaloConstants.ID, 1, Map.class); // a producer in use

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, HealthCheck.State> states = HealthCheckHelper.invokeReadiness(camelContext).stream()
                    .collect(Collectors.toMap(r -> r.getCheck().getId(), HealthCheck.Result::getState));
            assertEquals(HealthCheck.State.UP, states.get("halo-producer-sandbox-client"), states.toString());
            assertEquals(HealthCheck.State.UP, states.get("consumer:poll-tickets"), states.toString());
            assertEquals(HealthCheck.State.UP, states.get("consumer:webhook-tickets"), states.toString());
        });
    }
}
