package io.camelhalo.email;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * At most {@code max} emails per sender address in any window of {@code windowMillis} (a sliding window, in memory, per
 * template instance): an auto-responder without the usual headers, or anyone flooding the mailbox, cannot turn every
 * email into a ticket. {@code max} 0 turns the limit off. At most {@value #MAX_SENDERS} senders are tracked; beyond,
 * the ones whose window has passed are forgotten, and if all are recent the oldest is.
 */
final class SenderRate {

    static final int MAX_SENDERS = 10_000;

    private final int max;
    private final long windowMillis;
    private final LongSupplier clock;
    private final Map<String, Deque<Long>> seen = new HashMap<>();

    SenderRate(int max, long windowMillis) {
        this(max, windowMillis, System::currentTimeMillis);
    }

    SenderRate(int max, long windowMillis, LongSupplier clock) {
        if (max < 0 || windowMillis <= 0) {
            throw new IllegalArgumentException("maxEmailsPerSender must be 0 (no limit) or more and the window positive");
        }
        this.max = max;
        this.windowMillis = windowMillis;
        this.clock = clock;
    }

    /** Counts an email from {@code sender}; false when it is over the limit (and then it is not counted). */
    synchronized boolean admit(String sender) {
        if (max == 0) {
            return true;
        }
        long now = clock.getAsLong();
        String key = IncomingEmail.lower(sender);
        Deque<Long> times = seen.get(key);
        if (times == null) {
            if (seen.size() >= MAX_SENDERS) {
                forget(now);
            }
            times = new ArrayDeque<>();
            seen.put(key, times);
        }
        while (!times.isEmpty() && now - times.peekFirst() >= windowMillis) {
            times.pollFirst();
        }
        if (times.size() >= max) {
            return false;
        }
        times.addLast(now);
        return true;
    }

    private void forget(long now) {
        seen.values().removeIf(t -> t.isEmpty() || now - t.peekLast() >= windowMillis);
        if (seen.size() >= MAX_SENDERS) {
            Iterator<Map.Entry<String, Deque<Long>>> oldest = seen.entrySet().stream()
                    .sorted((a, b) -> Long.compare(a.getValue().peekLast(), b.getValue().peekLast())).iterator();
            seen.remove(oldest.next().getKey());
        }
    }

    synchronized int trackedSenders() {
        return seen.size();
    }

    int max() {
        return max;
    }

    long windowMillis() {
        return windowMillis;
    }
}
