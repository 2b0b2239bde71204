package io.camelhalo.component.halo.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads record ids, the one place that knows what a Halo id looks like. An id goes into a URL path, so it must be a
 * positive whole number, except for the resources whose {@code {id}} Halo's description types as a string
 * ({@link #TEXT_ID_RESOURCES}): those ids are letters, digits and hyphens (a uuid, or an alphanumeric key).
 */
public final class HaloIds {

    /**
     * The resources whose record id is text: {@code /Priority/{id}} is {@code string} in Halo's description (schema
     * {@code Policy}: {@code id} string, format uuid). Every other resource's {@code {id}} is {@code integer}.
     */
    public static final Set<HaloResource> TEXT_ID_RESOURCES = EnumSet.of(HaloResource.PRIORITIES);

    /** A text id: letters, digits and hyphens, at most 64 (a uuid is 36). */
    private static final Pattern TEXT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");

    private HaloIds() {
    }

    /**
     * Parses the id of a record of {@code resource}: a positive whole number (a {@link Long}) for most resources; for
     * {@link #TEXT_ID_RESOURCES} also letters, digits and hyphens (a {@link String}, trimmed), while a whole number
     * stays a {@link Long}.
     *
     * @param  resource                 the resource the id names a record of
     * @param  value                    the id
     * @param  source                   where it came from, for the error message (e.g. "header CamelHaloId")
     * @throws IllegalArgumentException naming the value, where it came from and what is allowed for that resource
     */
    public static Object parse(HaloResource resource, Object value, String source) {
        if (!TEXT_ID_RESOURCES.contains(resource)) {
            return parse(value, source);
        }
        if (value instanceof CharSequence text) {
            String s = text.toString().trim();
            if (TEXT_ID.matcher(s).matches()) {
                return s.chars().allMatch(c -> c >= '0' && c <= '9') ? (Object) parse(s, source) : s;
            }
        } else if (value instanceof Number) {
            return parse(value, source);
        }
        throw new IllegalArgumentException(
                "Invalid Halo id '" + value + "' from " + source + ": a " + resource.uriName()
                                           + " id must be letters, digits and hyphens (at most 64, e.g. a uuid) or a positive whole number");
    }

    /** Whether two ids name the same record: equal whole numbers, or equal text ignoring case. */
    public static boolean same(Object a, Object b) {
        return a instanceof String x && b instanceof String y
                ? x.equalsIgnoreCase(y) : String.valueOf(a).equals(String.valueOf(b));
    }

    /**
     * Parses an id that must be a whole number (ticket ids, client and site ids in fields), given as a number or a
     * string of digits.
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
     * Checks a record id given as a URI option before the route starts: what
     * {@link #parse(HaloResource, Object, String)} accepts for the resource (text for {@link #TEXT_ID_RESOURCES}, else
     * a positive whole number).
     *
     * @param  raw                      the option's value, {@code null} when not set
     * @throws IllegalArgumentException naming the value, the option and what is allowed for that resource
     */
    public static void checkUriId(HaloResource resource, Object raw, String source) {
        if (raw != null) {
            parse(resource, raw, source);
        }
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
