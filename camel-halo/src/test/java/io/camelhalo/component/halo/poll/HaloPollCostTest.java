package io.camelhalo.component.halo.poll;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.LongStream;

import io.camelhalo.component.halo.HaloConstants;
import io.camelhalo.component.halo.HaloSandboxExtension;
import io.camelhalo.sandbox.HaloSandbox;
import io.camelhalo.sandbox.HaloSandboxOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelhalo.component.halo.poll.PollTestSupport.consumer;
import static io.camelhalo.component.halo.poll.PollTestSupport.pollCountingRequests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a poll costs on a large tenant, in requests (counts do not depend on the machine): an idle poll of 100,000
 * tickets is one request, and a poll after k changes at most 1 + ceil(k / 100).
 */
class HaloPollCostTest {

    private static final int TENANT_SIZE = 100_000;

    @RegisterExtension
    static final HaloSandboxExtension halo = HaloSandboxExtension.perClass().withoutContext()
            .options(HaloSandboxOptions.defaults().withSeedData(false));

    private static HaloSandbox sandbox;

    @BeforeAll
    static void fillLargeTenant() {
        sandbox = halo.sandbox();
        for (int i = 0; i < TENANT_SIZE; i++) {
            sandbox.put("tickets", new HashMap<>(Map.of("summary", "ticket " + i, "client_id", 1 + i % 50)));
        }
    }

    @Test
    void anIdlePollIsOneRequestAndAPollAfterKChangesAtMostOnePlusCeilKOverHundred() throws Exception {
        sandbox.advance(Duration.ofSeconds(1));
        CamelContext context = halo.startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("halo-poll:tickets?startScheduler=false").routeId("poll").to("mock:changes");
            }
        });
        HaloPollConsumer consumer = consumer(context, "poll", sandbox);
        MockEndpoint changes = context.getEndpoint("mock:changes", MockEndpoint.class);
        consumer.poll(); // the first poll sets the watermark at "now": the 100,000 tickets are history
        long delivered = 0;
        long nextId = 1;
        for (int k : new int[] { 1, 99, 100, 101, 250 }) {
            sandbox.advance(Duration.ofSeconds(6)); // past the 5 s overlap
            consumer.poll();
            assertEquals(1, pollCountingRequests(sandbox, consumer),
                    "an idle poll of " + TENANT_SIZE + " tickets is one request");

            sandbox.advance(Duration.ofSeconds(1));
            for (int i = 0; i < k; i++) {
                sandbox.put("tickets", new HashMap<>(Map.of("id", nextId++, "summary", "changed")));
            }
            int requests = pollCountingRequests(sandbox, consumer);
            int bound = 1 + (k + 99) / 100;
            assertTrue(requests <= bound, "a poll after " + k + " changes made " + requests + " requests, more than "
                                          + bound);
            delivered += k;
            assertEquals(delivered, changes.getReceivedCounter(), "each change delivered once");
            assertEquals(LongStream.rangeClosed(1, delivered).boxed().toList(),
                    changes.getReceivedExchanges().stream()
                            .map(e -> e.getMessage().getHeader(HaloConstants.RECORD_ID, Long.class)).sorted().toList(),
                    "the tickets changed, each once");
        }
    }
}
