package io.camelhalo.component.halo.poll;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The watermark arithmetic on its own: where each poll starts, what is remembered, what survives a restart.
 */
class PollProgressTest {

    private static final Duration OVERLAP = Duration.ofSeconds(5);
    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    @Test
    void withinTheOverlapTheWindowIsReadAgainAndAfterItOnlyNewerVersions() {
        PollProgress p = PollProgress.startingAt(T0);
        p.delivered("1@a", T0.plusSeconds(10));
        p.finishPoll(OVERLAP, null);
        assertEquals(T0.plusSeconds(5), p.queryFrom(T0.plusSeconds(11), OVERLAP), "watermark - overlap");
        assertEquals(T0.plusSeconds(10).plusMillis(1), p.queryFrom(T0.plusSeconds(16), OVERLAP), "window passed");
        assertTrue(p.isSeen("1@a"));
    }

    @Test
    void aFailedVersionHoldsTheStartBackUntilItIsDelivered() {
        PollProgress p = PollProgress.startingAt(T0);
        p.delivered("1@a", T0.plusSeconds(10));
        p.delivered("3@c", T0.plusSeconds(30));
        p.finishPoll(OVERLAP, T0.plusSeconds(20)); // version 2@b at +20 s failed
        assertEquals(T0.plusSeconds(20), p.queryFrom(T0.plusSeconds(100), OVERLAP), "never past the failed one");
        assertTrue(p.isSeen("3@c"), "what was delivered after it is remembered, so not repeated");
        assertFalse(p.isSeen("1@a"), "older than the start: forgotten, it cannot come back");

        p.delivered("2@b", T0.plusSeconds(20));
        p.finishPoll(OVERLAP, null);
        assertEquals(T0.plusSeconds(30).plusMillis(1), p.queryFrom(T0.plusSeconds(100), OVERLAP));
    }

    @Test
    void aBatchCutShortByACrashIsReadAgainFromTheStartHoweverLateTheTakeover() {
        // given a poll that delivered two of three versions stamped in the same millisecond, then its member died
        PollProgress p = PollProgress.startingAt(T0);
        p.delivered("1@a", T0.plusSeconds(10));
        p.finishPoll(OVERLAP, null);
        p.delivered("2@b", T0.plusSeconds(20));
        p.delivered("3@b", T0.plusSeconds(20)); // stored after each delivery; 4@b, also at +20 s, was in flight
        PollProgress stored = PollProgress.fromJson(p.toJson());

        // when another member takes over long after the overlap passed
        Instant queryFrom = stored.queryFrom(T0.plusSeconds(100), OVERLAP);

        // then it reads from the stored start, which covers 4@b, not from just after the watermark
        assertEquals(T0.plusSeconds(5), queryFrom);
        assertTrue(stored.isSeen("2@b") && stored.isSeen("3@b"), "what was delivered is not repeated");
        assertFalse(stored.isSeen("4@b"));
    }

    @Test
    void theStartNeverMovesBack() {
        PollProgress p = PollProgress.startingAt(T0.plusSeconds(100));
        p.finishPoll(OVERLAP, null);
        assertEquals(T0.plusSeconds(100), p.from());
    }

    @Test
    void progressSurvivesARoundTripThroughTheStateRepositoryText() {
        PollProgress p = PollProgress.startingAt(T0);
        p.delivered("7@2026-11-26T08:00:10.000", T0.plusSeconds(10));
        p.finishPoll(OVERLAP, null);
        PollProgress restored = PollProgress.fromJson(p.toJson());
        assertEquals(p.from(), restored.from());
        assertEquals(p.watermark(), restored.watermark());
        assertTrue(restored.isSeen("7@2026-11-26T08:00:10.000"));
    }
}
