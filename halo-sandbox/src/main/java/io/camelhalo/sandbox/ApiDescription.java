package io.camelhalo.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What Halo's published API description declares: per path template and method, the query parameter names and the
 * request-body schema; per schema, its field names. Read once per JVM from the vendored description (all 808 paths, see
 * {@code halo-openapi/README.md} beside this class). Names compare case-insensitively, as ASP.NET binds them.
 */
final class ApiDescription {

    static final String RESOURCE = "halo-openapi/halo-api-v2.openapi.json.gz";
    private static final String SCHEMA_PREFIX = "#/components/schemas/";

    /**
     * One declared operation. {@code bodySchema} is {@code null} when it takes no body (or one of no named schema);
     * {@code bodyArray} says whether the body is declared as a JSON array of that schema.
     */
    record Operation(String template, String method, Set<String> queryParameters, String bodySchema,
            boolean bodyArray) {
    }

    /** Path template (e.g. {@code /Tickets/{id}}) to method (upper case) to operation. */
    private final Map<String, Map<String, Operation>> paths = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    /** Schema name to its field names (case-insensitive lookup answering the declared spelling). */
    private final Map<String, Map<String, String>> schemaFields = new TreeMap<>();
    /** Schema name to its properties' declarations, in declared order. */
    private final Map<String, Map<String, JsonNode>> schemaProperties = new TreeMap<>();

    private static volatile ApiDescription loaded;

    private ApiDescription(JsonNode doc) {
        doc.path("paths").fields().forEachRemaining(p -> {
            Map<String, Operation> byMethod = new TreeMap<>();
            p.getValue().fields().forEachRemaining(m -> {
                Set<String> query = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
                for (JsonNode param : m.getValue().path("parameters")) {
                    if ("query".equals(param.path("in").asText())) {
                        query.add(param.path("name").asText());
                    }
                }
                JsonNode schema = m.getValue().path("requestBody").path("content").path("application/json")
                        .path("schema");
                boolean array = "array".equals(schema.path("type").asText());
                String ref = (array ? schema.path("items") : schema).path("$ref").asText(null);
                String method = m.getKey().toUpperCase(Locale.ROOT);
                byMethod.put(method, new Operation(
                        p.getKey(), method, query,
                        ref == null ? null : ref.substring(SCHEMA_PREFIX.length()), array));
            });
            paths.put(p.getKey(), byMethod);
        });
        doc.path("components").path("schemas").fields().forEachRemaining(s -> {
            Map<String, String> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            Iterator<String> names = s.getValue().path("properties").fieldNames();
            names.forEachRemaining(n -> fields.put(n, n));
            schemaFields.put(s.getKey(), fields);
            Map<String, JsonNode> properties = new LinkedHashMap<>();
            s.getValue().path("properties").fields().forEachRemaining(f -> properties.put(f.getKey(), f.getValue()));
            schemaProperties.put(s.getKey(), properties);
        });
    }

    /** The vendored description, parsed on first use. */
    static ApiDescription get() {
        ApiDescription d = loaded;
        if (d == null) {
            synchronized (ApiDescription.class) {
                if (loaded == null) {
                    loaded = new ApiDescription(read(RESOURCE));
                }
                d = loaded;
            }
        }
        return d;
    }

    static JsonNode read(String resource) {
        try (InputStream in = ApiDescription.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing sandbox resource " + resource);
            }
            return HttpReply.JSON.readTree(resource.endsWith(".gz") ? new GZIPInputStream(in) : in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sandbox resource " + resource, e);
        }
    }

    /**
     * The declared path template matching an API path (without {@code /api}), e.g. {@code /Tickets/12}: of several, the
     * one with the most literal segments ({@code /Tickets/View} before {@code /Tickets/{id}}), as ASP.NET routes.
     */
    Optional<String> template(String apiPath) {
        String[] wanted = apiPath.split("/", -1);
        String best = null;
        int bestLiterals = -1;
        for (String template : paths.keySet()) {
            String[] parts = template.split("/", -1);
            if (parts.length == wanted.length && matches(parts, wanted)) {
                int literals = 0;
                for (String part : parts) {
                    literals += part.startsWith("{") ? 0 : 1;
                }
                if (literals > bestLiterals) {
                    best = template;
                    bestLiterals = literals;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean matches(String[] template, String[] path) {
        for (int i = 0; i < template.length; i++) {
            boolean variable = template[i].startsWith("{") && template[i].endsWith("}");
            if (!variable && !template[i].equalsIgnoreCase(path[i])) {
                return false;
            }
            if (variable && path[i].isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The methods declared for a template. */
    Set<String> methods(String template) {
        return paths.getOrDefault(template, Map.of()).keySet();
    }

    Optional<Operation> operation(String template, String method) {
        return Optional.ofNullable(paths.getOrDefault(template, Map.of()).get(method));
    }

    /** The declared spelling of a schema field, or empty when the schema has no such field. */
    Optional<String> field(String schema, String name) {
        return Optional.ofNullable(schemaFields.getOrDefault(schema, Map.of()).get(name));
    }

    /** The schema's field names, in their declared spelling (empty for an unknown schema). */
    Set<String> fields(String schema) {
        return new TreeSet<>(schemaFields.getOrDefault(schema, Map.of()).values());
    }

    /** The schema's properties (name to declaration), in declared order; empty for an unknown schema. */
    Map<String, JsonNode> properties(String schema) {
        return schemaProperties.getOrDefault(schema, Map.of());
    }

    /** Path templates, for messages. */
    List<String> templates() {
        return new ArrayList<>(paths.keySet());
    }
}
