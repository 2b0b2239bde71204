package io.camelhalo.email;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the ticket id Halo puts in the subject of its outgoing emails: {@code [ID:12345]} by default, with the start
 * and end tags configurable per tenant as in Halo, and {@code [ID 12345]} accepted as Halo's fallback form.
 */
public class TicketTag {

    private final Pattern tag;
    private final Pattern fallback = Pattern.compile("\\[ID (\\d+)]");

    /** @param start the text before the id (Halo's default {@code [ID:}); @param end the text after it ({@code ]}) */
    public TicketTag(String start, String end) {
        if (start == null || start.isEmpty()) {
            throw new IllegalArgumentException("The ticket tag needs a start text, e.g. '[ID:'");
        }
        this.tag = Pattern.compile(Pattern.quote(start) + "\\s*(\\d+)\\s*" + Pattern.quote(end == null ? "" : end));
    }

    /** The first tagged ticket id in {@code text}, if any. */
    public Optional<Long> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = tag.matcher(text);
        if (m.find()) {
            return Optional.of(Long.valueOf(m.group(1)));
        }
        Matcher f = fallback.matcher(text);
        return f.find() ? Optional.of(Long.valueOf(f.group(1))) : Optional.empty();
    }

    /** How Halo writes the tag for {@code ticketId}, e.g. {@code [ID:12345]}. */
    public static String format(String start, String end, long ticketId) {
        return start + ticketId + end;
    }
}
