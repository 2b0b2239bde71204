package io.camelhalo.sandbox;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * The fault switches for {@code /api} requests: added latency, the next k requests failing, and a rolling-window rate
 * limit. A faulted request changes nothing in the store.
 */
final class Faults {

    private volatile Duration latency = Duration.ZERO;
    private int failRemaining;
    private int failStatus;
    private int rateMax;
    private long rateWindowNanos;
    private Integer retryAfterSeconds;
    private int dropRemaining;
    private int delayRemaining;
    private volatile Duration replyDelay = Duration.ZERO;

    /** What happens to a reply after its request was processed. */
    enum AfterProcessing {
        SEND,
        DROP,
        DELAY
    }

    /** Arrival times (nanoTime) of admitted requests inside the window; a rejected one does not count. */
    private final Deque<Long> admitted = new ArrayDeque<>();

    void latency(Duration perRequest) {
        this.latency = perRequest == null ? Duration.ZERO : perRequest;
    }

    synchronized void failNext(int k, int status) {
        this.failRemaining = Math.max(0, k);
        this.failStatus = status;
    }

    synchronized void rateLimit(int maxRequests, Duration window) {
        if (maxRequests > 0 && (window == null || window.isZero() || window.isNegative())) {
            throw new IllegalArgumentException("a rate limit needs a positive window");
        }
        this.rateMax = Math.max(0, maxRequests);
        this.rateWindowNanos = rateMax == 0 ? 0 : window.toNanos();
        admitted.clear();
    }

    synchronized void dropNextReplies(int k) {
        this.dropRemaining = Math.max(0, k);
    }

    synchronized void delayNextReplies(int k, Duration delay) {
        this.delayRemaining = Math.max(0, k);
        this.replyDelay = delay == null ? Duration.ZERO : delay;
    }

    /** Whether this processed request's reply is sent, dropped or delayed. */
    synchronized AfterProcessing afterProcessing() {
        if (dropRemaining > 0) {
            dropRemaining--;
            return AfterProcessing.DROP;
        }
        if (delayRemaining > 0) {
            delayRemaining--;
            return AfterProcessing.DELAY;
        }
        return AfterProcessing.SEND;
    }

    void sleepReplyDelay() throws IOException {
        try {
            TimeUnit.NANOSECONDS.sleep(replyDelay.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    synchronized void retryAfter(Integer seconds) {
        this.retryAfterSeconds = seconds;
    }

    /** Waits the configured latency, then answers the fault due for this request, or {@code null}. */
    HttpReply intercept() throws InterruptedException {
        Duration d = latency;
        if (!d.isZero() && !d.isNegative()) {
            TimeUnit.NANOSECONDS.sleep(d.toNanos());
        }
        synchronized (this) {
            if (failRemaining > 0) {
                failRemaining--;
                return HttpReply.haloError(failStatus, "Simulated failure");
            }
            if (rateMax > 0) {
                // the limiter runs on the real monotonic clock, not the sandbox's adjustable "now"
                long now = System.nanoTime();
                while (!admitted.isEmpty() && now - admitted.peekFirst() >= rateWindowNanos) {
                    admitted.pollFirst();
                }
                if (admitted.size() >= rateMax) {
                    HttpReply tooMany = HttpReply.text(429, "Rate Limit Reached");
                    return retryAfterSeconds == null
                            ? tooMany
                            : tooMany.withHeader("Retry-After", String.valueOf(retryAfterSeconds));
                }
                admitted.addLast(now);
            }
        }
        return null;
    }
}
