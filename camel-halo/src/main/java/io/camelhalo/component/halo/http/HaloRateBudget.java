package io.camelhalo.component.halo.http;

import java.time.Duration;

/**
 * Where a rate governor's limit comes from when more than one JVM talks to the same tenant and application: Halo counts
 * the requests of all of them together. Set as the {@code rateBudget} option; without one, each JVM's governor has the
 * whole limit to itself. {@code state/JdbcRateBudget} shares the limit through the cluster's database.
 */
public interface HaloRateBudget {

    /**
     * This JVM's share of one budget, for the governor of one tenant and client id.
     *
     * @param key    the tenant and application, the same on every node (API URL, tenant, client id)
     * @param limit  requests allowed per window, for all the nodes together
     * @param window the rolling window
     */
    Share share(String key, int limit, Duration window);

    /**
     * How many permits this JVM may hold: requests in flight plus those still counting in the window, as the governor
     * counts them. The governor calls {@link #permits(long)} and {@link #due(long, boolean)} under its lock, so they
     * must be quick and do no I/O; it calls {@link #agree(int, boolean)} outside its lock, one thread at a time.
     */
    interface Share {

        /** The permits this JVM may hold now; fewer than it holds when its share has just shrunk. */
        int permits(long nanoTime);

        /**
         * Whether to agree the share again, before or besides taking a permit.
         *
         * @param wanting whether the share is used up (a request waits)
         */
        boolean due(long nanoTime, boolean wanting);

        /**
         * Agrees this JVM's share again (a round trip to the shared store). Does not throw: when the store cannot be
         * reached, the last share stands until its lease ends, then a safe local share.
         *
         * @param held    permits this JVM holds now
         * @param wanting whether requests are waiting for a permit
         */
        void agree(int held, boolean wanting);

        /** Whether this JVM runs on its local fallback share because the shared budget cannot be reached. */
        boolean isFallback();

        /** What the share is now, in a sentence, for the health check and the console. */
        String status();

        /**
         * This JVM stops using the budget: it gives back all but what it holds, which still counts at Halo for a
         * window.
         */
        void close(int held);
    }
}
