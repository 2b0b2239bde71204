package io.camelhalo.component.halo.poll;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

import io.camelhalo.component.halo.HaloConstants;
import io.camelhalo.component.halo.HaloSandboxExtension;
import io.camelhalo.sandbox.HaloSandbox;
import io.camelhalo.sandbox.HaloSandboxOptions;
import io.camelhalo.sandbox.RecordedRequest;
import io.camelhalo.sandbox.TenantMode;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.camelhalo.component.halo.poll.PollTestSupport.consumer;
import static io.camelhalo.component.halo.poll.PollTestSupport.pollCountingRequests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The unpaged resources (agents, teams, a ticket's actions) on a tenant whose list items are slim: no filter, no sort,
 * so the feed sweeps. A poll costs the list (one request) plus at most {@value #SWEEP} reads by id, however many
 * records there are; every change arrives once within two sweeps, also when a change fails and is delivered again, when
 * a poll delivers only a few ({@code maxMessagesPerPoll}), and across a restart in the middle of a sweep.
 */
class HaloPollSweepTest {

    private static final int RECORDS = 70;
    private static final int SWEEP = 20;

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest().withoutContext()
            .options(() -> HaloSandboxOptions.defaults().withModes(TenantMode.SLIM_LIST_ITEMS));

    private HaloSandbox sandbox;
    private final StateRepository<String, String> state = new MemoryStateRepository();
    private final AtomicBoolean failNext = new AtomicBoolean();

    @BeforeEach
    void bind() {
        sandbox = halo.sandbox();
    }

    private Map<String, Object> fields(String resource, String name) {
        Map<String, Object> fields = new HashMap<>(Map.of("name", name, "note", name));
        if (resource.equals("actions")) {
            fields.put("ticket_id", 1);
        }
        return fields;
    }

    /** Makes the records two seconds in the past: why, see {@link HaloPollCeilingTest#fill}. */
    private List<Object> fill(String resource) {
        sandbox.advance(Duration.ofSeconds(-2));
        try {
            for (int i = 0; i < RECORDS; i++) {
                sandbox.put(resource, fields(resource, "record " + i));
            }
        } finally {
            sandbox.advance(Duration.ofSeconds(2));
        }
        return sandbox.records(resource).stream()
                .filter(r -> !resource.equals("actions") || ((Number) r.get("ticket_id")).longValue() == 1)
                .map(r -> r.get("id")).toList();
    }

    private CamelContext context(String resource, String options) throws Exception {
        state.start();
        CamelContext context = halo.newContext();
        context.getRegistry().bind("state", state);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("halo-poll:" + resource + "?startScheduler=false&stateRepository=#state&sweepSize=" + SWEEP
                     + (resource.equals("actions") ? "&ticketId=1" : "") + options)
                        .routeId("poll")
                        .process(e -> {
                            if (failNext.getAndSet(false)) {
                                throw new IllegalStateException("the route fails this change once");
                            }
                        })
                        .to("mock:changes");
            }
        });
        context.start();
        return context;
    }

    /** Changes 'count' records, spaced apart, and returns their ids. */
    private TreeSet<Long> change(String resource, List<Object> ids, int count) {
        sandbox.advance(Duration.ofSeconds(6));
        TreeSet<Long> changed = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            sandbox.advance(Duration.ofMillis(5));
            Object id = ids.get((i * 7) % ids.size());
            Map<String, Object> fields = fields(resource, "changed " + i);
            fields.put("id", id);
            sandbox.put(resource, fields);
            changed.add(((Number) id).longValue());
        }
        return changed;
    }

    /** Polls two sweeps and a poll, each poll within the ceiling. */
    private void pollTwoSweeps(HaloPollConsumer consumer, int records) throws Exception {
        int polls = 2 * ((records + SWEEP - 1) / SWEEP) + 1;
        for (int i = 0; i < polls; i++) {
            sandbox.advance(Duration.ofSeconds(1));
            int before = sandbox.requests().size();
            int requests = pollCountingRequests(sandbox, consumer);
            List<RecordedRequest> made = sandbox.requests().subList(before, sandbox.requests().size());
            long byId = made.stream().filter(q -> q.path().matches("(?i)/api/[A-Za-z]+/\\d+")).count();
            // the list (and, once a run, the list read before the feed knew it must sweep) plus the sweep's reads
            assertTrue(requests <= 2 + SWEEP, "a sweeping poll made " + requests + " requests: " + made);
            assertTrue(byId <= SWEEP, byId + " reads by id in one poll, more than sweepSize " + SWEEP);
        }
    }

    private static TreeSet<Long> arrived(MockEndpoint changes) {
        TreeSet<Long> ids = new TreeSet<>();
        for (Exchange e : changes.getReceivedExchanges()) {
            ids.add(e.getMessage().getHeader(HaloConstants.RECORD_ID, Long.class));
        }
        return ids;
    }

    @ParameterizedTest
    @ValueSource(strings = { "agents", "teams", "actions" })
    void aSweepCostsTheListPlusSweepSizeAndDeliversEveryChangeOnce(String resource) throws Exception {
        List<Object> ids = fill(resource);
        sandbox.advance(Duration.ofSeconds(1));
        CamelContext context = context(resource, "");
        HaloPollConsumer consumer = consumer(context, "poll", sandbox);
        MockEndpoint changes = context.getEndpoint("mock:changes", MockEndpoint.class);
        pollTwoSweeps(consumer, ids.size());
        assertEquals(0, changes.getReceivedCounter(), "the records made before the start are history");

        TreeSet<Long> changed = change(resource, ids, 12);
        pollTwoSweeps(consumer, ids.size());
        assertEquals(changed, arrived(changes), "the records changed arrive");
        assertEquals(changed.size(), changes.getReceivedCounter(), "each change once, however many sweeps ran");

        List<String> notices = consumer.statistics().notices();
        assertEquals(1, notices.stream().filter(n -> n.contains("sweeps it")).count(), notices.toString());
        long allById = sandbox.requests().stream().filter(q -> q.path().matches("(?i)/api/[A-Za-z]+/\\d+")).count();
        assertTrue(allById > 0, "slim items are read by id");
        context.stop();
    }

    /** An unpaged list is asked with neither filter nor sort: what a tenant ignores or refuses there costs nothing. */
    @ParameterizedTest(name = "{0} on a tenant with {1}")
    @CsvSource({
            "agents,UPDATED_FILTER_IGNORED", "agents,UNKNOWN_ORDER_REFUSED", "agents,ORDER_IGNORED",
            "teams,UPDATED_FILTER_IGNORED", "teams,UNKNOWN_ORDER_REFUSED", "teams,ORDER_IGNORED",
            "actions,UPDATED_FILTER_IGNORED", "actions,UNKNOWN_ORDER_REFUSED", "actions,ORDER_IGNORED" })
    void withFullItemsAnUnpagedListCostsOneRequestAPollWhateverTheTenantIgnores(String resource, TenantMode mode)
            throws Exception {
        sandbox.setModes(mode); // list items carry the last-modified field
        List<Object> ids = fill(resource);
        sandbox.advance(Duration.ofSeconds(1));
        CamelContext context = context(resource, "");
        HaloPollConsumer consumer = consumer(context, "poll", sandbox);
        MockEndpoint changes = context.getEndpoint("mock:changes", MockEndpoint.class);
        assertEquals(1, pollCountingRequests(sandbox, consumer));
        TreeSet<Long> changed = change(resource, ids, 5);
        assertEquals(1, pollCountingRequests(sandbox, consumer), "one request, no read by id");
        assertEquals(changed, arrived(changes));
        assertEquals(5, changes.getReceivedCounter());
        assertEquals(List.of(), consumer.statistics().notices());
        context.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = { "clients", "tickets" })
    void aBurstOfChangesOnAFilteredListIsSweptAFewAPollThenReadAsBefore(String resource) throws Exception {
        List<Object> ids = fill(resource);
        sandbox.advance(Duration.ofSeconds(1));
        CamelContext context = context(resource, "");
        HaloPollConsumer consumer = consumer(context, "poll", sandbox);
        MockEndpoint changes = context.getEndpoint("mock:changes", MockEndpoint.class);
        consumer.poll();

        TreeSet<Long> changed = change(resource, ids, 60); // three times sweepSize, all at once
        int polls = 0;
        while (arrived(changes).size() < changed.size() && polls++ < 20) {
            sandbox.advance(Duration.ofSeconds(1));
            int before = sandbox.requests().size();
            int requests = pollCountingRequests(sandbox, consumer);
            long byId = sandbox.requests().subList(before, sandbox.requests().size()).stream()
                    .filter(q -> q.path().matches("(?i)/api/[A-Za-z]+/\\d+")).count();
            // the filtered read up to sweepSize reads by id, then the sweep: its page and sweepSize reads
            assertTrue(requests <= 2 + 2 * SWEEP, "a poll made " + requests + " requests");
            assertTrue(byId <= 2 * SWEEP, byId + " reads by id in one poll: never one per changed record");
        }
        assertTrue(polls >= 3, "60 changes at 20 reads a poll take three polls at least: " + polls);
        for (int i = 0; i < 8; i++) { // past the overlap: the feed reads as before, nothing comes twice
            sandbox.advance(Duration.ofSeconds(2));
            consumer.poll();
        }
        assertEquals(changed, arrived(changes), "the records changed arrive");
        assertEquals(changed.size(), changes.getReceivedCounter(), "each change once");
        assertEquals(1, consumer.statistics().notices().stream().filter(n -> n.contains("changed at once")).count(),
                consumer.statistics().notices().toString());

        TreeSet<Long> one = change(resource, ids, 1);
        int requests = pollCountingRequests(sandbox, consumer);
        assertTrue(requests <= 2, "back to a filtered read: " + requests + " requests for one change");
        assertEquals(changed.size() + 1, changes.getReceivedCounter());
        assertTrue(arrived(changes).containsAll(one));
        context.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = { "agents" })
    void aFailedChangeComesBackWithTheNextSweepAndFewPerPollLoseNothing(String resource) throws Exception {
        List<Object> ids = fill(resource);
        sandbox.advance(Duration.ofSeconds(1));
        CamelContext context = context(resource, "&maxMessagesPerPoll=2");
        HaloPollConsumer consumer = consumer(context, "poll", sandbox);
        MockEndpoint changes = context.getEndpoint("mock:changes", MockEndpoint.class);
        pollTwoSweeps(consumer, ids.size());

        TreeSet<Long> changed = change(resource, ids, 9);
        failNext.set(true); // the first change routed fails: it must come again, with a later sweep
        pollTwoSweeps(consumer, ids.size());
        assertFalse(failNext.get(), "a change failed");
        pollTwoSweeps(consumer, ids.size());
        assertEquals(changed, arrived(changes), "every change arrives, the failed one too");
        assertEquals(changed.size(), changes.getReceivedCounter(), "each change once (the failed one reached no mock)");
        context.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = { "teams" })
    void aRestartInTheMiddleOfASweepContinuesIt(String resource) throws Exception {
        List<Object> ids = fill(resource);
        sandbox.advance(Duration.ofSeconds(1));
        CamelContext context = context(resource, "");
        HaloPollConsumer consumer = consumer(context, "poll", sandbox);
        consumer.poll();
        TreeSet<Long> changed = change(resource, ids, 10);
        consumer.poll(); // part of a sweep
        List<Long> before = new ArrayList<>(arrived(context.getEndpoint("mock:changes", MockEndpoint.class)));
        context.stop();

        // a new context, the same stored progress: what the first delivered is not delivered again
        CamelContext again = context(resource, "");
        HaloPollConsumer next = consumer(again, "poll", sandbox);
        MockEndpoint changes = again.getEndpoint("mock:changes", MockEndpoint.class);
        pollTwoSweeps(next, ids.size());
        TreeSet<Long> all = new TreeSet<>(before);
        all.addAll(arrived(changes));
        assertEquals(changed, all, "every change arrives across the restart");
        assertEquals(changed.size(), before.size() + changes.getReceivedCounter(), "none twice across the restart");
        again.stop();
    }
}
