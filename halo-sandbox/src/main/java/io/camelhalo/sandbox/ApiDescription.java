package io.camelhalo.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What Halo's published API description declares for the paths the sandbox serves: per path template and method, the
 * query parameter names and the request-body schema; per schema, its field names. Read once per JVM from the vendored
 * subset (see {@code halo-openapi/README.md} beside this class). Names compare case-insensitively, as ASP.NET binds
 * them.
 */
final class ApiDescription {

    static final String RESOURCE = "halo-openapi/halo-api-v2.subset.json";
    private static final String SCHEMA_PREFIX = "#/components/schemas/";

    /** One declared operation. {@code bodySchema} is {@code null} when it takes no body. */
    record Operation(String template, String method, Set<String> queryParameters, String bodySchema) {
    }

    /** Path template (e.g. {@code /Tickets/{id}}) to method (upper case) to operation. */
    private final Map<String, Map<String, Operation>> paths = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    /** Schema name to its field names (case-insensitive lookup answering the declared spelling). */
    private final Map<String, Map<String, String>> schemaFields = new TreeMap<>();

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
                String ref = m.getValue().path("requestBody").path("content").path("application/json")
                        .path("schema").path("items").path("$ref").asText(null);
                String method = m.getKey().toUpperCase(Locale.ROOT);
                byMethod.put(method, new Operation(
                        p.getKey(), method, query,
                        ref == null ? null : ref.substring(SCHEMA_PREFIX.length())));
            });
            paths.put(p.getKey(), byMethod);
        });
        doc.path("components").path("schemas").fields().forEachRemaining(s -> {
            Map<String, String> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            Iterator<String> names = s.getValue().path("properties").fieldNames();
            names.forEachRemaining(n -> fields.put(n, n));
            schemaFields.put(s.getKey(), fields);
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
            return HttpReply.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sandbox resource " + resource, e);
        }
    }

    /** The declared path template matching an API path (without {@code /api}), e.g. {@code /Tickets/12}. */
    Optional<String> template(String apiPath) {
        String[] wanted = apiPath.split("/", -1);
        for (String template : paths.keySet()) {
            String[] parts = template.split("/", -1);
            if (parts.length == wanted.length && matches(parts, wanted)) {
                return Optional.of(template);
            }
        }
        return Optional.empty();
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

    /** Path templates, for messages. */
    List<String> templates() {
        return new ArrayList<>(paths.keySet());
    }
}
