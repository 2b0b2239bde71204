package io.camelhalo.component.halo.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the requests to one Halo tenant within its rate limit (Halo counts per tenant, over a rolling window), for
 * every endpoint, route and thread. A request holds a permit from before it is sent until its reply has arrived, and
 * then counts for one more window: so however long requests take on the way, Halo never sees more than the limit in any
 * window. Callers wait for a permit rather than fail; the wait is bounded by the caller.
 * <p>
 * With a {@link HaloRateBudget.Share} the JVM holds only its share of the limit, agreed with the other nodes: the
 * counting stays local (no round trip per request), and the share is agreed again when it is due or used up.
 */
public final class HaloRateGovernor {

    private static final long IDLE_RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final int limit;
    private final long windowNanos;
    /** This JVM's part of a budget shared with other JVMs; null: the whole limit is this JVM's. */
    private final HaloRateBudget.Share share;
    private final ReentrantLock lock = new ReentrantLock();
    /** Held by the one thread agreeing the share, outside {@link #lock} so that permits are taken meanwhile. */
    private final ReentrantLock agreeing = new ReentrantLock();
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
        this(limit, window, null);
    }

    /**
     * @param limit  requests allowed per window to all the JVMs sharing the budget; 0 or less: no limit
     * @param window the rolling window
     * @param share  this JVM's share of the limit; null: all of it
     */
    public HaloRateGovernor(int limit, Duration window, HaloRateBudget.Share share) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.share = limit > 0 ? share : null;
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
        boolean lookedAgain = false;
        while (true) {
            long waitNanos = 0;
            int held;
            boolean agree;
            boolean taken = false;
            boolean wanting = true;
            lock.lockInterruptibly();
            try {
                long now = System.nanoTime();
                forgetOlderThan(now - windowNanos);
                held = inFlight + completed;
                int allowed = share == null ? limit : share.permits(now);
                agree = share != null && share.due(now, held >= allowed);
                if (held < allowed) {
                    inFlight++;
                    taken = true;
                    wanting = held + 1 >= allowed; // the share is used up: the next request will wait
                } else {
                    waitNanos = completed == 0 || share != null
                            ? IDLE_RECHECK_NANOS // all in flight, or another thread may be agreeing a larger share
                            : completions[oldest] + windowNanos - now;
                }
            } finally {
                lock.unlock();
            }
            if (agree && agreeing.tryLock()) {
                try {
                    share.agree(taken ? held + 1 : held, wanting);
                } finally {
                    agreeing.unlock();
                }
                if (!taken && !lookedAgain) {
                    lookedAgain = true; // once, at once, with the share just agreed, even for a caller that never waits
                    continue;
                }
            }
            if (taken) {
                return true;
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

    /** Whether this JVM runs on a local fallback share because the budget shared with other JVMs is unreachable. */
    public boolean isFallback() {
        return share != null && share.isFallback();
    }

    /** Where the limit comes from, in a sentence: this JVM alone, or its share of a budget shared with others. */
    public String budgetStatus() {
        if (limit <= 0) {
            return "off";
        }
        return share == null
                ? "local: " + limit + " per " + Duration.ofNanos(windowNanos) + " for this JVM"
                : share.status();
    }

    /** Gives a shared budget's share back, when the component stops. */
    public void close() {
        if (share != null) {
            share.close(permitsUsed());
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
            return inFlight + completed;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "HaloRateGovernor[" + (limit > 0 ? limit + " per " + Duration.ofNanos(windowNanos) : "off")
               + (share == null ? "" : ", " + share.status()) + "]";
    }
}
