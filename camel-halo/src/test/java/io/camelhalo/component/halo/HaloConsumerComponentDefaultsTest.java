package io.camelhalo.component.halo;

import java.util.Map;

import io.camelhalo.component.halo.poll.HaloPollEndpoint;
import io.camelhalo.component.halo.webhook.HaloWebhookEndpoint;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * What a user sets once: halo-poll's state and idempotent repositories and halo-webhook's idempotent repository, set on
 * the component through Camel Main's properties ({@code camel.component.halo-poll.state-repository=#myRepo}), are every
 * endpoint's default, and an endpoint's own option wins. No Halo is called: the endpoints are only created.
 */
class HaloConsumerComponentDefaultsTest {

    private final MemoryStateRepository myState = new MemoryStateRepository();
    private final MemoryStateRepository otherState = new MemoryStateRepository();
    private final MemoryIdempotentRepository myPollClaims = new MemoryIdempotentRepository();
    private final MemoryIdempotentRepository myWebhookClaims = new MemoryIdempotentRepository();
    private final MemoryIdempotentRepository otherClaims = new MemoryIdempotentRepository();
    private Main main;
    private CamelContext camel;

    @BeforeEach
    void startMain() {
        main = new Main();
        main.bind("myState", myState);
        main.bind("otherState", otherState);
        main.bind("myPollClaims", myPollClaims);
        main.bind("myWebhookClaims", myWebhookClaims);
        main.bind("otherClaims", otherClaims);
        Map.of("camel.component.halo.base-url", "https://halo.example.com",
                "camel.component.halo.client-id", "client",
                "camel.component.halo.client-secret", "secret",
                "camel.component.halo-poll.state-repository", "#myState",
                "camel.component.halo-poll.idempotent-repository", "#myPollClaims",
                "camel.component.halo-webhook.idempotent-repository", "#myWebhookClaims")
                .forEach(main::addInitialProperty);
        main.start();
        camel = main.getCamelContext();
    }

    @AfterEach
    void stopMain() {
        main.stop();
    }

    @Test
    void haloPollEndpointsTakeTheComponentsRepositories() {
        HaloPollEndpoint endpoint = camel.getEndpoint("halo-poll:tickets?startScheduler=false", HaloPollEndpoint.class);

        assertSame(myState, endpoint.getStateRepository());
        assertSame(myPollClaims, endpoint.getIdempotentRepository());
    }

    @Test
    void anEndpointsOwnRepositoryWins() {
        HaloPollEndpoint poll = camel.getEndpoint(
                "halo-poll:clients?startScheduler=false&stateRepository=#otherState&idempotentRepository=#otherClaims",
                HaloPollEndpoint.class);
        HaloWebhookEndpoint webhook = camel.getEndpoint(
                "halo-webhook:clients?allowUnauthenticated=true&idempotentRepository=#otherClaims",
                HaloWebhookEndpoint.class);

        assertSame(otherState, poll.getStateRepository());
        assertSame(otherClaims, poll.getIdempotentRepository());
        assertSame(otherClaims, webhook.getIdempotentRepository());
    }

    @Test
    void haloWebhookEndpointsTakeTheComponentsRepository() {
        HaloWebhookEndpoint endpoint = camel.getEndpoint("halo-webhook:tickets?allowUnauthenticated=true",
                HaloWebhookEndpoint.class);

        assertSame(myWebhookClaims, endpoint.getIdempotentRepository());
    }
}
