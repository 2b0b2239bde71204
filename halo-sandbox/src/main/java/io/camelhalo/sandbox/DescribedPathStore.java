package io.camelhalo.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A generic store answering every path of Halo's description that the 22 resources of {@link SandboxResource} do not
 * serve: {@code GET} of a collection lists its records (paged in Halo's envelope when the path's GET declares
 * {@code page_no}, else a bare array), {@code GET} of {@code /<collection>/{param}} reads one, {@code POST} creates (no
 * or unknown id) or updates (known id) each body element, {@code DELETE} removes one.
 *
 * <p>
 * A collection is the template without its trailing path parameter ({@code /Timesheet} for {@code /Timesheet/{id}}). On
 * first use it holds one seeded record shaped by the schema its {@code POST} takes: {@code id} 1 and each scalar field
 * of the schema with a value of its type (strings empty, numbers 0, dates now). Query filters are accepted and not
 * applied; the envelope key is the collection's last segment in lower case (Halo's real keys for these paths are not in
 * its description: unverified).
 */
final class DescribedPathStore {

    private static final int DEFAULT_PAGE = 50;
    private static final DateTimeFormatter HALO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private final ApiDescription description;
    private final ConformanceCheck conformance;
    private final Supplier<Instant> clock;
    /** Collection (lower case) to record key (lower-case id text) to record, in insertion order of ids. */
    private final Map<String, TreeMap<String, Map<String, Object>>> tables = new HashMap<>();
    private final Map<String, Long> lastIds = new HashMap<>();

    DescribedPathStore(ApiDescription description, ConformanceCheck conformance, Supplier<Instant> clock) {
        this.description = description;
        this.conformance = conformance;
        this.clock = clock;
    }

    /**
     * @param template the declared template the path matched, e.g. {@code /Timesheet/{id}}
     * @param apiPath  the path after {@code /api}, e.g. {@code /Timesheet/3}
     */
    synchronized HttpReply handle(
            String method, String template, String apiPath, Map<String, String> params, String body)
            throws SandboxError {
        if (description.operation(template, method).isEmpty()) {
            return HttpReply.json(405, Map.of("Message",
                    "The requested resource does not support http method '" + method + "'."));
        }
        String[] parts = template.split("/");
        boolean item = parts[parts.length - 1].startsWith("{");
        String collection = item ? template.substring(0, template.lastIndexOf('/')) : template;
        String id = item ? apiPath.substring(apiPath.lastIndexOf('/') + 1) : null;
        TreeMap<String, Map<String, Object>> table = table(collection);
        switch (method) {
            case "GET":
                if (item) {
                    Map<String, Object> rec = table.get(key(id));
                    if (rec == null) {
                        throw SandboxError.notFound("Record not found");
                    }
                    return HttpReply.json(200, RecordStore.copy(rec));
                }
                return HttpReply.json(200, list(template, collection, table, params));
            case "POST":
                return save(apiPath, table, collection, id, body);
            case "DELETE":
                if (item && table.remove(key(id)) == null) {
                    throw SandboxError.notFound("Record not found");
                }
                return HttpReply.empty(200);
            default:
                return HttpReply.json(405, Map.of("Message",
                        "The requested resource does not support http method '" + method + "'."));
        }
    }

    private Object list(
            String template, String collection, TreeMap<String, Map<String, Object>> table,
            Map<String, String> params)
            throws SandboxError {
        List<Map<String, Object>> all = new ArrayList<>();
        table.values().forEach(r -> all.add(RecordStore.copy(r)));
        boolean paged = description.operation(template, "GET")
                .map(op -> op.queryParameters().contains("page_no")).orElse(false);
        if (!paged) {
            return all;
        }
        List<Map<String, Object>> page = all;
        if (ListQuery.bool(params, "pageinate")) {
            int size = Math.min(number(params, "page_size", DEFAULT_PAGE), ListQuery.MAX_PAGE_SIZE);
            size = size < 1 ? DEFAULT_PAGE : size;
            int total = all.size();
            int lastPage = Math.max(1, (total + size - 1) / size);
            int served = Math.min(Math.max(1, number(params, "page_no", 1)), lastPage); // Halo repeats the last page
            page = all.subList(Math.min(total, (served - 1) * size), Math.min(total, served * size));
        }
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("record_count", all.size());
        envelope.put(collection.substring(collection.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT), page);
        return envelope;
    }

