package io.camelhalo.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Halo's timestamp convention: ISO-8601 with milliseconds and no offset, meaning UTC (verify). */
final class HaloTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private HaloTime() {
    }

    static String format(Instant instant) {
        return FORMAT.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /**
     * Parses what a client may send or a record may hold: with an offset (converted to UTC), without
     * one (taken as UTC) or a bare date (midnight UTC).
     *
     * @throws DateTimeParseException when the text is none of these
     */
    static LocalDateTime parseUtc(String text) {
        // an unencoded '+' in a query string arrives as a space
        String s = text.trim().replace(' ', '+');
        try {
            return OffsetDateTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(s);
            } catch (DateTimeParseException notLocal) {
                return LocalDate.parse(s).atStartOfDay();
            }
        }
    }
}
