package io.camelhalo.component.halo.springboot;

import java.time.Duration;
import java.util.Map;

import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Halo's connection check is in the actuator's health (what {@code GET /actuator/health} serves) for an application
 * that sets only the connection: no camel-health dependency, no camel.health.* key. And it is a default the user can
 * turn off.
 */
@SpringBootTest(classes = HaloStarterApplication.class, properties = "spring.config.name=health-defaults")
class HaloHealthDefaultsTest {

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
    private HealthEndpoint healthEndpoint;

    @Test
    void theActuatorsHealthShowsHalosConnectionWithNoKeyOfTheUsers() {
        // given application.yml's quick-start route (a halo: producer) and health-defaults.yml's connection alone

        // when the actuator's health is read, then Camel's part names Halo's connection check, UP
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            CompositeHealth all = (CompositeHealth) healthEndpoint.health();
            Health camel = (Health) all.getComponents().get("camelHealth");
            assertNotNull(camel, "camelHealth in " + all.getComponents().keySet());
            assertEquals("UP", camel.getDetails().get("halo-producer-" + SANDBOX.clientId()), camel.toString());
            assertEquals(Status.UP, all.getStatus());
        });
    }

    @Test
    void aKeyOfTheUsersWinsOverTheDefault() {
        // given an application that says camel.health.producers-enabled=false
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource(
                "application.properties",
                Map.of(HaloHealthDefaults.PRODUCERS_ENABLED, "false")));

        // when the starter adds its default
        new HaloHealthDefaults().postProcessEnvironment(environment, new SpringApplication());

        // then the user's value stands, and the other default is added
        assertEquals("false", environment.getProperty(HaloHealthDefaults.PRODUCERS_ENABLED));
        assertEquals("full", environment.getProperty(HaloHealthDefaults.EXPOSURE_LEVEL));
    }

    @Test
    void withoutAKeyOfTheUsersProducerChecksAreOn() {
        StandardEnvironment environment = new StandardEnvironment();

        new HaloHealthDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertEquals("true", environment.getProperty(HaloHealthDefaults.PRODUCERS_ENABLED));
        assertEquals("full", environment.getProperty(HaloHealthDefaults.EXPOSURE_LEVEL));
    }
}
