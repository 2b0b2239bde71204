package io.camelhalo.component.halo.webhook;

import java.util.Collection;
import java.util.Map;

import io.camelhalo.component.halo.HaloSandboxExtension;
import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The consumer health check of a halo-webhook route, in Camel's health registry as Camel Main's
 * {@code camel.health.enabled=true} puts it: UP while the route serves its path and its webhook is registered, DOWN
 * when it does not serve or Halo refused the registration, and no request to Halo for any probe.
 */
class HaloWebhookHealthCheckTest {

    private static final String BASIC = "basicUsername=halo&basicPassword=health-check-secret";

    @RegisterExtension
    final HaloSandboxExtension extension = HaloSandboxExtension.perTest().withoutContext();

    private HaloSandbox halo;
    private int port;
    private CamelContext camel;

    @BeforeEach
    void bind() {
        halo = extension.sandbox();
        port = AvailablePortFinder.getNextAvailable();
    }

    private void startRoute(String options) throws Exception {
        startRoute(options, true, false);
    }

    private void startRoute(String options, boolean consumerChecksEnabled, boolean supervised) throws Exception {
        camel = WebhookTestSupport.context(extension, port);
        if (supervised) {
            camel.getRouteController().supervising().setBackOffDelay(600_000); // no restart within the test
        }
        camel.getComponent("halo-webhook", HaloWebhookComponent.class)
                .setHealthCheckConsumerEnabled(consumerChecksEnabled);
        HealthCheckRegistry registry = new DefaultHealthCheckRegistry();
        registry.setCamelContext(camel);
        registry.setExposureLevel("full"); // every check with its details, not only the failing ones
        camel.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        registry.register(registry.resolveById("consumers"));
        String url = "http://127.0.0.1:" + port + "/halo-webhook/tickets";
        camel.addRoutes(WebhookTestSupport.recording("ticket-hook", "halo-webhook:tickets?webhookUrl=" + url + "&"
                                                                    + options,
                "webhook",
                WebhookTestSupport.newTakenList()));
        camel.start();
    }

    @Test
    void aServingRegisteredWebhookIsUpAndItsProbesCostHaloNothing() throws Exception {
        // given a route that registered its webhook in Halo
        startRoute(BASIC + "&register=true");
        int requests = halo.requestCount();

        // when its health is probed, again and again
        HealthCheck.Result result = consumerCheck();
        for (int i = 0; i < 5; i++) {
            consumerCheck();
        }

        // then it is UP, says what it serves and that it is registered, and Halo saw no request for it
        assertEquals(HealthCheck.State.UP, result.getState(), () -> result.getMessage().orElse(""));
        assertEquals("/halo-webhook/tickets", result.getDetails().get(HaloWebhookHealthCheck.PATH));
        assertEquals(true, result.getDetails().get(HaloWebhookHealthCheck.REGISTERED));
        assertEquals(requests, halo.requestCount());
    }

    @Test
    void aWebhookThatDoesNotRegisterItselfIsUpWithoutARegistrationDetail() throws Exception {
        // given a route with register=false (the webhook made by hand in Halo)
        startRoute(BASIC);

        // then it is UP while it serves, and the check does not speak of a registration
        HealthCheck.Result result = consumerCheck();
        assertEquals(HealthCheck.State.UP, result.getState(), () -> result.getMessage().orElse(""));
        assertFalse(result.getDetails().containsKey(HaloWebhookHealthCheck.REGISTERED), result.getDetails().toString());
        assertEquals(0, halo.webhooks().size());
    }

    @Test
    void aConsumerThatNoLongerServesItsPathIsDown() throws Exception {
        // given a registered route whose webhook is deleted from Halo when it stops
        startRoute(BASIC + "&register=true&unregisterOnStop=true");
        HaloWebhookConsumer consumer = assertInstanceOf(HaloWebhookConsumer.class,
                camel.getRoute("ticket-hook").getConsumer());

        // when the route stops
        camel.getRouteController().stopRoute("ticket-hook");

        // then its consumer's own check is DOWN: neither serving nor registered any more
        HealthCheck.Result result = consumer.getHealthCheck().call(Map.of());
        assertEquals(HealthCheck.State.DOWN, result.getState());
        assertEquals("Not serving /halo-webhook/tickets", result.getMessage().orElse(""));
        assertEquals(0, halo.webhooks().size());
        assertEquals(false, consumer.isRegistered());
    }

    @Test
    void aWebhookHaloRefusedToRegisterIsDownAndDoesNotServe() throws Exception {
        // given Halo refuses the registration, and Camel's supervising route controller (camel.routecontroller.*)
        // keeps the application up when a route fails to start
        halo.failNext(1, 403);
        startRoute(BASIC + "&register=true", true, true);
        await().until(() -> halo.requests().stream().anyMatch(r -> r.path().equals("/api/Webhook"))
                && camel.getRouteController().getRouteStatus("ticket-hook") == ServiceStatus.Stopped);

        // then the route's consumer check is DOWN, its consumer serves nothing, and Halo has no webhook
        HealthCheck.Result result = consumerCheck();
        assertEquals(HealthCheck.State.DOWN, result.getState());
        HaloWebhookConsumer consumer = (HaloWebhookConsumer) camel.getRoute("ticket-hook").getConsumer();
        assertEquals("Not serving /halo-webhook/tickets",
                consumer.getHealthCheck().call(Map.of()).getMessage().orElse(""));
        assertEquals(0, halo.webhooks().size());
    }

    @Test
    void theComponentsHealthCheckConsumerEnabledSwitchesTheCheckOff() throws Exception {
        // given camel.component.halo-webhook.health-check-consumer-enabled=false
        startRoute(BASIC, false, false);

        // then the route's consumer check reports itself disabled, as Camel's own consumer checks do
        HealthCheck.Result result = consumerCheck();
        assertEquals(HealthCheck.State.UNKNOWN, result.getState());
        assertEquals("Disabled", result.getMessage().orElse(""));
    }

    /** The result of the route's consumer check, as the registry reports it. */
    private HealthCheck.Result consumerCheck() {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invoke(camel);
        return results.stream().filter(r -> r.getCheck().getId().equals("consumer:ticket-hook")).findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no consumer:ticket-hook in "
                                                      + results.stream().map(r -> r.getCheck().getId()).toList()));
    }
}
