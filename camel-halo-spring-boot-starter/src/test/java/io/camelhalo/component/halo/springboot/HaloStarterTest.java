package io.camelhalo.component.halo.springboot;

import java.time.Duration;
import java.util.List;

import io.camelhalo.component.halo.HaloComponent;
import io.camelhalo.component.halo.HaloConfiguration;
import io.camelhalo.component.halo.poll.HaloPollComponent;
import io.camelhalo.component.halo.poll.HaloPollEndpoint;
import io.camelhalo.component.halo.webhook.HaloWebhookEndpoint;
import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Spring Boot application configured only through application.yml, with the YAML route of the README's quick start,
 * against the Halo sandbox: the starter configures the three components, the route polls and writes, and the health
 * checks show through Spring Boot actuator.
 */
@SpringBootTest(classes = HaloStarterApplication.class)
class HaloStarterTest {

    private static final HaloSandbox SANDBOX = HaloSandbox.start(0);

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        registry.add("halo.sandbox.url", SANDBOX::baseUrl);
        registry.add("halo.sandbox.client-id", SANDBOX::clientId);
        registry.add("halo.sandbox.client-secret", SANDBOX::clientSecret);
    }

    @AfterAll
    static void stopSandbox(@Autowired CamelContext camelContext) {
        camelContext.stop(); // before the sandbox, so no poll retries against a closed port at JVM exit
        SANDBOX.close();
    }

    @Autowired
    private CamelContext camelContext;

    @Autowired
    @Qualifier("camelHealth")
    private HealthIndicator camelHealth;

    @Test
    void applicationYmlConfiguresBothComponents() {
        HaloComponent halo = camelContext.getComponent("halo", HaloComponent.class);
        assertEquals(SANDBOX.baseUrl(), halo.getConfiguration().getBaseUrl());
        assertEquals(SANDBOX.clientId(), halo.getConfiguration().getClientId());
        assertEquals(20_000, halo.getConfiguration().getReadTimeout());
        assertTrue(camelContext.getComponent("halo-poll", HaloPollComponent.class).isBridgeErrorHandler(),
                "camel.component.halo-poll.bridge-error-handler reached halo-poll");
    }

    @Test
    void haloPollTakesTheConnectionOptionsItDoesNotSetFromHalo() {
        // given application.yml with read-timeout on halo and, on halo-poll, only bridge-error-handler

        // when a halo-poll endpoint is created
        HaloConfiguration poll = camelContext.getEndpoint("halo-poll:tickets?startScheduler=false",
                HaloPollEndpoint.class).getConfiguration();

        // then its connection is halo's: the starter set none of halo-poll's connection options to a default
        assertEquals(20_000, poll.getReadTimeout());
        assertEquals(SANDBOX.clientId(), poll.getClientId());
        assertEquals(SANDBOX.baseUrl(), poll.getBaseUrl());
    }

    @Test
    void haloWebhookTakesItsOwnValueEvenWhenItIsTheDefault() {
        // given application.yml with read-timeout 20000 on halo and 60000, the default, on halo-webhook

        // when a halo-webhook endpoint is created
        HaloConfiguration webhook = camelContext.getEndpoint("halo-webhook:tickets?allowUnauthenticated=true",
                HaloWebhookEndpoint.class).getConfiguration();

        // then halo-webhook reads with its own 60 s and connects with the rest of halo's
        assertEquals(60_000, webhook.getReadTimeout());
        assertEquals(SANDBOX.clientId(), webhook.getClientId());
        assertEquals(20_000, camelContext.getComponent("halo", HaloComponent.class).getConfiguration()
                .getReadTimeout(), "halo keeps its own");
    }

    @Test
    void theYamlRouteNotesEveryTicketItPolls() {
        // given the sandbox's seeded tickets and the route started from application.yml
        List<Long> tickets = SANDBOX.records("tickets").stream().map(t -> ((Number) t.get("id")).longValue()).toList();
        assertTrue(tickets.size() > 1);

        // then (halo-poll delivers each, halo:actions/create writes a note on each) every ticket gets its note, once
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(tickets, notedTickets()));
    }

    @Test
    void theHealthChecksShowThroughTheActuator() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Health health = camelHealth.health();
            assertEquals(Status.UP, health.getStatus(), health.toString());
            assertEquals("UP", health.getDetails().get("halo-producer-" + SANDBOX.clientId()), health.toString());
            assertEquals("UP", health.getDetails().get("consumer:note-on-changed-tickets"), health.toString());
        });
    }

    private static List<Long> notedTickets() {
        return SANDBOX.records("actions").stream()
                .filter(a -> "Seen by camel-halo".equals(a.get("note")))
                .map(a -> ((Number) a.get("ticket_id")).longValue())
                .sorted().toList();
    }
}
