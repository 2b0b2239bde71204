package io.camelhalo.component.halo.poll;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.camelhalo.component.halo.HaloConstants;
import io.camelhalo.component.halo.HaloSandboxExtension;
import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelhalo.component.halo.poll.PollTestSupport.consumer;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code stateId}: the name progress is stored under instead of the route id, so a route whose id is generated (a
 * Kamelet's, numbered by the order routes are made) still finds its progress when the application numbers it
 * differently after a restart.
 */
class HaloPollStateIdTest {

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest().withoutContext();

    private final StateRepository<String, String> state = new MemoryStateRepository();
    private HaloSandbox sandbox;

    @BeforeEach
    void bind() {
        sandbox = halo.sandbox();
    }

    @Test
    void aRouteWithAnotherIdButTheSameStateIdGoesOnWhereTheFirstStopped() throws Exception {
        long ticket = firstRunThenChangeATicket("halo-source-1", "&stateId=ticket-watch");

        // when the application starts again and the route is numbered differently, with the same stateId
        CamelContext second = context("halo-source-2", "&stateId=ticket-watch&startFrom=" + sandbox.now());
        MockEndpoint changes = second.getEndpoint("mock:changes", MockEndpoint.class);
        consumer(second, "halo-source-2", sandbox).poll();

        // then the change made while it was stopped arrives, once
        assertEquals(1, changes.getReceivedCounter());
        assertEquals(ticket, changes.getReceivedExchanges().get(0).getMessage().getHeader(HaloConstants.RECORD_ID,
                Long.class));
        second.stop();
    }

    @Test
    void withoutStateIdAnotherRouteIdIsAnotherConsumerThatStartsFromNow() throws Exception {
        firstRunThenChangeATicket("halo-source-1", "");

        // when the route is numbered differently and has no stateId, its progress is not found: it starts from
        // startFrom (now, after the change)
        CamelContext second = context("halo-source-2", "&startFrom=" + sandbox.now());
        MockEndpoint changes = second.getEndpoint("mock:changes", MockEndpoint.class);
        consumer(second, "halo-source-2", sandbox).poll();

        // so the change made while it was stopped is not delivered: what stateId is for
        assertEquals(0, changes.getReceivedCounter());
        second.stop();
    }

    /**
     * Runs a first route once (from now), stops it, then changes a ticket and lets a second pass; returns the ticket's
     * id. startFrom is an instant of the sandbox's clock, so that where each route starts does not depend on the local
     * clock.
     */
    private long firstRunThenChangeATicket(String routeId, String options) throws Exception {
        CamelContext first = context(routeId, options + "&startFrom=" + sandbox.now());
        consumer(first, routeId, sandbox).poll();
        first.stop();
        sandbox.advance(Duration.ofSeconds(2));
        long ticket = ((Number) sandbox.records("tickets").get(0).get("id")).longValue();
        sandbox.put("tickets", new HashMap<>(Map.of("id", ticket, "details", "changed while stopped")));
        sandbox.advance(Duration.ofSeconds(1));
        return ticket;
    }

    private CamelContext context(String routeId, String options) throws Exception {
        CamelContext context = halo.newContext();
        context.getRegistry().bind("state", state);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("halo-poll:tickets?startScheduler=false&stateRepository=#state" + options).routeId(routeId)
                        .to("mock:changes");
            }
        });
        context.start();
        return context;
    }
}
