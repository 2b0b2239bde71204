package io.camelhalo.component.halo.poll;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.camelhalo.component.halo.http.HaloReply;

/**
 * Halo's "now" as its replies tell it: the {@code Date} header every HTTP server sends (RFC 9110, section 6.6.1), read
 * against the local clock when the reply arrives. halo-poll reckons its overlap and {@code startFrom=now} in Halo's
 * time, since the records' stamps are Halo's: a local clock ahead of Halo's by more than the overlap would otherwise
 * skip the overlap's re-read, and start a new consumer after changes Halo stamped before it.
 * <p>
 * The header is to the second, so Halo's clock stands anywhere in the second it names: the local clock counts as ahead
 * only when it is ahead of the end of that second, and is then set back to the start of that second, the earliest
 * Halo's clock can stand (an earlier "now" only makes the overlap longer and the start earlier). A local clock behind
 * Halo's is kept, for the same reason.
 */
final class HaloClock {

    private final Supplier<Instant> local;
    private final BooleanSupplier localIsHalos;
    /** How far the local clock is ahead of Halo's (never negative), or {@code null} before any reply with a Date. */
    private volatile Duration ahead;

    /**
     * @param local        the local clock
     * @param localIsHalos whether the local clock is known to be Halo's already (tests align it with the sandbox's)
     */
    HaloClock(Supplier<Instant> local, BooleanSupplier localIsHalos) {
        this.local = local;
        this.localIsHalos = localIsHalos;
    }

    /** Reads the reply's Date header, if it has a readable one. */
    void observe(HaloReply reply) {
        reply.header("Date").ifPresent(date -> {
            Instant received = local.get();
            Instant haloLatest;
            try {
                haloLatest = ZonedDateTime.parse(date.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()
                        .plusSeconds(1);
            } catch (DateTimeParseException e) {
                return; // not an HTTP date: the local clock stands
            }
            Duration beyondItsSecond = Duration.between(haloLatest, received);
            ahead = beyondItsSecond.isNegative() || beyondItsSecond.isZero() || localIsHalos.getAsBoolean()
                    ? Duration.ZERO : beyondItsSecond.plusSeconds(1);
        });
    }

    /** Whether a reply has told Halo's time yet. */
    boolean known() {
        return ahead != null;
    }

    /** How far the local clock is ahead of Halo's, zero when it is not or before any reply. */
    Duration ahead() {
        Duration by = ahead;
        return by == null ? Duration.ZERO : by;
    }

    /** Halo's now: the local clock, less how far it is ahead of Halo's. */
    Instant now() {
        return toHalo(local.get());
    }

    /** A local instant in Halo's time. */
    Instant toHalo(Instant localInstant) {
        return localInstant.minus(ahead());
    }
}
