package io.camelhalo.component.halo.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Reads record ids. An id goes into a URL path, so it must be a positive whole number and nothing else.
 */
public final class HaloIds {

    private HaloIds() {
    }

    /**
     * Parses an id given as a number or a string of digits.
     *
     * @param  value                    the id
     * @param  source                   where it came from, for the error message (e.g. "header CamelHaloId")
     * @throws IllegalArgumentException naming the value, where it came from and what is allowed
     */
    public static long parse(Object value, String source) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            long id = ((Number) value).longValue();
            if (id > 0 && (!(value instanceof BigInteger) || ((BigInteger) value).bitLength() < 64)) {
                return id;
            }
        } else if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (d > 0 && d == Math.rint(d) && d < Long.MAX_VALUE) {
                return (long) d;
            }
        } else if (value instanceof CharSequence) {
            String s = value.toString().trim();
            if (!s.isEmpty() && s.length() <= 18 && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
                long id = Long.parseLong(s);
                if (id > 0) {
                    return id;
                }
            }
        }
        throw new IllegalArgumentException(
                "Invalid Halo id '" + value + "' from " + source + ": an id must be a positive whole number");
    }

    /**
     * Checks the raw text of whole-number URI options before Camel binds them. Camel reads a Long or int option through
     * its duration parser, so id=abc would silently become 0 and id=5s 5000; an id goes into a URL path.
     *
     * @param parameters the endpoint's URI parameters, not yet bound
     * @param ids        options holding record ids: positive whole numbers
     * @param counts     options holding counts, each with the range allowed (checked again after binding)
     */
    public static void checkUriWholeNumbers(
            Map<String, Object> parameters, List<String> ids,
            Map<String, String> counts) {
        for (String option : ids) {
            Object raw = parameters.get(option);
            if (raw != null) {
                parse(raw, "option " + option);
            }
        }
        counts.forEach((option, allowed) -> {
            Object raw = parameters.get(option);
            if (raw instanceof String text && !text.trim().matches("-?\\d{1,9}")) {
                throw new IllegalArgumentException(
                        "Invalid " + option + " '" + text + "': expected a whole number, " + allowed);
            }
        });
    }
}
