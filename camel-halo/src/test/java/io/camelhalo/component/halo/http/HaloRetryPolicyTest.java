package io.camelhalo.component.halo.http;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HaloRetryPolicyTest {

    private final HaloRetryPolicy policy = new HaloRetryPolicy(
            3, Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofMinutes(6));

    @Test
    void onlyWhatHaloProvablyDidNotProcessIsRetriedForAWrite() {
        assertTrue(policy.retriesStatus(503, false), "503: refused before processing");
        assertFalse(policy.retriesStatus(502, false), "a gateway error may hide a processed write");
        assertFalse(policy.retriesStatus(504, false));
        assertFalse(policy.retriesStatus(500, false));
        assertTrue(policy.retriesStatus(502, true));
        assertTrue(policy.retriesStatus(504, true));
        assertFalse(policy.retriesStatus(500, true), "500 is Halo's own error: retrying repeats it");
        assertFalse(policy.retriesStatus(404, true));
    }

    @Test
    void backoffDoublesWithJitterAndIsCapped() {
        for (int i = 0; i < 50; i++) {
            long first = policy.backoff(1).toMillis();
            long third = policy.backoff(3).toMillis();
            long tenth = policy.backoff(10).toMillis();
            assertTrue(first >= 500 && first <= 1000, "first " + first);
            assertTrue(third >= 2000 && third <= 4000, "third " + third);
            assertTrue(tenth >= 15_000 && tenth <= 30_000, "capped " + tenth);
        }
    }

    @Test
    void rateLimitBackoffGrowsToAMinuteSoItCanOutlastAFiveMinuteWindow() {
        long total = 0;
        for (int attempt = 1; attempt <= 15; attempt++) { // even with the least jitter, 15 waits pass 5 minutes
            long wait = policy.rateLimitBackoff(attempt).toMillis();
            assertTrue(wait <= 60_000);
            total += wait;
        }
        assertTrue(total > Duration.ofMinutes(5).toMillis(), "fifteen waits add up past five minutes: " + total);
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        assertEquals(Duration.ofSeconds(7), HaloRetryPolicy.retryAfter("7"));
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(10));
        Duration d = HaloRetryPolicy.retryAfter(inTenSeconds);
        assertTrue(d.toSeconds() >= 8 && d.toSeconds() <= 10, String.valueOf(d));
        assertNull(HaloRetryPolicy.retryAfter("soon"));
        assertNull(HaloRetryPolicy.retryAfter(null));
        assertNull(HaloRetryPolicy.retryAfter("-3"));
    }
}
