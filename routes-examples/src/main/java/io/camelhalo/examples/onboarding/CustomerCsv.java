package io.camelhalo.examples.onboarding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the onboarding CSV: a header line naming the columns (any order), then one customer per line. Columns:
 * {@code client_name, website, site_name, user_name, user_email} ({@code website} may be empty). Values are plain,
 * comma separated, optionally in double quotes (no commas inside values: this is a small example, not a CSV library).
 * A file without one of the columns is refused as a whole; a bad line is reported with its line number and the
 * others still go through.
 */
public final class CustomerCsv {

    static final List<String> COLUMNS = List.of("client_name", "website", "site_name", "user_name", "user_email");

    /** The good rows, and one message per bad line ("line 3: ..."). */
    public record Parsed(List<CustomerRow> rows, List<String> errors) {
    }

    private CustomerCsv() {
    }

    public static Parsed parse(String text) {
        String[] lines = text.replace("\r", "").split("\n");
        if (lines.length == 0 || lines[0].isBlank()) {
            throw new IllegalArgumentException("the file is empty; expected a header line with " + COLUMNS);
        }
        List<String> header = cells(lines[0]).stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        List<String> missing = COLUMNS.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("line 1: missing column(s) " + missing + "; the header must name "
                    + COLUMNS);
        }
        Map<String, Integer> at = COLUMNS.stream().collect(Collectors.toMap(Function.identity(), header::indexOf));
        List<CustomerRow> rows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> cells = cells(lines[i]);
            int line = i + 1;
            if (cells.size() != header.size()) {
                errors.add("line " + line + ": expected " + header.size() + " values, found " + cells.size()
                        + ": " + lines[i]);
                continue;
            }
            Function<String, String> get = column -> cells.get(at.get(column));
            List<String> empty = COLUMNS.stream().filter(c -> !c.equals("website") && get.apply(c).isEmpty()).toList();
            if (!empty.isEmpty()) {
                errors.add("line " + line + ": empty " + empty + ": " + lines[i]);
            } else if (!get.apply("user_email").contains("@")) {
                errors.add("line " + line + ": user_email '" + get.apply("user_email") + "' is not an email address: "
                        + lines[i]);
            } else {
                rows.add(new CustomerRow(line, get.apply("client_name"), get.apply("website"), get.apply("site_name"),
                        get.apply("user_name"), get.apply("user_email")));
            }
        }
        return new Parsed(rows, errors);
    }

    private static List<String> cells(String line) {
        return Arrays.stream(line.split(",", -1)).map(String::trim)
                .map(c -> c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"") ? c.substring(1, c.length() - 1) : c)
                .toList();
    }
}
