package io.camelhalo.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

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
 * of the schema with a value of its type (strings empty, numbers 0, dates now). Every write stamps the records'
 * last-modified field with now: the date-time field of that schema named as Halo names its change stamps
 * ({@link #LAST_MODIFIED_NAMES}), or, for a list whose description names no schema, such a field the written record
 * carries (unverified for Halo's paths beyond the 22 resources: docs/HALO-FACTS.md). Where the path's GET declares
 * them, {@code lastupdatefromdate} keeps the records stamped at or after it and {@code order}/{@code orderdesc} sort;
 * other query filters are accepted and not applied. The envelope key is the collection's last segment in lower case
 * (Halo's real keys for these paths are not in its description: unverified).
 */
final class DescribedPathStore {

    private static final int DEFAULT_PAGE = 50;
    /**
     * The names Halo gives a record's change stamp (as the 22 resources show them), as camel-halo's index of the
     * description reads them (apipath/HaloApiOperation): last_update, last_updated, last_modified, lastmodified,
     * last_update_time, with a one-letter table prefix, or date_updated.
     */
    static final Pattern LAST_MODIFIED_NAMES
            = Pattern.compile("[a-z]?last_?(update|updated|modified|update_time)|date_updated");
    private static final DateTimeFormatter HALO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private final ApiDescription description;
    private final ConformanceCheck conformance;
    private final Supplier<Instant> clock;
    private final Supplier<Set<TenantMode>> modes;
    /** Collection (lower case) to record key (lower-case id text) to record, in insertion order of ids. */
    private final Map<String, TreeMap<String, Map<String, Object>>> tables = new HashMap<>();
    private final Map<String, Long> lastIds = new HashMap<>();

    DescribedPathStore(ApiDescription description, ConformanceCheck conformance, Supplier<Instant> clock,
                       Supplier<Set<TenantMode>> modes) {
        this.description = description;
        this.conformance = conformance;
        this.clock = clock;
        this.modes = modes;
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
        Set<String> declared = description.operation(template, "GET")
                .map(ApiDescription.Operation::queryParameters).orElse(Set.of());
        String from = params.get("lastupdatefromdate");
        for (Map<String, Object> r : table.values()) {
            if (from == null || from.isBlank() || !declared.contains("lastupdatefromdate")
                    || modes.get().contains(TenantMode.UPDATED_FILTER_IGNORED) || stampedSince(
                            collection, r, from)) {
                all.add(RecordStore.copy(r));
            }
        }
        String order = params.get("order");
        if (order != null && !order.isBlank() && declared.contains("order")
                && !modes.get().contains(TenantMode.ORDER_IGNORED)) {
            Comparator<Map<String, Object>> c = Comparator.comparing(
                    (Map<String, Object> rec) -> rec.get(order), ListQuery::compareValues)
                    .thenComparing(rec -> RecordStore.asLong(rec.get("id")),
                            Comparator.nullsFirst(Comparator.naturalOrder()));
            all.sort(ListQuery.bool(params, "orderdesc") ? c.reversed() : c);
        }
        boolean paged = declared.contains("page_no");
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
            if (pathId != null) {
                fields.put("id", pathId);
            }
            saved.add(store(table, collection, fields));
        }
        return HttpReply.json(201, saved.size() == 1 ? saved.get(0) : saved);
    }

    /**
     * Writes a record as Halo's own screens or another client would (tests): created, or updated field by field when
     * its id is known, and stamped.
     *
     * @param  collection the list path, e.g. {@code /SalesOrder} (any case)
     * @return            a copy of the stored record
     */
    synchronized Map<String, Object> put(String collection, Map<String, Object> fields) {
        String declared = declared(collection);
        return store(table(declared), declared, new LinkedHashMap<>(fields));
    }

    /** Copies of a list path's records (the seeded one first, on first use), by id. */
    synchronized List<Map<String, Object>> records(String collection) {
        List<Map<String, Object>> all = new ArrayList<>();
        table(declared(collection)).values().forEach(r -> all.add(RecordStore.copy(r)));
        return all;
    }

    private String declared(String collection) {
        String wanted = collection.startsWith("/") ? collection : "/" + collection;
        return description.templates().stream().filter(t -> t.equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Halo's description has no path " + collection));
    }

    private Map<String, Object> store(
            TreeMap<String, Map<String, Object>> table, String collection, Map<String, Object> fields) {
        Object id = fields.get("id");
        Map<String, Object> existing = id == null ? null : table.get(key(id.toString()));
        Map<String, Object> rec;
        if (existing != null) {
            Object keptId = existing.get("id");
            existing.putAll(fields);
            existing.put("id", keptId);
            rec = existing;
        } else {
            long next = nextId(collection);
            fields.put("id", next);
            table.put(key(Long.toString(next)), fields);
            rec = fields;
        }
        String stamp = stampField(collection, rec);
        if (stamp != null) {
            rec.put(stamp, HALO_TIME.format(clock.get().truncatedTo(ChronoUnit.MILLIS)));
        }
        return RecordStore.copy(rec);
    }

    /**
     * The field a write stamps: the last-modified field of the schema the collection's POST takes, else one such the
     * record carries; {@code null} when neither.
     */
    private String stampField(String collection, Map<String, Object> rec) {
        String schema = description.operation(collection, "POST").map(ApiDescription.Operation::bodySchema).orElse(null);
        if (schema != null) {
            String found = null;
            for (Map.Entry<String, JsonNode> p : description.properties(schema).entrySet()) {
                if ("date-time".equals(p.getValue().path("format").asText())
                        && LAST_MODIFIED_NAMES.matcher(p.getKey()).matches()
                        && (found == null || !found.startsWith("last") && p.getKey().startsWith("last"))) {
                    found = p.getKey();
                }
            }
            if (found != null) {
                return found;
            }
        }
        return rec.keySet().stream().filter(k -> LAST_MODIFIED_NAMES.matcher(k).matches()).findFirst().orElse(null);
    }

    /** Whether a record's stamp is at or after {@code from} (inclusive, as for the 22); a record without one is not. */
    private boolean stampedSince(String collection, Map<String, Object> rec, String from) throws SandboxError {
        String field = stampField(collection, rec);
        Object stamp = field == null ? null : rec.get(field);
        if (stamp == null || stamp.toString().isBlank()) {
            return false;
        }
        try {
            return !HaloTime.parseUtc(stamp.toString()).isBefore(HaloTime.parseUtc(from));
        } catch (java.time.format.DateTimeParseException e) {
            throw SandboxError.badRequest("The value '" + from + "' is not valid for lastupdatefromdate.");
        }
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
