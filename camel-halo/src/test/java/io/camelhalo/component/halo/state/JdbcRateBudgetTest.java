package io.camelhalo.component.halo.state;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.camelhalo.component.halo.TestCamel;
import io.camelhalo.component.halo.http.HaloRateGovernor;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cluster-wide rate budget: governors of separate "nodes" (each with its own JdbcRateBudget and DataSource, as
 * separate JVMs would have) share one limit through PostgreSQL (embedded) or H2 (server mode), both on loopback. Every
 * request's send time is recorded, and the most in any rolling window is what Halo would count.
 */
class JdbcRateBudgetTest {

    private static final String KEY = "http://127.0.0.1:1/api  client-test";
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static EmbeddedPostgres postgres;
    private static H2Server h2;

    private final String table = "RATE_BUDGET_" + TABLES.incrementAndGet();
    private final List<HaloRateGovernor> governors = new ArrayList<>();
    private ExecutorService pool;

    enum Database {
        POSTGRESQL(() -> postgres.getPostgresDatabase()),
        H2(() -> h2.dataSource());

        private final Supplier<DataSource> newDataSource;

        Database(Supplier<DataSource> newDataSource) {
            this.newDataSource = newDataSource;
        }

        DataSource dataSource() {
            return newDataSource.get();
        }
    }

    @BeforeAll
    static void startDatabases() throws Exception {
        postgres = EmbeddedPostgres.start();
        h2 = H2Server.start();
    }

