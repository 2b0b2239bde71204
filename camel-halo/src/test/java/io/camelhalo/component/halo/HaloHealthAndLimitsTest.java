package io.camelhalo.component.halo;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import io.camelhalo.component.halo.error.HaloIOException;
import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The producer and poll-consumer health checks in Camel's health registry, and the reply size limit.
 */
class HaloHealthAndLimitsTest {

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest().withoutContext();

    private HaloSandbox sandbox;
    private CamelContext context;

    @BeforeEach
    void bind() {
        sandbox = halo.sandbox();
    }

    private void startCamel(String secret, RouteBuilder routes) throws Exception {
        context = halo.newContext();
        // what camel.health.enabled / consumers-enabled / producers-enabled do in Camel Main
        HealthCheckRegistry registry = new DefaultHealthCheckRegistry();
        registry.setCamelContext(context);
        registry.setExposureLevel("full"); // list every check, not only the failing ones
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        registry.register(registry.resolveById("consumers"));
        HealthCheckRepository producers = (HealthCheckRepository) registry.resolveById("producers");
        producers.setEnabled(true); // off by default in Camel, as camel.health.producers-enabled
        registry.register(producers);
        HaloConfiguration cfg = TestCamel.configuration(context);
        cfg.setClientSecret(secret);
        cfg.setMaxRetries(0);
        context.addRoutes(routes);
        context.start();
    }

    private static RouteBuilder routes(String... uris) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                int i = 0;
                for (String uri : uris) {
                    from("direct:r" + i++).to(uri);
                }
            }
        };
    }

    private HealthCheck.Result result(String idPart) {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invoke(context);
        return results.stream().filter(r -> r.getCheck().getId().contains(idPart)).findFirst()
                .orElseThrow(() -> new AssertionError("no health check " + idPart + " in "
                                                      + results.stream().map(r -> r.getCheck().getId()).toList()));
    }

    @Test
    void theProducerIsReadyWhenATokenAndACheapReadSucceed() throws Exception {
        startCamel(sandbox.clientSecret(), routes("halo:tickets/create"));
        HealthCheck.Result result = result("halo-producer-tickets-create");
        assertEquals(HealthCheck.State.UP, result.getState(), () -> String.valueOf(result.getMessage()));
        assertTrue(sandbox.requests().stream().anyMatch(r -> r.path().equals("/api/Status")));
    }

    @Test
    void theProducerIsDownWithTheReasonWhenTheSecretIsWrong() throws Exception {
        startCamel("not-the-secret", routes("halo:tickets/get"));
        HealthCheck.Result result = result("halo-producer-tickets-get");
        assertEquals(HealthCheck.State.DOWN, result.getState());
        assertTrue(result.getMessage().orElse("").contains("clientSecret"), result.getMessage().orElse(""));
        assertTrue(!result.getMessage().orElse("").contains("not-the-secret"), "the secret is never shown");
    }

    @Test
    void thePollConsumersScheduledPollCheckIsRegistered() throws Exception {
        startCamel(sandbox.clientSecret(), new RouteBuilder() {
            @Override
            public void configure() {
                from("halo-poll:tickets?delay=50&initialDelay=0").routeId("watch-tickets").to("mock:changes");
            }
        });
        org.awaitility.Awaitility.await().until(() -> sandbox.apiRequestCount() >= 2);
        HealthCheck.Result result = result("watch-tickets");
        assertEquals(HealthCheck.State.UP, result.getState());
    }

    @Test
    void aReplyLargerThanMaxResponseSizeFailsCleanly() throws Exception {
        startCamel(sandbox.clientSecret(), routes("halo:tickets/list?maxResults=100&maxResponseSize=4096"));
        for (int i = 0; i < 40; i++) {
            sandbox.put("tickets", new HashMap<>(Map.of("summary", "big " + i, "details", "x".repeat(500))));
        }
        Exchange e = context.createProducerTemplate().send("direct:r0", x -> x.getMessage().setBody(null));
        HaloIOException tooLarge = assertInstanceOf(HaloIOException.class, e.getException());
        assertTrue(tooLarge.getMessage().contains("maxResponseSize"), tooLarge.getMessage());
    }
}
