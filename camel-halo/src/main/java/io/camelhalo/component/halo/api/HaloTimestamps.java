package io.camelhalo.component.halo.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Halo's timestamps. Halo writes ISO-8601 date-times without an offset ({@code 2024-05-01T10:22:31.123}); they are read
 * as UTC, and the {@code lastupdatefromdate} filter is written the same way (verify: this class is the one place to
 * change if a tenant turns out to use its local time zone).
 */
public final class HaloTimestamps {

    private static final ZoneOffset HALO_ZONE = ZoneOffset.UTC;
    private static final DateTimeFormatter QUERY_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private HaloTimestamps() {
    }

    /** Reads a timestamp field; {@code null} when absent, blank or not a date. */
    public static Instant parse(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException noOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(HALO_ZONE);
            } catch (DateTimeParseException noTime) {
                try {
                    return LocalDate.parse(text).atStartOfDay().toInstant(HALO_ZONE);
                } catch (DateTimeParseException notADate) {
                    return null;
                }
            }
        }
    }

    /**
     * The latest instant a stamp may stand for: a stamp to the whole second (a tenant that writes no fraction) may mean
     * any moment of that second, so a change in the same second as a query's start is not taken for an older one, nor
     * forgotten while a query may still return it.
     */
    public static Instant latestMeant(Instant stamp) {
        return stamp.getNano() == 0 ? stamp.plusMillis(999) : stamp;
    }

    /** Writes an instant as a Halo query value, e.g. for {@code lastupdatefromdate}. */
    public static String format(Instant instant) {
        return QUERY_FORMAT.format(LocalDateTime.ofInstant(instant, HALO_ZONE));
    }
}