    @AfterAll
    static void stopDatabases() throws Exception {
        try {
            if (h2 != null) {
                h2.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @AfterEach
    void stopNodes() throws Exception {
        if (pool != null) {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    /** One node's governor: its own budget object and DataSource, the shared table. */
    private HaloRateGovernor node(DataSource db, int limit, Duration window, int expectedNodes) {
        JdbcRateBudget budget = new JdbcRateBudget(db);
        budget.setTableName(table);
        budget.setSyncInterval(50);
        budget.setExpectedNodes(expectedNodes);
        HaloRateGovernor governor = new HaloRateGovernor(limit, window, budget.share(KEY, limit, window));
        governors.add(governor);
        return governor;
    }

    /** Threads sending through a governor as fast as it lets them, recording each send, until {@code stop}. */
    private List<Future<?>> busy(HaloRateGovernor governor, int threads, List<Long> sends, AtomicBoolean stop) {
        if (pool == null) {
            pool = Executors.newCachedThreadPool();
        }
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(() -> {
                while (!stop.get()) {
                    if (governor.acquire(Duration.ofMillis(100))) {
                        sends.add(System.nanoTime());
                        governor.release();
                    }
                }
                return null;
            }));
        }
        return running;
    }

    private static void finish(List<Future<?>> running) throws Exception {
        for (Future<?> f : running) {
            f.get(30, TimeUnit.SECONDS);
        }
    }

    private static long countBetween(List<Long> sends, long fromNanos, long toNanos) {
        synchronized (sends) {
            return sends.stream().filter(t -> t >= fromNanos && t < toNanos).count();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void threeBusyNodesTogetherNeverExceedTheLimitAndShareIt(Database db) throws Exception {
        // given three nodes sharing 40 requests per 600 ms, three threads each sending as fast as they may
        int limit = 40;
        Duration window = Duration.ofMillis(600);
        List<Long> all = Collections.synchronizedList(new ArrayList<>());
        List<List<Long>> perNode = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<?>> running = new ArrayList<>();
        long start = System.nanoTime();
        for (int n = 0; n < 3; n++) {
            List<Long> sends = Collections.synchronizedList(new ArrayList<>());
            perNode.add(sends);
            HaloRateGovernor governor = node(db.dataSource(), limit, window, 3);
            running.addAll(busy(governor, 3, new TeeList(sends, all), stop));
        }

        // when they run for five windows
        await().atMost(Duration.ofSeconds(20)).until(() -> System.nanoTime() - start >= 5 * window.toNanos());
        stop.set(true);
        finish(running);

        // then no window holds more than the limit (each node alone would send 40 per window: 120)
        int most = TestCamel.maxInAnyWindow(all, window);
        assertTrue(most <= limit, "most requests in any window: " + most);
        // and the last three windows are well used, each node with a fair part
        long from = start + 2 * window.toNanos();
        long to = start + 5 * window.toNanos();
        long used = countBetween(all, from, to);
        assertTrue(used >= 0.75 * 3 * limit, "requests in the last three windows: " + used + " of " + 3 * limit);
        for (int n = 0; n < 3; n++) {
            long mine = countBetween(perNode.get(n), from, to);
            assertTrue(mine >= used / 6, "node " + n + " sent " + mine + " of " + used);
        }
    }

    @Test
    void oneBusyNodeAloneUsesAtLeastNinetyPercentOfTheLimit() throws Exception {
        // given three nodes, two of which send one request each and then nothing
        int limit = 50;
        Duration window = Duration.ofMillis(500);
        for (int n = 0; n < 2; n++) {
            HaloRateGovernor idle = node(h2.dataSource(), limit, window, 3);
            assertTrue(idle.acquire(Duration.ofSeconds(5)));
            idle.release();
        }
        HaloRateGovernor busy = node(h2.dataSource(), limit, window, 3);
        List<Long> sends = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        long start = System.nanoTime();

        // when the third sends as fast as it may for five windows
        List<Future<?>> running = busy(busy, 4, sends, stop);
        await().atMost(Duration.ofSeconds(20)).until(() -> System.nanoTime() - start >= 5 * window.toNanos());
        stop.set(true);
        finish(running);

        // then after the first window it used at least 90 % of the limit, and never more than it
        long used = countBetween(sends, start + window.toNanos(), start + 5 * window.toNanos());
        assertTrue(used >= 0.9 * 4 * limit, "requests in windows 2 to 5: " + used + " of " + 4 * limit);
        assertTrue(TestCamel.maxInAnyWindow(sends, window) <= limit);
    }

    @Test
    void aDeadNodesShareReturnsWithinAWindowAndALease() throws Exception {
        // given a node that holds the whole limit and dies (it stops at once, without giving anything back)
        int limit = 30;
        Duration window = Duration.ofMillis(800);
        HaloRateGovernor dying = node(h2.dataSource(), limit, window, 2);
        HaloRateGovernor survivor = node(h2.dataSource(), limit, window, 2);
        List<Long> all = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean dead = new AtomicBoolean();
        List<Future<?>> dyingThreads = busy(dying, 3, all, dead);
        await().atMost(Duration.ofSeconds(10)).until(() -> dying.permitsUsed() >= limit);
        dead.set(true);
        finish(dyingThreads);
        long diedAt = System.nanoTime();

        // when the other node wants to send as much as it may
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<?>> running = busy(survivor, 3, all, stop);

        // then it holds (nearly) the whole limit within one window and the lease (3 x 50 ms) of the death ...
        await().atMost(window.plusMillis(150 + 700)).until(() -> survivor.permitsUsed() >= limit - 1);
        long tookOver = System.nanoTime() - diedAt;
        stop.set(true);
        finish(running);
        // ... and not before the dead node's requests left the window: both together stayed within the limit
        assertTrue(TestCamel.maxInAnyWindow(all, window) <= limit);
        assertTrue(tookOver >= window.toNanos() - TimeUnit.MILLISECONDS.toNanos(100),
                "took over after " + TimeUnit.NANOSECONDS.toMillis(tookOver) + " ms");
    }

    @Test
    void withTheDatabaseGoneANodeFallsBackToItsLocalShareAndSaysSo() throws Exception {
        // given a node of three on a database that can be switched off
        AtomicBoolean down = new AtomicBoolean();
        DataSource real = h2.dataSource();
        DataSource switchable = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
                    if (down.get() && method.getName().equals("getConnection")) {
                        throw new SQLException("Connection refused (the test switched the database off)");
                    }
                    return method.invoke(real, args);
                });
        int limit = 30;
        Duration window = Duration.ofMillis(300);
        HaloRateGovernor governor = node(switchable, limit, window, 3);
        assertTrue(governor.acquire(Duration.ofSeconds(5)));
        governor.release();
        assertFalse(governor.isFallback());
        assertTrue(governor.budgetStatus().startsWith("shared:"), governor.budgetStatus());

        // when the database goes away
        down.set(true);

        // then once its lease has ended, the node runs on a third of the limit, and says so
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            if (governor.acquire(Duration.ZERO)) { // a request now and then, as a route would send
                governor.release();
            }
            return governor.isFallback();
        });
        assertTrue(governor.budgetStatus().startsWith("fallback:"), governor.budgetStatus());
        assertTrue(governor.budgetStatus().contains("local share of 10 of 30"), governor.budgetStatus());
        await().atMost(Duration.ofSeconds(5)).until(() -> governor.permitsUsed() == 0);
        int taken = 0;
        while (governor.acquire(Duration.ZERO)) {
            taken++;
        }
        assertEquals(10, taken, "the local share: 30 / 3 expected nodes");

        // when the database is back, the node agrees its share again
        down.set(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            if (governor.acquire(Duration.ZERO)) {
                governor.release();
            }
            return !governor.isFallback() && governor.budgetStatus().startsWith("shared: this node's share");
        });
    }

    @Test
    void aStoppedNodeKeepsOnlyWhatItSentForOneWindow() throws Exception {
        // given a node that sent 5 requests and stops
        int limit = 20;
        Duration window = Duration.ofSeconds(30);
        HaloRateGovernor stopping = node(h2.dataSource(), limit, window, 2);
        for (int i = 0; i < 5; i++) {
            assertTrue(stopping.acquire(Duration.ofSeconds(5)));
            stopping.release();
        }
        stopping.close();

        // then another node gets the rest at once, but not the 5 (they count at Halo for the window)
        HaloRateGovernor other = node(h2.dataSource(), limit, window, 2);
        int taken = 0;
        while (other.acquire(Duration.ofSeconds(1))) {
            taken++;
        }
        assertEquals(15, taken);
    }

    /** Adds to two lists: one node's sends and everyone's. */
    private static final class TeeList extends java.util.AbstractList<Long> {
        private final List<Long> first;
        private final List<Long> second;

        TeeList(List<Long> first, List<Long> second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public boolean add(Long value) {
            first.add(value);
            return second.add(value);
        }

        @Override
        public Long get(int index) {
            return first.get(index);
        }

        @Override
        public int size() {
            return first.size();
        }
    }
}
