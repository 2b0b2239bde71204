package io.camelhalo.component.halo.poll;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.camelhalo.component.halo.HaloConstants;
import io.camelhalo.component.halo.HaloSandboxExtension;
import io.camelhalo.component.halo.api.HaloResource;
import io.camelhalo.sandbox.HaloSandbox;
import io.camelhalo.sandbox.HaloSandboxOptions;
import io.camelhalo.sandbox.RecordedRequest;
import io.camelhalo.sandbox.TenantMode;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.camelhalo.component.halo.poll.HaloPollCeilingTest.TENANT_SIZE;
import static io.camelhalo.component.halo.poll.HaloPollCeilingTest.ceiling;
import static io.camelhalo.component.halo.poll.HaloPollCeilingTest.fill;
import static io.camelhalo.component.halo.poll.HaloPollCeilingTest.sweepCeiling;
import static io.camelhalo.component.halo.poll.HaloPollCeilingTest.sweeps;
import static io.camelhalo.component.halo.poll.PollTestSupport.consumer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real tenant may ignore or refuse on one list what it honours on another (the sandbox's modes scoped to one
 * resource): two halo-poll routes on one tenant, the mode on for the first route's resource only. The affected route
 * falls back within its ceiling ({@link HaloPollCeilingTest}: the pages of the list plus a small constant, or the pages
 * plus {@code sweepSize} where it sweeps) and says so once; the other keeps its cheap path (one request when idle, one
 * per page of changes, never a read by id) and says nothing; each change arrives once on both. Requests are told apart
 * by the sandbox's recorded paths.
 */
class HaloPollScopedModeTest {

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest().withoutContext()
            .options(() -> HaloSandboxOptions.defaults().withSeedData(false));

    private HaloSandbox sandbox;

    @BeforeEach
    void bind() {
        sandbox = halo.sandbox();
    }

