package io.camelhalo.email;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the ticket id Halo puts in the subject of its outgoing emails: {@code [ID:12345]} by default, with the start
 * and end tags configurable per tenant as in Halo, and {@code [ID 12345]} accepted as Halo's fallback form. Only a
 * valid id is a tag: a positive number of at most {@value #MAX_DIGITS} digits (a longer or zero number, such as
 * {@code [ID:99999999999999999999]}, is text, not a tag, and the next tag is looked for).
 */
public class TicketTag {

    /** Digits an id may have: anything longer is not a ticket id (and would not fit a long). */
    static final int MAX_DIGITS = 18;

    private final Pattern tag;
    private final Pattern fallback = Pattern.compile("\\[ID (\\d+)]");

    /** @param start the text before the id (Halo's default {@code [ID:}); @param end the text after it ({@code ]}) */
    public TicketTag(String start, String end) {
        if (start == null || start.isEmpty()) {
            throw new IllegalArgumentException("The ticket tag needs a start text, e.g. '[ID:'");
        }
        this.tag = Pattern.compile(Pattern.quote(start) + "\\s*(\\d+)\\s*" + Pattern.quote(end == null ? "" : end));
    }

    /** The first tagged ticket id in {@code text} that is a valid id, if any. */
    public Optional<Long> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Optional<Long> id = first(tag.matcher(text));
        return id.isPresent() ? id : first(fallback.matcher(text));
    }

    private static Optional<Long> first(Matcher m) {
        while (m.find()) {
            String digits = m.group(1);
            if (digits.length() <= MAX_DIGITS) {
                long id = Long.parseLong(digits);
                if (id > 0) {
                    return Optional.of(id);
                }
            }
        }
        return Optional.empty();
    }

    /** How Halo writes the tag for {@code ticketId}, e.g. {@code [ID:12345]}. */
    public static String format(String start, String end, long ticketId) {
        return start + ticketId + end;
    }
}
