package io.camelhalo.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The one list of requests allowed although Halo's API description does not declare them, each with its evidence:
 * {@code halo-openapi/spec-exceptions.json} beside this class.
 */
final class SpecExceptions {

    static final String RESOURCE = "halo-openapi/spec-exceptions.json";

    /** Extra query parameters and body fields allowed for one method and path template. */
    record Entry(String method, String template, Set<String> query, Set<String> bodyFields) {
    }

    private static volatile List<Entry> loaded;

    private SpecExceptions() {
    }

    static List<Entry> get() {
        List<Entry> l = loaded;
        if (l == null) {
            List<Entry> read = new ArrayList<>();
            for (JsonNode e : ApiDescription.read(RESOURCE)) {
                if (e.path("evidence").asText("").isBlank()) {
                    throw new IllegalStateException(RESOURCE + ": every exception needs its evidence: " + e);
                }
                read.add(new Entry(
                        e.path("method").asText().toUpperCase(Locale.ROOT), e.path("path").asText(),
                        names(e.path("query")), names(e.path("bodyFields"))));
            }
            loaded = l = List.copyOf(read);
        }
        return l;
    }

    static boolean allowsQuery(String method, String template, String name) {
        return get().stream().anyMatch(e -> e.method().equals(method) && e.template().equalsIgnoreCase(template)
                && e.query().contains(name));
    }

    static boolean allowsBodyField(String method, String template, String name) {
        return get().stream().anyMatch(e -> e.method().equals(method) && e.template().equalsIgnoreCase(template)
                && e.bodyFields().contains(name));
    }

    private static Set<String> names(JsonNode array) {
        Set<String> s = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        array.forEach(n -> s.add(n.asText()));
        return s;
    }
}
