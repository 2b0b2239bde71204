package io.camelhalo.examples.onboarding;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

/**
 * Reads the onboarding CSV: a header line naming the columns (any order), then one customer per line. Columns:
 * {@code client_name, website, site_name, user_name, user_email} ({@code website} may be empty). Jackson's CSV reader
 * does the CSV (quotes, commas and line breaks inside quotes); this class checks the columns and values. A file without
 * one of the columns is refused as a whole; a bad line is reported with its line number and the others still go
 * through.
 */
public final class CustomerCsv {

    static final List<String> COLUMNS = List.of("client_name", "website", "site_name", "user_name", "user_email");

    private static final ObjectReader ROWS = new CsvMapper().readerForListOf(String.class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY).with(CsvParser.Feature.TRIM_SPACES);

    /** The good rows, and one message per bad line ("line 3: ..."). */
    public record Parsed(List<CustomerRow> rows, List<String> errors) {
    }

    private CustomerCsv() {
    }

    public static Parsed parse(String text) {
        try (MappingIterator<List<String>> lines = ROWS.readValues(text)) {
            if (!lines.hasNextValue()) {
                throw new IllegalArgumentException("the file is empty; expected a header line with " + COLUMNS);
            }
            List<String> header = lines.nextValue().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
            List<String> missing = COLUMNS.stream().filter(c -> !header.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(
                        "line 1: missing column(s) " + missing + "; the header must name "
                                                   + COLUMNS);
            }
            Map<String, Integer> at = COLUMNS.stream().collect(Collectors.toMap(Function.identity(), header::indexOf));
            List<CustomerRow> rows = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            while (lines.hasNextValue()) {
                int line = lines.getCurrentLocation().getLineNr();
                List<String> cells = lines.nextValue();
                String raw = String.join(",", cells);
                if (cells.size() == 1 && cells.get(0).isEmpty()) {
                    continue; // a blank line
                }
                if (cells.size() != header.size()) {
                    errors.add("line " + line + ": expected " + header.size() + " values, found " + cells.size()
                               + ": " + raw);
                    continue;
                }
                Function<String, String> get = column -> cells.get(at.get(column));
                List<String> empty = COLUMNS.stream().filter(c -> !c.equals("website") && get.apply(c).isEmpty())
                        .toList();
                if (!empty.isEmpty()) {
                    errors.add("line " + line + ": empty " + empty + ": " + raw);
                } else if (!get.apply("user_email").contains("@")) {
                    errors.add("line " + line + ": user_email '" + get.apply("user_email")
                               + "' is not an email address: " + raw);
                } else {
                    rows.add(new CustomerRow(
                            line, get.apply("client_name"), get.apply("website"),
                            get.apply("site_name"), get.apply("user_name"), get.apply("user_email")));
                }
            }
            return new Parsed(rows, errors);
        } catch (IOException e) {
            throw new IllegalArgumentException("the file is not readable CSV: " + e.getMessage(), e);
        }
    }
}
