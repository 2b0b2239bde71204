package io.camelhalo.component.halo;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import io.camelhalo.component.halo.state.H2Server;
import io.camelhalo.component.halo.state.JdbcRateBudget;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code rateBudget} option end to end: two Camel contexts (two nodes) with the same tenant and client id share one
 * limit through a JdbcRateBudget each, and the producer health check tells where the limit comes from, the fallback
 * included.
 */
class HaloRateBudgetTest {

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest().withoutContext();

    private H2Server h2;
    private CamelContext first;
    private CamelContext second;

    @AfterEach
    void stop() {
        try {
            if (first != null) {
                first.stop();
            }
            if (second != null) {
                second.stop();
            }
        } finally {
            if (h2 != null) {
                h2.close();
            }
        }
    }

    private CamelContext node(DataSource db, int limit) throws Exception {
        CamelContext context = halo.newContext();
        HealthCheckRegistry registry = new DefaultHealthCheckRegistry();
        registry.setCamelContext(context);
        registry.setExposureLevel("full");
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        HealthCheckRepository producers = (HealthCheckRepository) registry.resolveById("producers");
        producers.setEnabled(true);
        registry.register(producers);
        JdbcRateBudget budget = new JdbcRateBudget(db);
        budget.setExpectedNodes(2);
        budget.setSyncInterval(50);
        context.getRegistry().bind("budget", budget);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:create").to("halo:tickets/create?rateLimit=" + limit
                                         + "&rateLimitWindow=60000&maxRateLimitWait=0&rateBudget=#budget");
            }
        });
        context.start();
        return context;
    }

    private static boolean create(CamelContext context) {
        ProducerTemplate template = context.createProducerTemplate();
        try {
            template.requestBody("direct:create", new HashMap<>(Map.of("summary", "budget")));
            return true;
        } catch (org.apache.camel.CamelExecutionException e) {
            return false; // no permit: HaloRateLimitException, nothing sent
        }
    }

    private static HealthCheck.Result producerHealth(CamelContext context) {
        return HealthCheckHelper.invoke(context).stream()
                .filter(r -> r.getCheck().getId().startsWith("halo-producer-")).findFirst().orElseThrow();
    }

    @Test
    void twoNodesWithTheSameTenantAndClientShareOneLimit() throws Exception {
        // given two nodes, each with a limit of 8 per minute, sharing it through the database
        h2 = H2Server.start();
        first = node(h2.dataSource(), 8);
        second = node(h2.dataSource(), 8);

        // when both create tickets as fast as they may, until Halo has received 8 requests (tokens included) ...
        Runnable both = () -> {
            create(first);
            create(second);
        };
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            both.run();
            return halo.sandbox().requestCount() >= 8;
        });

        // ... then for the next second no node sends another (without the budget each would send 8)
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> {
            both.run();
            return halo.sandbox().requestCount() == 8;
        });
        assertEquals(2, halo.sandbox().tokenRequestCount(), "one token per node");
    }

    @Test
    void theProducerHealthCheckSaysWhenTheNodeRunsOnItsFallbackShare() throws Exception {
        // given a node whose budget database can be switched off
        h2 = H2Server.start();
        DataSource real = h2.dataSource();
        AtomicBoolean down = new AtomicBoolean();
        DataSource switchable = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
                    if (down.get() && method.getName().equals("getConnection")) {
                        throw new SQLException("Connection refused (the test switched the database off)");
                    }
                    return method.invoke(real, args);
                });
        first = node(switchable, 100);
        assertTrue(create(first));
        HealthCheck.Result shared = producerHealth(first);
        assertEquals(HealthCheck.State.UP, shared.getState());
        assertTrue(String.valueOf(shared.getDetails().get(HaloProducerHealthCheck.RATE_BUDGET)).startsWith("shared:"),
                String.valueOf(shared.getDetails()));

        // when the database goes away while the node sends
        down.set(true);

        // then its health says it runs on its local share (still UP: it can reach Halo)
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            create(first);
            return String.valueOf(producerHealth(first).getDetails().get(HaloProducerHealthCheck.RATE_BUDGET))
                    .startsWith("fallback:");
        });
        HealthCheck.Result fallback = producerHealth(first);
        assertEquals(HealthCheck.State.UP, fallback.getState());
        assertTrue(String.valueOf(fallback.getDetails().get(HaloProducerHealthCheck.RATE_BUDGET))
                .contains("local share of 50 of 100"), String.valueOf(fallback.getDetails()));
    }
}
