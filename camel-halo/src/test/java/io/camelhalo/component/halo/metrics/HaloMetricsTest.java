package io.camelhalo.component.halo.metrics;

import java.util.List;

import io.camelhalo.component.halo.HaloSandboxExtension;
import io.camelhalo.sandbox.HaloSandbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With camel-micrometer's registry in Camel's registry, the connection's figures are meters. */
class HaloMetricsTest {

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest()
            .beforeStart(context -> context.getRegistry().bind(MicrometerConstants.METRICS_REGISTRY_NAME, meters))
            .configure(connection -> {
                connection.setRateLimit(50);
                connection.setRetryDelay(10);
            })
            .routes(r -> {
                r.from("direct:list").to("halo:tickets/list");
                r.from("direct:get").to("halo:clients/get?id=1");
            });

    private HaloSandbox sandbox;
    private CamelContext context;

    @BeforeEach
    void bind() {
        sandbox = halo.sandbox();
        context = halo.context();
    }

    @Test
    void repliesRetriesAndRateLimitWaitsAreCounted() {
        // given a route to Halo and a registry
        ProducerTemplate template = context.createProducerTemplate();

        // when two lists succeed, one after a 503 and a 429, and one get succeeds
        template.requestBody("direct:list", null, List.class);
        sandbox.failNext(1, 503);
        template.requestBody("direct:list", null, List.class);
        sandbox.failNext(1, 429);
        template.requestBody("direct:list", null, List.class);
        template.requestBody("direct:get", (Object) null);

        // then each reply is counted by resource, operation and status, with the retries and the governor's waits
        assertEquals(3.0, count("halo.requests", "resource", "tickets", "operation", "list", "status", "200"));
        assertEquals(1.0, count("halo.requests", "resource", "tickets", "operation", "list", "status", "503"));
        assertEquals(1.0, count("halo.requests", "resource", "tickets", "operation", "list", "status", "429"));
        assertEquals(1.0, count("halo.requests", "resource", "clients", "operation", "get", "status", "200"));
        assertEquals(1.0, count("halo.requests", "resource", "token", "operation", "token", "status", "200"));
        assertEquals(1.0, count("halo.retries", "resource", "tickets", "operation", "list"));
        assertEquals(1.0, count("halo.rate.limited", "resource", "tickets", "operation", "list"));
        assertEquals(7L, meters.get("halo.rate.governor.wait").timer().count(), "one permit per request sent");
        assertTrue(meters.get("halo.rate.governor.permits.used").gauge().value() >= 7, "within the window");
        assertEquals(sandbox.baseUrl() + "/api",
                meters.get("halo.requests").counters().iterator().next().getId().getTag("halo.api"));
    }

    private double count(String name, String... tags) {
        return meters.get(name).tags(tags).counter().count();
    }
}
