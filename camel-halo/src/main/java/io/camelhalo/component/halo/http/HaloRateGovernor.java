package io.camelhalo.component.halo.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the requests to one Halo tenant within its rate limit (Halo counts per tenant, over a rolling window), for
 * every endpoint, route and thread. A request holds a permit from before it is sent until its reply has arrived, and
 * then counts for one more window: so however long requests take on the way, Halo never sees more than the limit in any
 * window. Callers wait for a permit rather than fail; the wait is bounded by the caller.
 */
public final class HaloRateGovernor {

    private static final long IDLE_RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final int limit;
    private final long windowNanos;
    private final ReentrantLock lock = new ReentrantLock();
    /**
     * When the requests of the last window completed, oldest first: a ring of primitive nanoTimes (no boxing per
     * request). It never holds more than {@code limit}, since a request needs a free permit to start.
     */
    private long[] completions = new long[16];
    private int oldest;
    private int completed;
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
                if (inFlight + completed < limit) {
                    inFlight++;
                    return true;
                }
                waitNanos = completed == 0
                        ? IDLE_RECHECK_NANOS // every permit is in flight: wait for one to come back
                        : completions[oldest] + windowNanos - now;
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
            addCompletion(System.nanoTime());
        } finally {
            lock.unlock();
        }
    }

    private void forgetOlderThan(long cutoff) {
        while (completed > 0 && completions[oldest] <= cutoff) {
            oldest = (oldest + 1) & (completions.length - 1);
            completed--;
        }
    }

    private void addCompletion(long nanoTime) {
        if (completed == completions.length) { // double the ring (its length stays a power of two), oldest first
            long[] larger = new long[completions.length * 2];
            for (int i = 0; i < completed; i++) {
                larger[i] = completions[(oldest + i) & (completions.length - 1)];
            }
            completions = larger;
            oldest = 0;
        }
        completions[(oldest + completed) & (completions.length - 1)] = nanoTime;
        completed++;
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
            return inFlight + completed;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "HaloRateGovernor[" + (limit > 0 ? limit + " per " + Duration.ofNanos(windowNanos) : "off") + "]";
    }
}
