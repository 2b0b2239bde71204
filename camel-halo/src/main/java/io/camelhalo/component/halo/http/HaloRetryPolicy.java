package io.camelhalo.component.halo.http;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed request may be sent again, and how long to wait first. The rule that matters: a request that may have
 * changed something in Halo (a POST that was sent, whose reply never came) is never sent again; reads and deletes are,
 * and so is any request Halo provably did not process (connection refused, 429, 503).
 *
 * @param maxRetries       retries after the first attempt for connection failures, timeouts and 502/503/504
 * @param retryDelay       the first backoff; it doubles per retry, with jitter
 * @param maxRetryDelay    the longest single backoff
 * @param maxRateLimitWait how long in total a request may wait on 429s (and for a rate-governor permit)
 */
public record HaloRetryPolicy(int maxRetries, Duration retryDelay, Duration maxRetryDelay, Duration maxRateLimitWait) {

    private static final Duration RATE_LIMIT_MAX_BACKOFF = Duration.ofMinutes(1);

    /** Whether a reply status may be retried for this request. */
    public boolean retriesStatus(int status, boolean idempotent) {
        return switch (status) {
            case 503 -> true; // Halo (or its front end) refused the request before processing it
            case 502, 504 -> idempotent; // a gateway gave up: a write may still have been processed behind it
            default -> false;
        };
    }

    /** The backoff before retry number {@code retry} (1-based): exponential, capped, with jitter in [½, 1]. */
    public Duration backoff(int retry) {
        return backoff(retry, maxRetryDelay);
    }

    /**
     * The backoff after the {@code attempt}-th 429 that came without Retry-After: exponential up to a minute, so the
     * waits together can outlast Halo's 5-minute window within maxRateLimitWait.
     */
    public Duration rateLimitBackoff(int attempt) {
        return backoff(attempt, RATE_LIMIT_MAX_BACKOFF);
    }

    /**
     * The wait before retrying the {@code attempt}-th 429: Halo's {@code Retry-After} (seconds or an HTTP date), but
     * never less than {@code retryDelay}, so a {@code Retry-After: 0} (or a date already past) cannot turn into a tight
     * loop; without a readable {@code Retry-After}, {@link #rateLimitBackoff(int)}. A wait longer than
     * {@code maxRateLimitWait} is returned as asked: the caller fails at once rather than wait (see
     * {@link #exceedsMaxRateLimitWait(Duration)}).
     */
    public Duration rateLimitWait(int attempt, String retryAfterHeader) {
        Duration asked = retryAfter(retryAfterHeader);
        if (asked == null) {
            return rateLimitBackoff(attempt);
        }
        return asked.compareTo(retryDelay) < 0 ? retryDelay : asked;
    }

    /** Whether a single wait Halo asks for is longer than the whole time a request may wait on 429s. */
    public boolean exceedsMaxRateLimitWait(Duration wait) {
        return wait.compareTo(maxRateLimitWait) > 0;
    }

    private Duration backoff(int retry, Duration cap) {
        long base = Math.max(1, retryDelay.toMillis());
        long exponential = retry >= 31 ? Long.MAX_VALUE : base * (1L << Math.max(0, retry - 1));
        long capped = Math.min(exponential < 0 ? Long.MAX_VALUE : exponential, cap.toMillis());
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Duration.ofMillis(jittered);
    }

    /**
     * The wait Halo asks for in a Retry-After header (seconds or an HTTP date), or {@code null} when it asks for none
     * or the value cannot be read.
     */
    public static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