    @ParameterizedTest(name = "{0} on {1} only, {2} as documented")
    @CsvSource(delimiter = '|', value = {
            "UPDATED_FILTER_IGNORED                 | users    | tickets    | ignores lastupdatefromdate",
            "UNKNOWN_ORDER_REFUSED                  | invoices | quotations | answers 400 to order=",
            "SLIM_LIST_ITEMS                        | users    | tickets    | has no readable",
            "SLIM_LIST_ITEMS+UNKNOWN_ORDER_REFUSED  | invoices | quotations | sweeps it" })
    void theAffectedResourceFallsBackWithinItsCeilingAndTheOtherStaysCheap(
            String modes, String affected, String other, String notice)
            throws Exception {
        // given a tenant of TENANT_SIZE records of each resource, the modes on for the affected one only
        Set<TenantMode> on = EnumSet.noneOf(TenantMode.class);
        for (String mode : modes.split("\\+")) {
            on.add(TenantMode.valueOf(mode));
            sandbox.setModeFor(TenantMode.valueOf(mode), affected);
        }
        HaloResource a = HaloResource.fromUriName(affected);
        HaloResource b = HaloResource.fromUriName(other);
        fill(sandbox, affected);
        fill(sandbox, other);
        sandbox.advance(Duration.ofSeconds(1));
        CamelContext context = halo.startContext(new RouteBuilder() {
            @Override
            public void configure() {
                for (String resource : List.of(affected, other)) {
                    from("halo-poll:" + resource + "?startScheduler=false&sweepSize=" + HaloPollCeilingTest.SWEEP)
                            .routeId(resource).to("mock:" + resource);
                }
            }
        });
        HaloPollConsumer affectedPoll = consumer(context, affected, sandbox);
        HaloPollConsumer otherPoll = consumer(context, other, sandbox);
        MockEndpoint affectedChanges = context.getEndpoint("mock:" + affected, MockEndpoint.class);
        MockEndpoint otherChanges = context.getEndpoint("mock:" + other, MockEndpoint.class);
        boolean sweeping = sweeps(a, on);
        int affectedCeiling = sweeping ? sweepCeiling(on) : ceiling(a, on, 0);

        // when both poll from the start, then the records made before are history on both
        assertTrue(poll(affectedPoll, a) <= affectedCeiling, affected + "'s first poll costs at most " + affectedCeiling);
        assertTrue(poll(otherPoll, b) <= ceiling(b, Set.of(), 0), other + "'s first poll");
        assertEquals(0, affectedChanges.getReceivedCounter() + otherChanges.getReceivedCounter());

        List<Object> aIds = ids(affected);
        List<Object> bIds = ids(other);
        TreeSet<Long> aChanged = new TreeSet<>();
        TreeSet<Long> bChanged = new TreeSet<>();
        int next = 0;
        for (int k : new int[] { 0, 1, 150, 0 }) {
            sandbox.advance(Duration.ofSeconds(6)); // past the 5 s overlap
            for (int i = 0; i < k; i++) {
                next++; // 11 and the tenant's size share no factor: no record is changed twice
                aChanged.add(change(affected, aIds.get((next * 11) % aIds.size()), next));
                bChanged.add(change(other, bIds.get((next * 11) % bIds.size()), next));
            }
            // the affected resource: within its ceiling (a sweep finds the changes within two sweeps: polled below)
            int aCost = poll(affectedPoll, a);
            int aCeiling = sweeping ? sweepCeiling(on) : ceiling(a, on, k);
            assertTrue(aCost <= aCeiling, "a poll of " + affected + " after " + k + " changes made " + aCost
                                          + " requests, more than " + aCeiling);
            // the other: its documented cost, one request when idle, one per page of changes (and one to see the end)
            int bCost = poll(otherPoll, b);
            int bCheap = k == 0 ? 1 : 1 + (k + 99) / 100;
            assertTrue(bCost <= bCheap, "a poll of " + other + " after " + k + " changes made " + bCost
                                        + " requests, more than its cheap path's " + bCheap);
            assertEquals(bChanged, arrived(otherChanges), other + ": the records changed arrive");
            assertEquals(bChanged.size(), otherChanges.getReceivedCounter(), other + ": each change once");
            if (!sweeping) {
                assertEquals(aChanged, arrived(affectedChanges), affected + ": the records changed arrive");
                assertEquals(aChanged.size(), affectedChanges.getReceivedCounter(), affected + ": each change once");
            }
        }
        if (sweeping) {
            int sweepPolls = (TENANT_SIZE + HaloPollCeilingTest.SWEEP - 1) / HaloPollCeilingTest.SWEEP;
            for (int i = 0; i < 2 * sweepPolls; i++) {
                sandbox.advance(Duration.ofSeconds(1));
                assertTrue(poll(affectedPoll, a) <= sweepCeiling(on), "a sweeping poll of " + affected);
                assertEquals(1, poll(otherPoll, b), other + " idle: one request");
            }
            assertEquals(aChanged, arrived(affectedChanges), affected + ": the records changed arrive");
            assertEquals(aChanged.size(), affectedChanges.getReceivedCounter(), affected + ": each change once");
        }

        // never a read by id of the other resource; of the affected one, never record by record over the tenant (a
        // sweep reads every record in turn, at most sweepSize a poll: asserted by poll)
        assertEquals(0, requestsTo(sandbox.requests(), b, true), other + " is never read by id");
        assertTrue(sweeping || requestsTo(sandbox.requests(), a, true) < TENANT_SIZE / 2,
                affected + ": never record by record over the tenant");
        // the fall-back is said once, by the affected route only (the WARN and the dev console's notices are one)
        List<String> aNotices = affectedPoll.statistics().notices();
        assertEquals(1, aNotices.stream().filter(n -> n.contains(notice)).count(), aNotices.toString());
        assertTrue(aNotices.stream().allMatch(n -> n.matches("(?s).*/" + a.path() + "\\b.*")), aNotices.toString());
        assertEquals(List.of(), otherPoll.statistics().notices(), other + " has nothing to fall back from");
        context.stop();
    }

    /**
     * Runs one poll of the consumer and returns how many requests it made: each to its own resource's list or records,
     * at most sweepSize (and one) by id.
     */
    private int poll(HaloPollConsumer consumer, HaloResource r) throws Exception {
        int before = sandbox.requests().size();
        int count = PollTestSupport.pollCountingRequests(sandbox, consumer);
        List<RecordedRequest> made = sandbox.requests().subList(before, sandbox.requests().size());
        long byId = requestsTo(made, r, true);
        assertEquals(count, requestsTo(made, r, false) + byId,
                "a poll of " + r.uriName() + " asks only its own resource: " + made);
        assertTrue(byId <= HaloPollCeilingTest.SWEEP + 1, byId + " reads by id in one poll of " + r.uriName());
        return count;
    }

    /** The requests to the resource's list (byId false) or to its records by id (true). */
    private static long requestsTo(List<RecordedRequest> requests, HaloResource r, boolean byId) {
        String path = "(?i)/api/" + r.path() + (byId ? "/\\d+" : "");
        return requests.stream().filter(q -> q.path().matches(path)).count();
    }

    private List<Object> ids(String resource) {
        return sandbox.records(resource).stream().map(rec -> rec.get("id")).toList();
    }

    private Long change(String resource, Object id, int n) {
        sandbox.advance(Duration.ofMillis(5));
        sandbox.put(resource, new HashMap<>(Map.of("id", id, "name", "changed " + n)));
        return ((Number) id).longValue();
    }

    private static TreeSet<Long> arrived(MockEndpoint changes) {
        TreeSet<Long> ids = new TreeSet<>();
        for (Exchange e : changes.getReceivedExchanges()) {
            ids.add(e.getMessage().getHeader(HaloConstants.RECORD_ID, Long.class));
        }
        return ids;
    }
}
