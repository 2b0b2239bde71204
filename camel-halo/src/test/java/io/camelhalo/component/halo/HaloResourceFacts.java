package io.camelhalo.component.halo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.camelhalo.component.halo.api.HaloOperation;
import io.camelhalo.component.halo.api.HaloResource;

/**
 * One row of the API notes' resource table, read from {@code halo-api-resources.csv} (a hand copy of the table in the
 * project's halo-api.md). The tests take their expectations from here, not from the component's own
 * {@link HaloResource} table, so a wrong cell in the component's table fails a test.
 *
 * @param resource           the URI name, e.g. clientcontracts
 * @param path               Halo's path under /api, e.g. ClientContract
 * @param envelopeKey        where a list reply holds its records, or null for a bare JSON array
 * @param paginated          whether the list takes pageinate/page_size/page_no
 * @param ticketIdOperations the operations that send ticket_id
 */
record HaloResourceFacts(String resource, String path, String envelopeKey, boolean paginated,
        Set<String> ticketIdOperations) {

    private static final Map<String, HaloResourceFacts> TABLE = load();

    static HaloResourceFacts of(HaloResource resource) {
        HaloResourceFacts facts = TABLE.get(resource.uriName());
        if (facts == null) {
            throw new IllegalStateException("halo-api-resources.csv has no row for " + resource.uriName());
        }
        return facts;
    }

    static Map<String, HaloResourceFacts> all() {
        return TABLE;
    }

    boolean needsTicketId(HaloOperation operation) {
        return ticketIdOperations.contains(operation.uriName());
    }

    private static Map<String, HaloResourceFacts> load() {
        Map<String, HaloResourceFacts> rows = new LinkedHashMap<>();
        try (InputStream in = HaloResourceFacts.class.getResourceAsStream("/halo-api-resources.csv")) {
            if (in == null) {
                throw new IllegalStateException("halo-api-resources.csv is missing from the test resources");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null;) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                Set<String> ticketOps = cells[4].isBlank()
                        ? Set.of() : Arrays.stream(cells[4].split("\\|")).collect(Collectors.toUnmodifiableSet());
                rows.put(cells[0], new HaloResourceFacts(
                        cells[0], cells[1], "-".equals(cells[2]) ? null : cells[2],
                        "yes".equals(cells[3]), ticketOps));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