    private HttpReply save(
            String apiPath, TreeMap<String, Map<String, Object>> table, String collection, String pathId,
            String body)
            throws SandboxError {
        Object parsed;
        try {
            parsed = body == null || body.isBlank() ? Map.of() : HttpReply.JSON.readValue(body, Object.class);
        } catch (JsonProcessingException e) {
            throw SandboxError.badRequest("The request body is not valid JSON");
        }
        List<?> elements = parsed instanceof List<?> list ? list : List.of(parsed);
        List<Map<String, Object>> saved = new ArrayList<>();
        for (Object element : elements) {
            if (!(element instanceof Map<?, ?> m)) {
                throw SandboxError.badRequest("The request body must hold JSON objects");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = new LinkedHashMap<>(conformance.knownFields(apiPath, (Map<String, Object>) m));
            Object id = pathId != null ? pathId : fields.get("id");
            Map<String, Object> existing = id == null ? null : table.get(key(id.toString()));
            if (existing != null) {
                Object keptId = existing.get("id");
                existing.putAll(fields);
                existing.put("id", keptId);
                saved.add(RecordStore.copy(existing));
            } else {
                long next = nextId(collection);
                fields.put("id", next);
                table.put(key(Long.toString(next)), fields);
                saved.add(RecordStore.copy(fields));
            }
        }
        return HttpReply.json(201, saved.size() == 1 ? saved.get(0) : saved);
    }

    private TreeMap<String, Map<String, Object>> table(String collection) {
        String name = collection.toLowerCase(Locale.ROOT);
        return tables.computeIfAbsent(name, n -> {
            TreeMap<String, Map<String, Object>> t = new TreeMap<>(DescribedPathStore::byNumber);
            Map<String, Object> seed = seed(collection);
            t.put(key(seed.get("id").toString()), seed);
            lastIds.put(n, 1L);
            return t;
        });
    }

    /** One record shaped by the schema the collection's POST takes (just an id when it takes none). */
    private Map<String, Object> seed(String collection) {
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("id", 1L);
        String schema = description.operation(collection, "POST")
                .map(ApiDescription.Operation::bodySchema).orElse(null);
        if (schema != null) {
            description.properties(schema).forEach((name, property) -> {
                Object value = sample(property);
                if (value != null) {
                    rec.putIfAbsent(name, value);
                }
            });
        }
        return rec;
    }

    private Object sample(JsonNode property) {
        return switch (property.path("type").asText("")) {
            case "integer" -> 0;
            case "number" -> 0.0;
            case "boolean" -> false;
            case "string" -> "date-time".equals(property.path("format").asText())
                    ? HALO_TIME.format(clock.get().truncatedTo(ChronoUnit.MILLIS)) : "";
            default -> null; // arrays, nested objects and references: left out
        };
    }

    private long nextId(String collection) {
        return lastIds.merge(collection.toLowerCase(Locale.ROOT), 1L, Long::sum);
    }

    private static String key(String id) {
        return id.trim().toLowerCase(Locale.ROOT);
    }

    /** Whole-number ids in numeric order, then text ids. */
    private static int byNumber(String a, String b) {
        boolean an = a.chars().allMatch(Character::isDigit) && !a.isEmpty();
        boolean bn = b.chars().allMatch(Character::isDigit) && !b.isEmpty();
        if (an && bn) {
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        return an ? -1 : bn ? 1 : a.compareTo(b);
    }

    private static int number(Map<String, String> params, String name, int fallback) throws SandboxError {
        String raw = params.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw SandboxError.badRequest("The value '" + raw + "' is not valid for " + name + ".");
        }
    }
}
