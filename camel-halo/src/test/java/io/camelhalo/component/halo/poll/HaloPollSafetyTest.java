package io.camelhalo.component.halo.poll;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.camelhalo.component.halo.HaloConstants;
import io.camelhalo.component.halo.HaloSandboxExtension;
import io.camelhalo.component.halo.state.JdbcStateRepository;
import io.camelhalo.component.halo.state.StaleStateException;
import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.camelhalo.component.halo.poll.PollTestSupport.consumer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults on the poll path found by a security review: a record deleted between two pages, a catch-up larger than one
 * poll, the characters of progress written by a catch-up, and a local clock ahead of Halo's.
 */
class HaloPollSafetyTest {

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest().withoutContext();

    private HaloSandbox sandbox;

    @BeforeEach
    void bind() {
        sandbox = halo.sandbox();
    }

    private CamelContext context(String uri, String routeId, Object stateRepository) throws Exception {
        CamelContext context = halo.newContext();
        if (stateRepository != null) {
            context.getRegistry().bind("progress", stateRepository);
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).to("mock:" + routeId);
            }
        });
        context.start();
        return context;
    }

    private static List<Object> ids(CamelContext context, String routeId) {
        List<Object> ids = new ArrayList<>();
        for (Exchange e : context.getEndpoint("mock:" + routeId, MockEndpoint.class).getReceivedExchanges()) {
            ids.add(e.getMessage().getHeader(HaloConstants.RECORD_ID));
        }
        return ids;
    }

    /** A whole second ahead of the system clock, plus {@code millis}: after the route's start, on both clocks. */
    private static Instant soon(int millis) {
        return Instant.now().plusSeconds(2).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusMillis(millis);
    }

    /** Compares two id lists by size and first difference, without printing thousands of ids. */
    private static void assertSameIds(List<Object> expected, List<Object> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": how many");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), what + ": at " + i);
        }
    }

    private static List<Object> sorted(List<Object> ids) {
        return ids.stream().map(id -> ((Number) id).longValue()).sorted().map(id -> (Object) id).toList();
    }

    private List<Object> create(String resource, int count, Duration spacing) {
        List<Object> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sandbox.advance(spacing);
            created.add(sandbox.put(resource, new HashMap<>(Map.of("summary", "change " + i))).get("id"));
        }
        return created;
    }

    @ParameterizedTest
    @CsvSource({ "tickets,/api/Tickets", "invoices,/api/Invoice" })
    void aRecordDeletedBetweenTwoPagesSkipsNoSurvivingChange(String resource, String path) throws Exception {
        // given a caught-up poll, then 250 changes (three pages, newest first)
        sandbox.setNow(soon(250));
        CamelContext context = context("halo-poll:" + resource + "?startScheduler=false", "poll", null);
        HaloPollConsumer consumer = consumer(context, "poll", sandbox);
        consumer.poll();
        List<Object> created = create(resource, 250, Duration.ofMillis(10));

        // when the newest (on page 1) is deleted just before page 2 is read: the record that led page 2 moves onto
        // page 1, already read, and every later page reports one record fewer
        Object deleted = created.get(created.size() - 1);
        sandbox.beforeRequest(r -> r.path().equalsIgnoreCase(path) && "2".equals(r.queryParams().get("page_no")),
                () -> sandbox.delete(resource, ((Number) deleted).longValue()));
        consumer.poll();

        // then every surviving change arrives, each once
        List<Object> surviving = new ArrayList<>(created);
        surviving.remove(deleted);
        assertSameIds(surviving, ids(context, "poll"), "every surviving change once, oldest first");
        sandbox.advance(Duration.ofSeconds(6));
        consumer.poll();
        assertSameIds(surviving, ids(context, "poll"), "and none again later");
    }

    @Test
    void maxMessagesPerPollReadsTheOldestWindowAndContinuesAcrossSharedStamps() throws Exception {
        // given 250 changes that share one stamp, as a bulk write leaves them, and windows of 100
        sandbox.setNow(soon(500));
        CamelContext context = context("halo-poll:tickets?startScheduler=false&maxMessagesPerPoll=100", "poll", null);
        HaloPollConsumer consumer = consumer(context, "poll", sandbox);
        consumer.poll();
        sandbox.advance(Duration.ofSeconds(1));
        List<Object> created = create("tickets", 250, Duration.ZERO);

        // when each poll comes after the overlap has passed (the cheap "just after the watermark" query is allowed)
        List<Integer> found = new ArrayList<>();
        for (int poll = 0; poll < 4; poll++) {
            sandbox.advance(Duration.ofSeconds(6));
            consumer.poll();
            found.add(consumer.statistics().lastPollChanged());
        }

        // then each window held at most 100 changes and, together, every change arrived once
        assertEquals(List.of(100, 100, 50, 0), found, "changes read (and held) per poll");
        List<Object> got = ids(context, "poll");
        assertEquals(250, got.size());
        assertSameIds(sorted(created), sorted(got), "each change once");
    }

    @Test
    void aCatchUpWritesProgressLinearlyInItsSize() throws Exception {
        long smaller = charsWrittenCatchingUp(1_500, "poll1");
        long larger = charsWrittenCatchingUp(3_000, "poll2");
        // writing the whole progress after every change: about 4 times as much for twice the changes
        assertTrue(larger < 2.5 * smaller, "twice the changes wrote " + larger + " characters against " + smaller);
        assertTrue(larger < 3_000L * 10_000, "at most 10,000 characters per change: " + larger);
    }

    /** Characters of progress written by a poll catching up on {@code count} changes that share one stamp. */
    private long charsWrittenCatchingUp(int count, String routeId) throws Exception {
        AtomicLong chars = new AtomicLong();
        MemoryStateRepository counting = new MemoryStateRepository() {
            @Override
            public void setState(String key, String value) {
                chars.addAndGet(value.length());
                super.setState(key, value);
            }
        };
        sandbox.setNow(sandbox.now().plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)); // past any earlier stamp
        sandbox.advance(Duration.ofSeconds(1));
        CamelContext context = context("halo-poll:tickets?startScheduler=false&stateRepository=#progress&startFrom="
                                       + sandbox.now(),
                routeId, counting);
        HaloPollConsumer consumer = consumer(context, routeId, sandbox);
        List<Object> created = create("tickets", count, Duration.ZERO);
        chars.set(0);
        consumer.poll();
        assertSameIds(sorted(created), sorted(ids(context, routeId)), "each change once");
        context.stop();
        return chars.get();
    }

    @Test
    void theSandboxSendsADateHeaderOnItsClock() throws Exception {
        // the JDK's HTTP server writes Date from the system clock, which is the sandbox's unless a test moves it
        HttpResponse<Void> reply = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/api/authinfo")).build(),
                HttpResponse.BodyHandlers.discarding());
        Instant date = ZonedDateTime.parse(reply.headers().firstValue("Date").orElseThrow(),
                DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration apart = Duration.between(date, sandbox.now()).abs();
        assertTrue(apart.compareTo(Duration.ofSeconds(2)) < 0, "Date " + date + ", sandbox " + sandbox.now());
    }

    /** A route whose local clock is {@code ahead} of Halo's (the sandbox's, on the system clock), restarted on it. */
    private CamelContext aheadOfHalo(Duration ahead) throws Exception {
        CamelContext context = context("halo-poll:tickets?startScheduler=false&overlap=60s", "poll", null);
        ((HaloPollEndpoint) context.getRoute("poll").getEndpoint())
                .setLocalClock(Clock.offset(Clock.systemUTC(), ahead));
        context.getRouteController().stopRoute("poll");
        context.getRouteController().startRoute("poll"); // startFrom=now on that clock
        return context;
    }

    @Test
    void startFromNowIsHalosNowWhenTheLocalClockIsAhead() throws Exception {
        // given a local clock 120 s ahead of Halo's
        CamelContext context = aheadOfHalo(Duration.ofSeconds(120));
        HaloPollConsumer consumer = (HaloPollConsumer) context.getRoute("poll").getConsumer();

        // when a ticket changes after the route started, stamped by Halo's clock (120 s before the local "now")
        Object changed = sandbox.put("tickets", new HashMap<>(Map.of("summary", "after the start"))).get("id");
        consumer.poll();

        // then it arrives
        assertEquals(List.of(changed), ids(context, "poll"));
    }

    @Test
    void theOverlapIsReckonedInHalosTimeWhenTheLocalClockIsAhead() throws Exception {
        // given a local clock 120 s ahead of Halo's, far more than the overlap (60 s: the test runs in real time), and a delivered change
        CamelContext context = aheadOfHalo(Duration.ofSeconds(120));
        HaloPollConsumer consumer = (HaloPollConsumer) context.getRoute("poll").getConsumer();
        consumer.poll();
        sandbox.setClock(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(10)));
        Object first = sandbox.put("tickets", new HashMap<>(Map.of("summary", "first"))).get("id");
        sandbox.setClock(Clock.systemUTC());
        consumer.poll();

        // when a change stamped before it (by less than the overlap) becomes visible only now (a write committed late)
        Object late = sandbox.put("tickets", new HashMap<>(Map.of("summary", "late"))).get("id");
        consumer.poll();

        // then the overlap, 60 s of Halo's time, still covers it: it arrives, and nothing twice
        assertEquals(List.of(first, late), ids(context, "poll"));
    }

    @Test
    void aStaleLeadersProgressWriteFailsAndLeavesTheNewerProgress() throws Exception {
        // given two members sharing progress in one database, the same route on both
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:stale-leader-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        sandbox.setNow(soon(250));
        String uri = "halo-poll:tickets?startScheduler=false&stateRepository=#progress";
        CamelContext newLeader = context(uri, "poll", new JdbcStateRepository(database));
        HaloPollConsumer successor = consumer(newLeader, "poll", sandbox);
        AtomicBoolean tookOver = new AtomicBoolean();
        AtomicReference<Throwable> successorFailed = new AtomicReference<>();
        CamelContext staleLeader = halo.newContext();
        staleLeader.getRegistry().bind("progress", new JdbcStateRepository(database));
        staleLeader.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // while the stale leader routes its first change, the new leader polls and stores its progress
                from(uri).routeId("poll").process(e -> {
                    if (tookOver.compareAndSet(false, true)) {
                        try {
                            successor.poll();
                        } catch (Exception | Error failed) {
                            successorFailed.set(failed);
                        }
                    }
                }).to("mock:poll");
            }
        });
        staleLeader.start();
        HaloPollConsumer stale = consumer(staleLeader, "poll", sandbox);
        stale.poll();
        List<Object> created = create("tickets", 5, Duration.ofMillis(10));

        // when the stale leader polls, having read the progress before its successor wrote
        Exception thrown = assertThrows(Exception.class, stale::poll);
        assertEquals(null, successorFailed.get(), "the successor polled");
        StaleStateException e = assertInstanceOf(StaleStateException.class, thrown);

        // then its write fails, saying so; its poll stops after the one change in flight (delivered by both: the
        // at-least-once boundary); the successor delivered all and its progress stands
        assertTrue(e.getMessage().contains("another member"), e.getMessage());
        assertEquals(created.subList(0, 1), ids(staleLeader, "poll"), "the stale leader stops at once");
        assertEquals(created, ids(newLeader, "poll"));
        Object next = create("tickets", 1, Duration.ofMillis(10)).get(0);
        stale.poll();
        assertEquals(List.of(created.get(0), next), ids(staleLeader, "poll"),
                "on its next poll it continues from the newer progress: nothing again");
    }
}
