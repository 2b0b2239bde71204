package io.camelhalo.component.halo.poll;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.camelhalo.component.halo.HaloConstants;
import io.camelhalo.component.halo.HaloSandboxExtension;
import io.camelhalo.component.halo.api.ChangeDetection;
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
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.camelhalo.component.halo.poll.PollTestSupport.consumer;
import static io.camelhalo.component.halo.poll.PollTestSupport.pollCountingRequests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A poll's cost has a ceiling whatever Halo ignores: on a tenant of {@value #TENANT_SIZE} records of each paged
 * pollable resource, under each way a real tenant may ignore or refuse what the feed asks (the filter, the sort key,
 * the last-modified field on list items), a poll costs at most the pages it must read plus one read by id per changed
 * record (slim items only) plus a constant, never a read by id of every record; and every change arrives once. Where
 * items are slim and the list can be neither filtered nor sorted, the feed sweeps: each poll costs the pages plus
 * {@code sweepSize} reads by id, and every change arrives once within two sweeps.
 */
@ParameterizedClass(name = "[{0}]")
@MethodSource("tenants")
class HaloPollCeilingTest {

    static final int TENANT_SIZE = 1050;
    /** Pages of the whole list at 100 a page (the last one short). */
    static final int ALL_PAGES = 11;
    /** The order check (once a run) and the first unchanged record read by id (slim items). */
    static final int CONSTANT = 2;
    /** The sweepSize the routes set: the most reads by id a sweeping poll makes. */
    static final int SWEEP = 250;

    @Parameter
    PollTenants.Tenant tenant;

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest().withoutContext()
            .options(() -> HaloSandboxOptions.defaults().withSeedData(false)
                    .withModes(tenant.modes().toArray(new TenantMode[0])));

    private HaloSandbox sandbox;

    static List<PollTenants.Tenant> tenants() {
        return List.of(
                new PollTenants.Tenant("as documented", Set.of()),
                new PollTenants.Tenant("filter ignored", EnumSet.of(TenantMode.UPDATED_FILTER_IGNORED)),
                new PollTenants.Tenant("sort key refused", EnumSet.of(TenantMode.UNKNOWN_ORDER_REFUSED)),
                new PollTenants.Tenant("slim items", EnumSet.of(TenantMode.SLIM_LIST_ITEMS)),
                new PollTenants.Tenant(
                        "filter ignored, slim items",
                        EnumSet.of(TenantMode.UPDATED_FILTER_IGNORED, TenantMode.SLIM_LIST_ITEMS)),
                new PollTenants.Tenant(
                        "filter ignored, sort key refused",
                        EnumSet.of(TenantMode.UPDATED_FILTER_IGNORED, TenantMode.UNKNOWN_ORDER_REFUSED)),
                new PollTenants.Tenant(
                        "sort key refused, slim items",
                        EnumSet.of(TenantMode.UNKNOWN_ORDER_REFUSED, TenantMode.SLIM_LIST_ITEMS)),
                new PollTenants.Tenant(
                        "filter ignored, sort key refused, slim items",
                        EnumSet.of(TenantMode.UPDATED_FILTER_IGNORED, TenantMode.UNKNOWN_ORDER_REFUSED,
                                TenantMode.SLIM_LIST_ITEMS)),
                new PollTenants.Tenant(
                        "filter ignored, order ignored, slim items",
                        EnumSet.of(TenantMode.UPDATED_FILTER_IGNORED, TenantMode.ORDER_IGNORED,
                                TenantMode.SLIM_LIST_ITEMS)));
    }

    /** Every paged pollable resource: each is read with a filter or a sort key Halo may ignore or refuse. */
    static List<String> resources() {
        List<String> names = new ArrayList<>();
        for (HaloResource r : HaloResource.values()) {
            if (r.pollable() && r.paginated()) {
                names.add(r.uriName());
            }
        }
        return names;
    }

    @BeforeEach
    void bind() {
        sandbox = halo.sandbox();
    }

    private boolean on(TenantMode mode) {
        return tenant.modes().contains(mode);
    }

    private boolean sweeps(HaloResource r) {
        return sweeps(r, tenant.modes());
    }

    private int ceiling(HaloResource r, int k) {
        return ceiling(r, tenant.modes(), k);
    }

