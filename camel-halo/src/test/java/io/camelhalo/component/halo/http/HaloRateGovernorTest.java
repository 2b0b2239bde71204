package io.camelhalo.component.halo.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.camelhalo.component.halo.TestCamel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rate governor on its own: never more than the limit per window, counting requests in flight.
 */
class HaloRateGovernorTest {

    @Test
    void permitsUpToTheLimitThenWaitsForTheWindow() throws Exception {
        HaloRateGovernor governor = new HaloRateGovernor(3, Duration.ofMillis(300));
        for (int i = 0; i < 3; i++) {
            assertTrue(governor.acquire(Duration.ZERO));
            governor.release();
        }
        assertFalse(governor.acquire(Duration.ofMillis(50)), "the fourth must wait for the window");
        assertTrue(governor.acquire(Duration.ofSeconds(2)), "and gets a permit once the window has passed");
    }

    @Test
    void requestsInFlightCountAgainstTheLimit() throws Exception {
        HaloRateGovernor governor = new HaloRateGovernor(2, Duration.ofMillis(100));
        assertTrue(governor.acquire(Duration.ZERO));
        assertTrue(governor.acquire(Duration.ZERO));
        assertFalse(governor.acquire(Duration.ofMillis(200)), "two slow requests hold both permits however long");
        governor.release();
        assertFalse(governor.acquire(Duration.ZERO), "a finished request still counts for a window");
        assertTrue(governor.acquire(Duration.ofSeconds(2)));
    }

    @Test
    void aLimitAboveTheRingsFirstSizeCountsEveryRequestOfTheWindow() throws Exception {
        // given a limit above the 16 completion times the governor's ring starts with
        int limit = 40;
        HaloRateGovernor governor = new HaloRateGovernor(limit, Duration.ofMillis(500));
        // rounds 2 and 3 wait for the previous round's window, and reuse the grown ring from where it has got to
        for (int round = 1; round <= 3; round++) {
            // when the whole limit is used
            for (int i = 0; i < limit; i++) {
                assertTrue(governor.acquire(Duration.ofSeconds(5)), "round " + round + ", permit " + (i + 1));
                governor.release();
            }
            // then one more is refused within the window
            assertFalse(governor.acquire(Duration.ZERO), "round " + round + ", permit " + (limit + 1));
        }
    }

    @Test
    void zeroMeansNoLimit() throws Exception {
        HaloRateGovernor governor = new HaloRateGovernor(0, Duration.ofMinutes(5));
        for (int i = 0; i < 10_000; i++) {
            assertTrue(governor.acquire(Duration.ZERO));
            governor.release();
        }
        assertFalse(governor.isLimiting());
    }

    @Test
    void manyThreadsNeverExceedTheLimitInAnyWindow() throws Exception {
        int limit = 20;
        Duration window = Duration.ofMillis(200);
        HaloRateGovernor governor = new HaloRateGovernor(limit, window);
        List<Long> sendTimes = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 10; i++) {
                    assertTrue(governor.acquire(Duration.ofSeconds(10)));
                    sendTimes.add(System.nanoTime());
                    governor.release();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(80, sendTimes.size());
        int max = TestCamel.maxInAnyWindow(sendTimes, window);
        assertTrue(max <= limit, "max " + max);
    }

}
