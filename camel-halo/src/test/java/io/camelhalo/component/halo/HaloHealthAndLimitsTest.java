package io.camelhalo.component.halo;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The producer and poll-consumer health checks in Camel's health registry, and the reply size limit. The producer check
 * is one per connection and asks Halo at most once a minute, never waiting for the rate budget: counted here with a
 * clock the test moves.
 */
class HaloHealthAndLimitsTest {

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest().withoutContext();

    private HaloSandbox sandbox;
    private CamelContext context;
    private HealthCheckRepository producers;
    private final MovableClock clock = new MovableClock(Instant.parse("2025-01-01T10:00:00Z"));

    @BeforeEach
    void bind() {
        sandbox = halo.sandbox();
    }

    private void startCamel(String secret, RouteBuilder routes) throws Exception {
        startCamel(routes, cfg -> cfg.setClientSecret(secret));
    }

    private void startCamel(RouteBuilder routes, Consumer<HaloConfiguration> tune) throws Exception {
        context = halo.newContext();
        // what camel.health.enabled / consumers-enabled / producers-enabled do in Camel Main
        HealthCheckRegistry registry = new DefaultHealthCheckRegistry();
        registry.setCamelContext(context);
        registry.setExposureLevel("full"); // list every check, not only the failing ones
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        registry.register(registry.resolveById("consumers"));
        producers = (HealthCheckRepository) registry.resolveById("producers");
        producers.setEnabled(true); // off by default in Camel, as camel.health.producers-enabled
        registry.register(producers);
        HaloConfiguration cfg = TestCamel.configuration(context);
        cfg.setMaxRetries(0);
        tune.accept(cfg);
        context.addRoutes(routes);
        context.start();
        producers.stream().forEach(check -> ((HaloProducerHealthCheck) check).setClock(clock));
    }

