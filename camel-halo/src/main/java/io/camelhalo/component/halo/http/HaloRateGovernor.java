package io.camelhalo.component.halo.http;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the requests to one Halo tenant within its rate limit (Halo counts per tenant, over a rolling window), for
 * every endpoint, route and thread. A request holds a permit from before it is sent until its reply has arrived, and
 * then counts for one more window: so however long requests take on the way, Halo never sees more than the limit
 * in any window. Callers wait for a permit rather than fail; the wait is bounded by the caller.
 */
public final class HaloRateGovernor {

    private static final long IDLE_RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final int limit;
    private final long windowNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Long> recentCompletions = new ArrayDeque<>();
    private int inFlight;

    /**
     * @param limit  requests allowed per window; 0 or less: no limit
     * @param window the rolling window
     */
    public HaloRateGovernor(int limit, Duration window) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
    }

    /** Whether this governor limits anything. */
    public boolean isLimiting() {
        return limit > 0;
    }

    /**
     * Takes a permit for one request, waiting up to {@code maxWait} for one.
     *
     * @return {@code false} when no permit came within the wait
     */
    public boolean acquire(Duration maxWait) throws InterruptedException {
        if (limit <= 0) {
            return true;
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            long waitNanos;
            lock.lockInterruptibly();
            try {
                long now = System.nanoTime();
                forgetOlderThan(now - windowNanos);
                if (inFlight + recentCompletions.size() < limit) {
                    inFlight++;
                    return true;
                }
                waitNanos = recentCompletions.isEmpty()
                        ? IDLE_RECHECK_NANOS // every permit is in flight: wait for one to come back
                        : recentCompletions.peekFirst() + windowNanos - now;
            } finally {
                lock.unlock();
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.sleep(Math.max(1, Math.min(waitNanos, remaining)));
        }
    }

    /** Returns a permit once the request's reply (or failure) has arrived; it keeps counting for one window. */
    public void release() {
        if (limit <= 0) {
            return;
        }
        lock.lock();
        try {
            inFlight--;
            recentCompletions.addLast(System.nanoTime());
        } finally {
            lock.unlock();
        }
    }

    private void forgetOlderThan(long cutoff) {
        while (!recentCompletions.isEmpty() && recentCompletions.peekFirst() <= cutoff) {
            recentCompletions.pollFirst();
        }
    }

    /** Requests allowed per window; 0 or less: no limit. */
    public int limit() {
        return limit;
    }

    /** Permits in use now: requests in flight plus those still counting in the window. */
    public int permitsUsed() {
        lock.lock();
        try {
            forgetOlderThan(System.nanoTime() - windowNanos);
            return inFlight + recentCompletions.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "HaloRateGovernor[" + (limit > 0 ? limit + " per " + Duration.ofNanos(windowNanos) : "off") + "]";
    }
}
