package io.camelhalo.component.halo.poll;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.camelhalo.component.halo.HaloConstants;
import io.camelhalo.component.halo.HaloSandboxExtension;
import io.camelhalo.component.halo.api.HaloResource;
import io.camelhalo.component.halo.change.HaloChange;
import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelhalo.component.halo.poll.PollTestSupport.consumer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** halo-poll's idempotentRepository option: the change versions shared with a halo-webhook route. */
class HaloPollIdempotentRepositoryTest {

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest().withoutContext();

    private HaloSandbox sandbox;
    private CamelContext context;
    private final IdempotentRepository changes = MemoryIdempotentRepository.memoryIdempotentRepository();
    private final List<Object> routed = new CopyOnWriteArrayList<>();
    private final AtomicBoolean failTicket2 = new AtomicBoolean();

    @BeforeEach
    void start() throws Exception {
        sandbox = halo.sandbox();
        context = halo.startContext(new RouteBuilder() {
            @Override
            public void configure() {
                getContext().getRegistry().bind("changes", changes);
                from("halo-poll:tickets?idempotentRepository=#changes&startScheduler=false").routeId("poll")
                        .process(e -> {
                            Object id = e.getMessage().getHeader(HaloConstants.RECORD_ID);
                            if (failTicket2.get() && ((Number) id).longValue() == 2) {
                                throw new IllegalStateException("downstream unavailable");
                            }
                            routed.add(id);
                        });
            }
        });
    }

    private Map<String, Object> change(long id, String summary) {
        sandbox.advance(Duration.ofMillis(5));
        Map<String, Object> fields = new HashMap<>();
        fields.put("id", id);
        fields.put("summary", summary);
        return sandbox.put("tickets", fields);
    }

    @Test
    void aVersionTheRepositoryHoldsIsSkippedAndADeliveredOneIsAdded() throws Exception {
        HaloPollConsumer poll = consumer(context, "poll", sandbox);
        // given ticket 1's change was already delivered by the webhook
        Map<String, Object> one = change(1, "webhook took it");
        Map<String, Object> two = change(2, "nobody took it");
        changes.add(HaloChange.of(HaloResource.TICKETS, one, null).key());

        // when the poll runs
        poll.poll();

        // then only ticket 2 is routed, and its version is now held for the webhook to drop
        assertEquals(List.of(2L), routed.stream().map(id -> ((Number) id).longValue()).toList());
        assertTrue(changes.contains(HaloChange.of(HaloResource.TICKETS, two, null).key()));

        // and a later poll routes nothing again
        poll.poll();
        assertEquals(1, routed.size());
        assertEquals(List.of(2L), routed.stream().map(id -> ((Number) id).longValue()).toList());
    }

    @Test
    void aVersionWhoseRouteFailedIsForgottenAndDeliveredByTheNextPoll() throws Exception {
        HaloPollConsumer poll = consumer(context, "poll", sandbox);
        Map<String, Object> two = change(2, "fails once");
        failTicket2.set(true);

        poll.poll();
        assertFalse(changes.contains(HaloChange.of(HaloResource.TICKETS, two, null).key()),
                "a failed version is not held: the webhook or the next poll may deliver it");

        failTicket2.set(false);
        poll.poll();
        assertEquals(List.of(2L), routed.stream().map(id -> ((Number) id).longValue()).toList());
        assertTrue(changes.contains(HaloChange.of(HaloResource.TICKETS, two, null).key()));
    }
}
