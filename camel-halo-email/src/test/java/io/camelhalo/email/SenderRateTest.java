package io.camelhalo.email;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SenderRateTest {

    private final AtomicLong now = new AtomicLong(1_000_000);

    @Test
    void atMostMaxPerSenderInAnyWindowThenAgainOnceTheWindowHasPassed() {
        SenderRate rate = new SenderRate(2, 60_000, now::get);
        assertTrue(rate.admit("wile@acme.example"));
        now.addAndGet(1_000);
        assertTrue(rate.admit("WILE@acme.example"), "the address, whatever its case");
        assertFalse(rate.admit("wile@acme.example"));
        assertTrue(rate.admit("roadrunner@acme.example"), "per sender");
        now.addAndGet(59_000);
        assertTrue(rate.admit("wile@acme.example"), "the first has left the window");
        assertFalse(rate.admit("wile@acme.example"));
    }

    @Test
    void zeroIsNoLimit() {
        SenderRate rate = new SenderRate(0, 1, now::get);
        for (int i = 0; i < 1000; i++) {
            assertTrue(rate.admit("wile@acme.example"));
        }
    }

    @Test
    void theSendersTrackedStayBounded() {
        SenderRate rate = new SenderRate(1, 60_000, now::get);
        assertTrue(rate.admit("flood@acme.example"));
        for (int i = 0; i < SenderRate.MAX_SENDERS + 10; i++) {
            now.incrementAndGet();
            assertTrue(rate.admit("sender" + i + "@spam.example"));
        }
        assertEquals(true, rate.trackedSenders() <= SenderRate.MAX_SENDERS);
    }
}
