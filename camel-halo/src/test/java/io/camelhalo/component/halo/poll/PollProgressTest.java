package io.camelhalo.component.halo.poll;

import java.time.Duration;
import java.time.Instant;

import io.camelhalo.component.halo.api.HaloResource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
        p.delivered("tickets/1@a", T0.plusSeconds(10), OVERLAP, null);
        p.finishPoll(OVERLAP, null);
        assertEquals(T0.plusSeconds(5), p.queryFrom(T0.plusSeconds(11), OVERLAP), "watermark - overlap");
        assertEquals(T0.plusSeconds(10), p.queryFrom(T0.plusSeconds(16), OVERLAP),
                "window passed: a whole-second watermark is read again");
        assertTrue(p.isSeen("tickets/1@a"));
    }

    @Test
    void aFailedVersionHoldsTheStartBackUntilItIsDelivered() {
        PollProgress p = PollProgress.startingAt(T0);
        p.delivered("tickets/1@a", T0.plusSeconds(10), OVERLAP, null);
        // version 2@b at +20 s failed; 3@c is delivered after it
        p.delivered("tickets/3@c", T0.plusSeconds(30), OVERLAP, T0.plusSeconds(20));
        p.finishPoll(OVERLAP, T0.plusSeconds(20));
        assertEquals(T0.plusSeconds(20), p.queryFrom(T0.plusSeconds(100), OVERLAP), "never past the failed one");
        assertTrue(p.isSeen("tickets/3@c"), "what was delivered after it is remembered, so not repeated");
        assertFalse(p.isSeen("tickets/1@a"), "older than the start: forgotten, it cannot come back");

        p.delivered("tickets/2@b", T0.plusSeconds(20), OVERLAP, null);
        p.finishPoll(OVERLAP, null);
        assertEquals(T0.plusSeconds(30), p.queryFrom(T0.plusSeconds(100), OVERLAP));
    }

    @Test
    void aBatchCutShortByACrashIsReadAgainFromTheStartHoweverLateTheTakeover() {
        // given a poll that delivered two of three versions stamped in the same millisecond, then its member died
        PollProgress p = PollProgress.startingAt(T0);
        p.delivered("tickets/1@a", T0.plusSeconds(10), OVERLAP, null);
        p.finishPoll(OVERLAP, null);
        p.delivered("tickets/2@b", T0.plusSeconds(20), OVERLAP, null);
        p.delivered("tickets/3@b", T0.plusSeconds(20), OVERLAP, null); // stored after each delivery; 4@b, also at +20 s, was in flight
        PollProgress stored = PollProgress.fromJson(p.toJson(), HaloResource.TICKETS);

        // when another member takes over long after the overlap passed
        Instant queryFrom = stored.queryFrom(T0.plusSeconds(100), OVERLAP);

        // then it reads from the stored start (moved up behind the deliveries, the overlap before the watermark),
        // which covers 4@b, not from just after the watermark
        assertEquals(T0.plusSeconds(15), queryFrom);
        assertTrue(stored.isSeen("tickets/2@b") && stored.isSeen("tickets/3@b"), "what was delivered is not repeated");
        assertFalse(stored.isSeen("tickets/4@b"));
    }

    @Test
    void aLongCatchUpStoresOnlyTheOverlapWindowAfterEveryDelivery() {
        // given a catch-up of 2,000 changes one second apart, with the default overlap of 5 s
        PollProgress p = PollProgress.startingAt(T0);
        int longest = 0;
        for (int i = 1; i <= 2000; i++) {
            // when each change is delivered and the progress stored, as the consumer does
            p.delivered("tickets/" + i + "@" + T0.plusSeconds(i), T0.plusSeconds(i), OVERLAP, null);
            longest = Math.max(longest, p.toJson().length());
        }

        // then what is stored never grows with the number of changes: a few versions of the overlap window
        assertTrue(longest < 1_000, "longest stored progress: " + longest + " characters");
        assertEquals(T0.plusSeconds(1995), p.queryFrom(T0.plusSeconds(2000), OVERLAP));
        assertTrue(p.isSeen("tickets/" + 2000 + "@" + T0.plusSeconds(2000)));
    }

    @Test
    void pastTheWindowAWatermarkWithAFractionIsReadFromJustAfterIt() {
        PollProgress p = PollProgress.startingAt(T0);
        p.delivered("tickets/1@a", T0.plusMillis(10_250), OVERLAP, null);
        p.finishPoll(OVERLAP, null);
        assertEquals(T0.plusMillis(10_251), p.queryFrom(T0.plusSeconds(16), OVERLAP));
    }

    @Test
    void aWholeSecondStampIsRememberedWhileTheFeedStillReturnsIt() {
        // given a start inside a second, and a version stamped to that whole second (a tenant writing no fraction)
        PollProgress p = PollProgress.startingAt(T0.plusMillis(300));
        p.delivered("tickets/8@whole", T0, OVERLAP, null);
        p.finishPoll(OVERLAP, null);

        // then it stays seen: the feed reads the stamp as any moment up to T0 + 999 ms, after the start, and returns
        // it again; forgetting it would deliver it again on every poll until the start passes that second
        assertTrue(p.isSeen("tickets/8@whole"));
    }

    @Test
    void theStartNeverMovesBack() {
        PollProgress p = PollProgress.startingAt(T0.plusSeconds(100));
        p.finishPoll(OVERLAP, null);
        assertEquals(T0.plusSeconds(100), p.queryFrom(T0.plusSeconds(200), OVERLAP));
    }

    @Test
    void progressSurvivesARoundTripThroughTheStateRepositoryText() {
        PollProgress p = PollProgress.startingAt(T0);
        p.delivered("tickets/7@2026-11-26T08:00:10.000", T0.plusSeconds(10), OVERLAP, null);
        p.finishPoll(OVERLAP, null);
        PollProgress restored = PollProgress.fromJson(p.toJson(), HaloResource.TICKETS);
        assertEquals(p.queryFrom(T0.plusSeconds(11), OVERLAP), restored.queryFrom(T0.plusSeconds(11), OVERLAP));
        assertEquals(p.watermark(), restored.watermark());
        assertTrue(restored.isSeen("tickets/7@2026-11-26T08:00:10.000"));
    }

    @Test
    void aSweepHoldsItsFloorUntilItHasReadEveryRecordThenMovesItToWhenItBegan() {
        PollProgress p = PollProgress.startingAt(T0);
        Instant began = T0.plusSeconds(100);
        p.sweepPoll(began);
        // the sweep's first poll read ids up to 20 and delivered a change at +90 s
        p.delivered("agents/7@a", T0.plusSeconds(90), OVERLAP, null);
        p.delivered("agents/8@b", T0.plusSeconds(97), OVERLAP, null);
        p.finishPoll(OVERLAP, null, true, new HaloChangeFeed.Sweep(20L, false));
        assertEquals(T0, p.queryFrom(T0.plusSeconds(200), OVERLAP),
                "a record the sweep has not reached may have changed before +90 s: the floor stays");
        assertEquals(20L, p.sweptUpTo());

        p = PollProgress.fromJson(p.toJson(), HaloResource.AGENTS); // a restart in the middle keeps the sweep
        assertEquals(20L, p.sweptUpTo());
        p.sweepPoll(T0.plusSeconds(160)); // not the sweep's start: that was its first poll
        p.finishPoll(OVERLAP, null, true, new HaloChangeFeed.Sweep(35L, true));
        assertEquals(began.minus(OVERLAP), p.queryFrom(T0.plusSeconds(300), OVERLAP),
                "every record read: a change after the sweep read it is stamped after the sweep began");
        assertNull(p.sweptUpTo(), "the next poll starts a new sweep");
        assertTrue(p.isSeen("agents/8@b"), "after the new floor: remembered so the next sweep does not repeat it");
        assertFalse(p.isSeen("agents/7@a"), "before it: forgotten, the next sweep no longer returns it");
    }

    @Test
    void aSweepPollCutShortMovesNothingAndAFailureHoldsTheFloor() {
        PollProgress p = PollProgress.startingAt(T0);
        p.sweepPoll(T0.plusSeconds(100));
        p.finishPoll(OVERLAP, null, false, new HaloChangeFeed.Sweep(20L, false));
        assertNull(p.sweptUpTo(), "not every change of the poll delivered: its records are read again");
        p.finishPoll(OVERLAP, T0.plusSeconds(40), true, new HaloChangeFeed.Sweep(20L, false));
        p.finishPoll(OVERLAP, null, true, new HaloChangeFeed.Sweep(40L, true));
        assertEquals(T0.plusSeconds(40), p.queryFrom(T0.plusSeconds(300), OVERLAP),
                "a version that failed during the sweep is read again by the next one");
    }

    @Test
    void aProgressThatNeverSweptIsStoredAsBefore() {
        PollProgress p = PollProgress.startingAt(T0);
        p.delivered("tickets/1@a", T0.plusSeconds(10), OVERLAP, null);
        p.finishPoll(OVERLAP, null);
        assertFalse(p.toJson().contains("sweep"), "no sweep field for an earlier version to trip on: " + p.toJson());
    }

    @Test
    void aPollThatDoesNotSweepEndsTheSweep() {
        PollProgress p = PollProgress.startingAt(T0);
        p.sweepPoll(T0.plusSeconds(100));
        p.finishPoll(OVERLAP, null, true, new HaloChangeFeed.Sweep(20L, false));
        p.delivered("clients/1@a", T0.plusSeconds(150), OVERLAP, null);
        assertEquals(T0, p.queryFrom(T0.plusSeconds(151), OVERLAP), "still sweeping: the floor");
        p.finishPoll(OVERLAP, null, true, null);
        assertNull(p.sweptUpTo());
        assertEquals(T0.plusSeconds(150).plusMillis(0), p.queryFrom(T0.plusSeconds(300), OVERLAP),
                "read normally again: from the watermark");
    }
}
