package io.camelhalo.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Halo's timestamp convention: ISO-8601 with milliseconds and no offset, meaning UTC (verify). */
final class HaloTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private HaloTime() {
    }

    /** A stamp as the sandbox stores it, e.g. {@code 2025-01-06T09:15:00.000}. */
    private static final Pattern STORED = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}");

    /**
     * A reply value with every stored stamp written as the timestamp modes say (offset, no fraction or seven fraction
     * digits); unchanged when none is on.
     */
    static Object restyle(Object value, Set<TenantMode> modes) {
        boolean offset = modes.contains(TenantMode.TIMESTAMPS_WITH_OFFSET);
        boolean noFraction = modes.contains(TenantMode.TIMESTAMPS_WITHOUT_FRACTION);
        boolean seven = modes.contains(TenantMode.TIMESTAMPS_SEVEN_DIGIT_FRACTION);
        if (!offset && !noFraction && !seven) {
            return value;
        }
        return restyle(value, offset, noFraction, seven);
    }

    private static Object restyle(Object v, boolean offset, boolean noFraction, boolean seven) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), restyle(x, offset, noFraction, seven)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(restyle(x, offset, noFraction, seven)));
            return out;
        }
        if (v instanceof String s && STORED.matcher(s).matches()) {
            String t = noFraction ? s.substring(0, s.length() - 4) : seven ? s + "0000" : s;
            return offset ? t + "Z" : t;
        }
        return v;
    }

    static String format(Instant instant) {
        return FORMAT.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /**
     * Parses what a client may send or a record may hold: with an offset (converted to UTC), without one (taken as UTC)
     * or a bare date (midnight UTC).
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
