package io.camelhalo.component.halo.poll;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/** What one halo-poll consumer has done so far, for the halo dev console. */
public final class HaloPollStatistics {

    private final LongAdder delivered = new LongAdder();
    private volatile Instant lastPollAt;
    private volatile int lastPollChanged = -1;
    private volatile Instant watermark;
    private final List<String> notices = new CopyOnWriteArrayList<>();

    void notice(String text) {
        notices.add(text);
    }

    /**
     * What this run found about Halo that changes how, and at what cost, the resource is read (an ignored filter, a
     * refused sort key, slim list items), each once, in the order found.
     */
    public List<String> notices() {
        return List.copyOf(notices);
    }

    void pollStarted(Instant at) {
        lastPollAt = at;
        lastPollChanged = -1;
    }

    void changedFound(int count) {
        lastPollChanged = count;
    }

    void exchangeDelivered() {
        delivered.increment();
    }

    void progressSaved(Instant newWatermark) {
        watermark = newWatermark;
    }

    /** When the last poll started, or {@code null} before the first. */
    public Instant lastPollAt() {
        return lastPollAt;
    }

    /** Records the last poll found changed (delivered or already seen); -1 when it did not get that far. */
    public int lastPollChanged() {
        return lastPollChanged;
    }

    /** Exchanges delivered (processed without failure) since the route started. */
    public long delivered() {
        return delivered.sum();
    }

    /** The newest last-modified value delivered, as stored after the last poll; {@code null} before. */
    public Instant watermark() {
        return watermark;
    }
}
