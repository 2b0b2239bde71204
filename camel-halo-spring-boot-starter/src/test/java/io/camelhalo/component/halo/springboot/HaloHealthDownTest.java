package io.camelhalo.component.halo.springboot;

import java.time.Duration;

import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With a client secret Halo refuses, and no health key of the user's, the actuator's health is DOWN and says it is
 * Halo's connection. The start-up check of the credentials is off here ({@code checkCredentialsOnStart=false}, for an
 * application that must start while Halo refuses or cannot be reached); with it on, the application does not start
 * (HaloStartupErrorsTest in camel-halo).
 */
@SpringBootTest(classes = HaloStarterApplication.class, properties = "spring.config.name=health-defaults")
class HaloHealthDownTest {

    private static final HaloSandbox SANDBOX = HaloSandbox.start(0);

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        registry.add("halo.sandbox.url", SANDBOX::baseUrl);
        registry.add("halo.sandbox.client-id", SANDBOX::clientId);
        registry.add("halo.sandbox.client-secret", () -> "not-the-" + SANDBOX.clientSecret());
        registry.add("camel.component.halo.check-credentials-on-start", () -> "false");
    }

    @AfterAll
    static void stopSandbox(@Autowired CamelContext camelContext) {
        camelContext.stop();
        SANDBOX.close();
    }

    @Autowired
    private HealthEndpoint healthEndpoint;

    @Test
    void aRefusedSecretTurnsTheActuatorsHealthDownNamingHalosConnection() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            CompositeHealth all = (CompositeHealth) healthEndpoint.health();
            Health camel = (Health) all.getComponents().get("camelHealth");
            assertEquals("DOWN", camel.getDetails().get("halo-producer-" + SANDBOX.clientId()), camel.toString());
            assertEquals(Status.DOWN, all.getStatus());
        });
    }
}
