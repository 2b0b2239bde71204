package io.camelhalo.component.halo.http;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ObjIntConsumer;

/**
 * What one connection's transport has done so far: replies by resource, operation and status, retries, 429s, time
 * waited for the rate governor, and when the current access token expires (never the token). Read by the halo dev
 * console; {@link Listener}s (the Micrometer binding) hear each event as it happens.
 * <p>
 * Each request is counted by its {@link HaloRequestLabel}, so the operation is what Halo sees: {@code get} (GET of one
 * record), {@code list}, {@code write} (POST: create and update are one request to Halo), {@code delete}, and
 * {@code token} for the token endpoint.
 */
public final class HaloConnectionStatistics {

    /** Hears the events as they happen; must be quick and must not throw. */
    public interface Listener {
        void replied(String resource, String operation, int status);

        void retried(String resource, String operation);

        void rateLimited(String resource, String operation);

        void waitedForPermit(long nanos);
    }

    private final Map<HaloRequestLabel, StatusCounts> replies = new ConcurrentHashMap<>();
    private final LongAdder retries = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder permitWaitNanos = new LongAdder();
    private final AtomicInteger waitingForPermit = new AtomicInteger();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final HaloRateGovernor governor;
    private volatile Instant tokenExpiresAt;

    HaloConnectionStatistics(HaloRateGovernor governor) {
        this.governor = governor;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    void replied(HaloRequestLabel label, int status) {
        StatusCounts counts = replies.get(label);
        if (counts == null) {
            counts = replies.computeIfAbsent(label, l -> new StatusCounts());
        }
        counts.increment(status);
        for (int i = 0; i < listeners.size(); i++) { // no iterator nor lambda per reply
            listeners.get(i).replied(label.resource(), label.operation(), status);
        }
    }

    void retried(HaloRequestLabel label) {
        retries.increment();
        listeners.forEach(l -> l.retried(label.resource(), label.operation()));
    }

    void rateLimited(HaloRequestLabel label) {
        rateLimited.increment();
        listeners.forEach(l -> l.rateLimited(label.resource(), label.operation()));
    }

    void waitingForPermit(boolean waiting) {
        waitingForPermit.addAndGet(waiting ? 1 : -1);
    }

    void waitedForPermit(long nanos) {
        permitWaitNanos.add(nanos);
        listeners.forEach(l -> l.waitedForPermit(nanos));
    }

    /** Called by the token manager with the expiry Halo gave ({@code expires_in}). */
    public void tokenIssued(Instant expiresAt) {
        tokenExpiresAt = expiresAt;
    }

    /** When the current access token expires, or {@code null} before the first one. */
    public Instant tokenExpiresAt() {
        return tokenExpiresAt;
    }

    /** Replies so far, keyed "resource operation status" (e.g. {@code "tickets list 200"}), sorted. */
    public Map<String, Long> replies() {
        Map<String, Long> copy = new TreeMap<>();
        replies.forEach((label, counts) -> counts.forEach(
                (count, status) -> copy.put(label.resource() + ' ' + label.operation() + ' ' + status, count)));
        return copy;
    }

    public long retries() {
        return retries.sum();
    }

    /** 429 replies so far (each was waited out and retried, or ended in HaloRateLimitException). */
    public long rateLimited() {
        return rateLimited.sum();
    }

    public long permitWaitMillis() {
        return permitWaitNanos.sum() / 1_000_000;
    }

    /** Requests waiting for a rate-governor permit now. */
    public int waitingForPermit() {
        return waitingForPermit.get();
    }

    /** Rate-governor permits in use now (in flight or counting in the window), of {@link #permitLimit()}. */
    public int permitsUsed() {
        return governor.permitsUsed();
    }

    /** The rate limit per window; 0 when off. */
    public int permitLimit() {
        return governor.limit();
    }

    /** Where the rate limit comes from: this JVM alone, or its share of a budget shared with other JVMs. */
    public String rateBudget() {
        return governor.budgetStatus();
    }

    /** Whether this JVM runs on a local fallback share because the shared rate budget cannot be reached. */
    public boolean isRateBudgetFallback() {
        return governor.isFallback();
    }

    /** Replies of one resource and operation, by status: an array slot per status, so counting allocates nothing. */
    private static final class StatusCounts {
        private static final int SLOTS = 600;
        private final AtomicReferenceArray<LongAdder> byStatus = new AtomicReferenceArray<>(SLOTS);

        void increment(int status) {
            int slot = status < 0 || status >= SLOTS ? 0 : status;
            LongAdder adder = byStatus.get(slot);
            if (adder == null) {
                byStatus.compareAndSet(slot, null, new LongAdder());
                adder = byStatus.get(slot);
            }
            adder.increment();
        }

        void forEach(ObjIntConsumer<Long> sink) {
            for (int slot = 0; slot < SLOTS; slot++) {
                LongAdder adder = byStatus.get(slot);
                if (adder != null) {
                    sink.accept(adder.sum(), slot);
                }
            }
        }
    }
}