    /**
     * Whether the feed sweeps a resource with these modes on for it: no read short of every record by id tells what
     * changed (no filter, no sort, slim).
     */
    static boolean sweeps(HaloResource r, Set<TenantMode> on) {
        boolean filterWorks = r.changeDetection() == ChangeDetection.UPDATED_SINCE_FILTER
                && !on.contains(TenantMode.UPDATED_FILTER_IGNORED);
        return on.contains(TenantMode.SLIM_LIST_ITEMS) && !filterWorks
                && (on.contains(TenantMode.UNKNOWN_ORDER_REFUSED) || on.contains(TenantMode.ORDER_IGNORED));
    }

    /**
     * The most requests a poll of a resource of {@value #TENANT_SIZE} records, with these modes on for it, may make
     * after k changes (a sweeping poll: {@link #sweepCeiling}).
     */
    static int ceiling(HaloResource r, Set<TenantMode> on, int k) {
        boolean filterWorks = r.changeDetection() == ChangeDetection.UPDATED_SINCE_FILTER
                && !on.contains(TenantMode.UPDATED_FILTER_IGNORED);
        // without a working filter and without a sort, every page is read; else the pages of the changes and one more
        boolean sorts = !on.contains(TenantMode.UNKNOWN_ORDER_REFUSED) && !on.contains(TenantMode.ORDER_IGNORED);
        int pages = !filterWorks && !sorts ? ALL_PAGES : 1 + (k + 99) / 100;
        int byId = on.contains(TenantMode.SLIM_LIST_ITEMS) ? k : 0;
        // the first request of a run may be refused (400 on the sort key) and asked again without it
        return pages + byId + CONSTANT + (on.contains(TenantMode.UNKNOWN_ORDER_REFUSED) ? 1 : 0);
    }

    /** The most requests a sweeping poll (see {@link #sweeps}) may make: every page, sweepSize reads by id. */
    static int sweepCeiling(Set<TenantMode> on) {
        // the first read of a run may end in a sweep: its first page, a read by id and the order check come first
        return ALL_PAGES + SWEEP + CONSTANT + 1 + (on.contains(TenantMode.UNKNOWN_ORDER_REFUSED) ? 1 : 0);
    }

    /** Puts {@value #TENANT_SIZE} records of the resource. */
    /**
     * Makes the tenant's records, stamped two seconds in the past: the consumer's start ("now") is read from the local
     * clock before the test aligns it with the sandbox's, and a record stamped on a whole second (a millisecond of
     * .000, which many records of this fast loop share) may stand for any moment of that second, so it must lie more
     * than a second before the start to be history.
     */
    static void fill(HaloSandbox sandbox, String resource) {
        sandbox.advance(Duration.ofSeconds(-2));
        try {
            for (int i = 0; i < TENANT_SIZE; i++) {
                sandbox.put(resource, new HashMap<>(Map.of("name", "record " + i, "summary", "record " + i)));
            }
        } finally {
            sandbox.advance(Duration.ofSeconds(2));
        }
    }

