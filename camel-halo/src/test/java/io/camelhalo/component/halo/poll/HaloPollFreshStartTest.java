package io.camelhalo.component.halo.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelhalo.component.halo.HaloSandboxExtension;
import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelhalo.component.halo.poll.PollTestSupport.consumer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A consumer with no stored progress (startFrom=now) stores where it starts before its first delivery: killed while
 * routing it, the restart continues from that start instead of its own later "now", so the change is delivered again
 * rather than skipped (FollowUpCrashTest kills a real JVM at that moment).
 */
class HaloPollFreshStartTest {

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest().withoutContext();

    private HaloSandbox sandbox;
    private CamelContext context;
    private final MemoryStateRepository state = new MemoryStateRepository();
    private final List<String> storedWhileRouting = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        sandbox = halo.sandbox();
        context = halo.startContext(new RouteBuilder() {
            @Override
            public void configure() {
                getContext().getRegistry().bind("state", state);
                from("halo-poll:tickets?stateRepository=#state&startScheduler=false").routeId("poll")
                        .process(e -> storedWhileRouting.add(String.valueOf(state.getState(stateKey()))));
            }
        });
    }

    private String stateKey() {
        return ((HaloPollEndpoint) context.getRoute("poll").getEndpoint()).stateKey("poll");
    }

    @Test
    void theStartIsStoredBeforeTheFirstChangeIsRouted() throws Exception {
        // given a consumer that has never stored progress, and a change after it started
        HaloPollConsumer poll = consumer(context, "poll", sandbox);
        sandbox.advance(Duration.ofSeconds(2));
        Map<String, Object> fields = new HashMap<>();
        fields.put("id", 1L);
        fields.put("summary", "changed after the start");
        Instant changedAt = Instant.parse(sandbox.put("tickets", fields).get("last_update") + "Z");

        // when its first poll routes that change
        poll.poll();

        // then, while the route ran, the progress already held a start no later than the change
        assertEquals(1, storedWhileRouting.size());
        String stored = storedWhileRouting.get(0);
        assertTrue(stored.contains("\"from\""), "the start is stored before the delivery: " + stored);
        PollProgress progress = PollProgress.fromJson(stored, io.camelhalo.component.halo.api.HaloResource.TICKETS);
        assertNotNull(progress.watermark());
        assertTrue(!progress.queryFrom(changedAt, Duration.ofSeconds(5)).isAfter(changedAt),
                "a restart reads from no later than the change: " + stored);
    }
}
