package io.camelhalo.component.halo.poll;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelhalo.component.halo.HaloConstants;
import io.camelhalo.component.halo.HaloSandboxExtension;
import io.camelhalo.component.halo.api.HaloResource;
import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelhalo.component.halo.poll.PollTestSupport.consumer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Progress stored by camel-halo 0.2.0 is read by this version: nothing it delivered is delivered again. The stored
 * states under src/test/resources/poll/ were written by the 0.2.0 code itself (a halo-poll:tickets route that delivered
 * tickets 1, 2 and 3, and a halo-poll:actions?ticketId=1 route that delivered action 3), copied verbatim.
 */
class HaloPollUpgradeTest {

    /** The sandbox stamps of the versions 0.2.0 delivered, as its stored state names them. */
    private static final Instant TICKET_1 = Instant.parse("2026-12-06T03:19:02.402Z");
    private static final Instant TICKET_2 = Instant.parse("2026-12-06T03:19:02.653Z");
    private static final Instant TICKET_3 = Instant.parse("2026-12-06T03:19:02.903Z");

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest().withoutContext();

    private HaloSandbox sandbox;
    private CamelContext context;
    private final MemoryStateRepository state = new MemoryStateRepository();
    private final List<Object> routed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        sandbox = halo.sandbox();
        context = halo.startContext(new RouteBuilder() {
            @Override
            public void configure() {
                getContext().getRegistry().bind("state", state);
                from("halo-poll:tickets?stateRepository=#state&startScheduler=false").routeId("poll")
                        .process(e -> routed.add(e.getMessage().getHeader(HaloConstants.RECORD_ID)));
            }
        });
    }

    @Test
    void aStateStoredBy020DeliversNothingTwiceAndNewChangesOnce() throws Exception {
        // given the three ticket versions 0.2.0 delivered, still what Halo returns, and the progress it stored
        change(1, TICKET_1);
        change(2, TICKET_2);
        change(3, TICKET_3);
        HaloPollConsumer poll = consumer(context, "poll", sandbox);
        HaloPollEndpoint endpoint = (HaloPollEndpoint) context.getRoute("poll").getEndpoint();
        state.setState(endpoint.stateKey("poll"), resource("halo-poll-tickets-state-0.2.0.json"));

        // when this version polls inside the overlap window, where Halo returns all three again
        sandbox.setNow(TICKET_3.plusSeconds(1));
        poll.poll();

        // then none is delivered again
        assertEquals(List.of(), routed);

        // and when ticket 2 changes again, that version alone is delivered, once
        change(2, TICKET_3.plusSeconds(2));
        poll.poll();
        poll.poll();
        assertEquals(List.of(2L), routed.stream().map(id -> ((Number) id).longValue()).toList());
        String stored = state.getState(endpoint.stateKey("poll"));
        assertTrue(stored.contains("\"tickets/2@" + TICKET_3.plusSeconds(2) + "\""), stored);
    }

    @Test
    void anActionsStateStoredBy020KeepsItsVersionsPerTicket() throws IOException {
        PollProgress progress = PollProgress.fromJson(resource("halo-poll-actions-state-0.2.0.json"),
                HaloResource.ACTIONS);
        assertTrue(progress.isSeen("actions/1:3@2026-12-06T03:19:03.899Z"));
    }

    private void change(long id, Instant at) {
        sandbox.setNow(at);
        Map<String, Object> fields = new HashMap<>();
        fields.put("id", id);
        fields.put("summary", "changed at " + at);
        sandbox.put("tickets", fields);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HaloPollUpgradeTest.class.getResourceAsStream("/poll/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }
}