    private CamelContext context(String resource) throws Exception {
        return halo.startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("halo-poll:" + resource + "?startScheduler=false&sweepSize=" + SWEEP).routeId("poll").to("mock:changes");
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.camelhalo.component.halo.poll.HaloPollCeilingTest#resources")
    void aPollCostsItsPagesPlusItsChangesPlusAConstantAndEveryChangeArrivesOnce(String resource) throws Exception {
        HaloResource r = HaloResource.fromUriName(resource);
        fill(sandbox, resource);
        sandbox.advance(Duration.ofSeconds(1));
        CamelContext context = context(resource);
        HaloPollConsumer consumer = consumer(context, "poll", sandbox);
        MockEndpoint changes = context.getEndpoint("mock:changes", MockEndpoint.class);
        if (sweeps(r)) {
            sweepCostsItsPagesPlusSweepSizeAndEveryChangeArrivesOnce(r, consumer, changes);
            return;
        }
        int first = pollCountingRequests(sandbox, consumer);
        assertTrue(first <= ceiling(r, 0), "the first poll made " + first + " requests, more than " + ceiling(r, 0));
        assertEquals(0, changes.getReceivedCounter(), "the records made before the start are history");

        List<Object> ids = sandbox.records(resource).stream().map(rec -> rec.get("id")).toList();
        int next = 0;
        int delivered = 0;
        for (int k : new int[] { 0, 1, 150, 0 }) {
            sandbox.advance(Duration.ofSeconds(6)); // past the 5 s overlap
            TreeSet<Long> changed = new TreeSet<>();
            for (int i = 0; i < k; i++) {
                sandbox.advance(Duration.ofMillis(5));
                Object id = ids.get((next++ * 7) % ids.size());
                sandbox.put(resource, new HashMap<>(Map.of("id", id, "name", "changed " + next)));
                changed.add(((Number) id).longValue());
            }
            int requests = pollCountingRequests(sandbox, consumer);
            assertTrue(requests <= ceiling(r, k), "a poll after " + k + " changes of " + TENANT_SIZE + " " + resource
                                                  + " made " + requests + " requests, more than " + ceiling(r, k));
            List<Exchange> got = changes.getReceivedExchanges();
            TreeSet<Long> arrived = new TreeSet<>();
            for (Exchange e : got.subList(delivered, got.size())) {
                arrived.add(e.getMessage().getHeader(HaloConstants.RECORD_ID, Long.class));
            }
            assertEquals(changed, arrived, "the records changed arrive");
            assertEquals(k, got.size() - delivered, "each change once");
            delivered = got.size();
        }
        // what Halo ignores is said once, however many polls ran (a WARN and the dev console's notices)
        List<String> notices = consumer.statistics().notices();
        boolean filterIgnored = r.changeDetection() == ChangeDetection.UPDATED_SINCE_FILTER
                && on(TenantMode.UPDATED_FILTER_IGNORED);
        assertEquals(filterIgnored ? 1 : 0,
                notices.stream().filter(n -> n.contains("ignores lastupdatefromdate")).count(), notices.toString());
        assertEquals(on(TenantMode.UNKNOWN_ORDER_REFUSED) ? 1 : 0,
                notices.stream().filter(n -> n.contains("answers 400 to order=")).count(), notices.toString());
        List<RecordedRequest> byId = sandbox.requests().stream()
                .filter(q -> q.path().matches("(?i)/api/" + r.path() + "/\\d+")).toList();
        assertTrue(byId.size() < TENANT_SIZE / 2, byId.size() + " reads by id: never record by record over the tenant");
    }

    /**
     * Slim items, no filter, no sort: each poll reads every page and at most {@value #SWEEP} records by id; 150 changes
     * arrive within two sweeps (a change behind the sweep's position is found by the next one), each once, and a
     * further sweep delivers nothing again.
     */
    private void sweepCostsItsPagesPlusSweepSizeAndEveryChangeArrivesOnce(
            HaloResource r, HaloPollConsumer consumer, MockEndpoint changes)
            throws Exception {
        int ceiling = sweepCeiling(tenant.modes());
        int sweepPolls = (TENANT_SIZE + SWEEP - 1) / SWEEP;
        assertPollCost(consumer, ceiling);
        assertEquals(0, changes.getReceivedCounter(), "the records made before the start are history");
        List<Object> ids = sandbox.records(r.uriName()).stream().map(rec -> rec.get("id")).toList();
        sandbox.advance(Duration.ofSeconds(6));
        TreeSet<Long> changed = new TreeSet<>();
        for (int i = 0; i < 150; i++) {
            sandbox.advance(Duration.ofMillis(5));
            Object id = ids.get((i * 7) % ids.size());
            sandbox.put(r.uriName(), new HashMap<>(Map.of("id", id, "name", "changed " + i)));
            changed.add(((Number) id).longValue());
        }
        for (int poll = 0; poll < 2 * sweepPolls + 1; poll++) {
            sandbox.advance(Duration.ofSeconds(1));
            assertPollCost(consumer, ceiling);
        }
        TreeSet<Long> arrived = new TreeSet<>();
        for (Exchange e : changes.getReceivedExchanges()) {
            arrived.add(e.getMessage().getHeader(HaloConstants.RECORD_ID, Long.class));
        }
        assertEquals(changed, arrived, "the records changed arrive");
        assertEquals(changed.size(), changes.getReceivedCounter(), "each change once, however many sweeps ran");
        List<String> notices = consumer.statistics().notices();
        assertEquals(1, notices.stream().filter(n -> n.contains("sweeps it")).count(), notices.toString());
    }

    /**
     * One poll: at most {@code ceiling} requests, of which at most {@value #SWEEP} reads by id (and one more when the
     * poll found out it must sweep: the first slim item, read by id, showed the filter ignored).
     */
    private void assertPollCost(HaloPollConsumer consumer, int ceiling) throws Exception {
        int before = sandbox.requests().size();
        int requests = pollCountingRequests(sandbox, consumer);
        assertTrue(requests <= ceiling, "a sweeping poll made " + requests + " requests, more than " + ceiling);
        long byId = sandbox.requests().subList(before, sandbox.requests().size()).stream()
                .filter(q -> q.path().matches("(?i)/api/[A-Za-z]+/\\d+")).count();
        assertTrue(byId <= SWEEP + 1, byId + " reads by id in one poll, more than sweepSize " + SWEEP + " and one");
    }
}