    private static RouteBuilder routes(String... uris) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                int i = 0;
                for (String uri : uris) {
                    from("direct:r" + i).routeId("r" + i++).to(uri);
                }
            }
        };
    }

    private HealthCheck.Result result(String idPart) {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invoke(context);
        return results.stream().filter(r -> r.getCheck().getId().contains(idPart)).findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no health check " + idPart + " in "
                                                      + results.stream().map(r -> r.getCheck().getId()).toList()));
    }

    private String producerCheckId() {
        return "halo-producer-" + sandbox.clientId();
    }

    private List<String> producerCheckIds() {
        return producers.stream().map(HealthCheck::getId).sorted().toList();
    }

    private long statusReads() {
        return sandbox.requests().stream().filter(r -> r.path().equals("/api/Status")).count();
    }

    @Test
    void theProducerIsReadyWhenATokenAndACheapReadSucceed() throws Exception {
        startCamel(sandbox.clientSecret(), routes("halo:tickets/create"));
        HealthCheck.Result result = result(producerCheckId());
        assertEquals(HealthCheck.State.UP, result.getState(), () -> String.valueOf(result.getMessage()));
        assertTrue(sandbox.requests().stream().anyMatch(r -> r.path().equals("/api/Status")));
    }

    @Test
    void theProducerIsDownWithTheReasonWhenTheSecretIsWrong() throws Exception {
        startCamel("not-the-secret", routes("halo:tickets/get"));
        HealthCheck.Result result = result(producerCheckId());
        assertEquals(HealthCheck.State.DOWN, result.getState());
        assertTrue(result.getMessage().orElse("").contains("clientSecret"), result.getMessage().orElse(""));
        assertTrue(!result.getMessage().orElse("").contains("not-the-secret"), "the secret is never shown");
    }

    @Test
    void tenProducersOfOneConnectionShareOneCheckThatAsksHaloAtMostOncePerMinute() throws Exception {
        // given ten producer endpoints of one connection
        startCamel(sandbox.clientSecret(), routes("halo:tickets/create", "halo:tickets/get", "halo:tickets/list",
                "halo:tickets/delete", "halo:actions/create", "halo:actions/list", "halo:clients/list",
                "halo:users/get", "halo:sites/list", "halo:statuses/list"));
        assertEquals(List.of(producerCheckId()), producerCheckIds());

        // when the health checks are called again and again within a minute
        for (int call = 0; call < 30; call++) {
            HealthCheck.Result result = result(producerCheckId());
            assertEquals(HealthCheck.State.UP, result.getState(), () -> String.valueOf(result.getMessage()));
            clock.advance(Duration.ofSeconds(1));
        }

        // then Halo was asked once: one token, one cheap read
        assertEquals(1, statusReads());
        assertEquals(1, sandbox.tokenRequestCount());
        assertEquals(1, sandbox.apiRequestCount());

        // and once the minute is over, once more (the token is still fresh)
        clock.advance(HaloProducerHealthCheck.PROBE_INTERVAL);
        for (int call = 0; call < 10; call++) {
            result(producerCheckId());
        }
        assertEquals(2, statusReads());
        assertEquals(1, sandbox.tokenRequestCount());
    }

    @Test
    void aDownResultStandsForAMinuteWithoutAskingHaloAgain() throws Exception {
        // given a wrong secret, found out by a first probe
        startCamel("not-the-secret", routes("halo:tickets/get", "halo:tickets/list"));
        assertEquals(HealthCheck.State.DOWN, result(producerCheckId()).getState());
        int tokenRequests = sandbox.tokenRequestCount();

        // when the check is called again within the minute, then it is still DOWN and Halo was not asked
        clock.advance(Duration.ofSeconds(59));
        assertEquals(HealthCheck.State.DOWN, result(producerCheckId()).getState());
        assertEquals(tokenRequests, sandbox.tokenRequestCount());
    }

    @Test
    @Timeout(30) // a probe waiting for the rate budget would wait for the 10-minute window: fail rather than hang
    void aBusyRateBudgetIsNotWaitedForAndTheLastResultStands() throws Exception {
        // given a budget of three requests per ten minutes, two of them spent by a first probe (token and read)
        startCamel(routes("halo:tickets/list"), cfg -> {
            cfg.setClientSecret(sandbox.clientSecret());
            cfg.setRateLimit(3);
            cfg.setRateLimitWindow(Duration.ofMinutes(10).toMillis());
        });
        HealthCheck.Result first = result(producerCheckId());
        assertEquals(HealthCheck.State.UP, first.getState(), () -> String.valueOf(first.getMessage()));
        Object probedAt = first.getDetails().get(HaloProducerHealthCheck.PROBED_AT);

        // and the last one by a route
        context.createProducerTemplate().requestBody("direct:r0", (Object) null);
        assertEquals(3, sandbox.requestCount());

        // when the check is called after its minute, with no permit free
        clock.advance(HaloProducerHealthCheck.PROBE_INTERVAL);
        HealthCheck.Result busy = result(producerCheckId());

        // then nothing was sent, and the last result stands, saying why it is not new
        assertEquals(3, sandbox.requestCount());
        assertEquals(HealthCheck.State.UP, busy.getState());
        assertEquals(probedAt, busy.getDetails().get(HaloProducerHealthCheck.PROBED_AT));
        String why = String.valueOf(busy.getDetails().get(HaloProducerHealthCheck.NOT_PROBED));
        assertTrue(why.startsWith("rate budget busy"), why);
    }

    @Test
    @Timeout(30)
    void aProbeThatSentNothingIsTriedAgainOnTheNextCallNotAMinuteLater() throws Exception {
        // given a budget of three requests per six seconds (ample for the next three steps on a loaded machine), two
        // spent by a first probe and the last by a route
        startCamel(routes("halo:tickets/list"), cfg -> {
            cfg.setClientSecret(sandbox.clientSecret());
            cfg.setRateLimit(3);
            cfg.setRateLimitWindow(Duration.ofSeconds(6).toMillis());
        });
        Object firstProbe = result(producerCheckId()).getDetails().get(HaloProducerHealthCheck.PROBED_AT);
        context.createProducerTemplate().requestBody("direct:r0", (Object) null);
        clock.advance(HaloProducerHealthCheck.PROBE_INTERVAL);
        assertTrue(result(producerCheckId()).getDetails().containsKey(HaloProducerHealthCheck.NOT_PROBED));

        // when the window has rolled on, with the check's clock still where the busy call was
        // then a call probes Halo: the busy call's result was not kept for a minute
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HealthCheck.Result probed = result(producerCheckId());
            assertFalse(probed.getDetails().containsKey(HaloProducerHealthCheck.NOT_PROBED), probed.toString());
            assertEquals(HealthCheck.State.UP, probed.getState());
            assertFalse(firstProbe.equals(probed.getDetails().get(HaloProducerHealthCheck.PROBED_AT)));
        });
    }

    @Test
    void eachConnectionHasItsOwnCheckWhichLeavesWithItsLastProducer() throws Exception {
        // given two endpoints of one connection, and one of another (same application, narrower scope)
        startCamel(sandbox.clientSecret(),
                routes("halo:tickets/get", "halo:tickets/list", "halo:tickets/get?scope=read:tickets"));

        // then there are two checks
        assertEquals(List.of(producerCheckId(), producerCheckId() + "-2"), producerCheckIds());

        // when one producer of the first connection stops, its check stays; when the other stops too, it goes
        context.getRouteController().stopRoute("r0");
        assertEquals(List.of(producerCheckId(), producerCheckId() + "-2"), producerCheckIds());
        context.getRouteController().stopRoute("r1");
        assertEquals(List.of(producerCheckId() + "-2"), producerCheckIds());
        assertFalse(sandbox.requestCount() > 0, "registering and removing checks asks Halo nothing");
    }

    @Test
    void aHaloApiProducerSharesItsConnectionsCheckWithTheHaloProducers() throws Exception {
        // given a halo-api endpoint and a halo endpoint of one connection
        startCamel(sandbox.clientSecret(), routes("halo-api:Status", "halo:tickets/list"));

        // then there is one check for both, and it is kept while either runs
        assertEquals(List.of(producerCheckId()), producerCheckIds());
        context.getRouteController().stopRoute("r1");
        assertEquals(List.of(producerCheckId()), producerCheckIds(), "the halo-api producer still uses it");
        producers.stream().forEach(check -> ((HaloProducerHealthCheck) check).setClock(clock));

        // and it probes Halo for the halo-api producer alone; it goes with that producer
        assertEquals(HealthCheck.State.UP, result(producerCheckId()).getState());
        context.getRouteController().stopRoute("r0");
        assertEquals(List.of(), producerCheckIds(), "gone with its last producer");
    }

    @Test
    void aHaloApiProducerAloneIsDownWhenTheSecretIsWrong() throws Exception {
        startCamel("not-the-secret", routes("halo-api:Status"));
        HealthCheck.Result result = result(producerCheckId());
        assertEquals(HealthCheck.State.DOWN, result.getState());
        assertTrue(result.getMessage().orElse("").contains("client id or secret"), result.getMessage().orElse(""));
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
