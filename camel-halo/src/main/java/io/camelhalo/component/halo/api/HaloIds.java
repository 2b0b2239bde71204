package io.camelhalo.component.halo.api;

import java.math.BigDecimal;
import java.math.BigInteger;

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

    /** Parses an id if one is given; {@code null} when the value is {@code null}. */
    public static Long parseOptional(Object value, String source) {
        return value == null ? null : parse(value, source);
    }
}
