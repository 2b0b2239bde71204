package io.camelhalo.sandbox;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import io.camelhalo.sandbox.SandboxResource.Filter;

/**
 * {@code GET /api/<Path>}: Halo's list semantics over a resource's records: filters, order, paging (with its quirks)
 * and the reply envelope.
 */
final class ListQuery {

    /** Without {@code pageinate=true} Halo returns the API agent's default page, silently truncated. */
    static final int DEFAULT_PAGE = 50;
    /** Halo caps {@code page_size} at 100 without saying so. */
    static final int MAX_PAGE_SIZE = 100;

    private static final List<String> SEARCH_FIELDS = List.of("summary", "name", "email", "emailaddress", "title");
    private static final long CLOSED_STATUS = 9;

    private ListQuery() {
    }

    /**
     * @param  records all records of the resource, ordered by id
     * @param  params  the query parameters, with case-insensitive names
     * @param  modes   the real-tenant modes on
     * @return         a bare list or an envelope map, ready to serialise
     */
    static Object run(
            SandboxResource r, List<Map<String, Object>> records, Map<String, String> params,
            Set<TenantMode> modes)
            throws SandboxError {
        var filters = r.filters();
        if (filters.contains(Filter.TICKET_ID_REQUIRED) && params.get("ticket_id") == null) {
            throw SandboxError.badRequest("ticket_id is required");
        }
        List<Predicate<Map<String, Object>>> tests = new ArrayList<>();
        if (filters.contains(Filter.UPDATED) && !modes.contains(TenantMode.UPDATED_FILTER_IGNORED)) {
            LocalDateTime from = dateParam(params, "lastupdatefromdate");
            LocalDateTime to = dateParam(params, "lastupdatetodate");
            if (from != null || to != null) {
                tests.add(rec -> {
                    Object stamp = rec.get(r.lastModifiedField());
                    if (stamp == null) {
                        return false;
                    }
                    LocalDateTime t = HaloTime.parseUtc(stamp.toString());
                    // both bounds inclusive (verify the upper one)
                    return (from == null || !t.isBefore(from)) && (to == null || !t.isAfter(to));
                });
            }
        }
        addEquality(tests, params, filters, Filter.CLIENT_ID, "client_id");
        addEquality(tests, params, filters, Filter.SITE_ID, "site_id");
        addEquality(tests, params, filters, Filter.USER_ID, "user_id");
        addEquality(tests, params, filters, Filter.TICKET_ID, "ticket_id");
        addEquality(tests, params, filters, Filter.SLA_ID, "slaid");
        if (filters.contains(Filter.OPEN_ONLY) && bool(params, "open_only")) {
            tests.add(rec -> !Objects.equals(RecordStore.asLong(rec.get("status_id")), CLOSED_STATUS));
        }
        String domain = params.get("domain");
        if (filters.contains(Filter.DOMAIN) && domain != null && !domain.isBlank()
                && !modes.contains(TenantMode.CLIENT_DOMAIN_IGNORED)) {
            String wanted = domain.trim();
            tests.add(rec -> rec.get("domain") != null && wanted.equalsIgnoreCase(rec.get("domain").toString().trim()));
        }
        String search = params.get("search");
        if (filters.contains(Filter.SEARCH) && search != null && !search.isEmpty()) {
            String needle = search.toLowerCase(Locale.ROOT);
            tests.add(rec -> SEARCH_FIELDS.stream()
                    .map(rec::get)
                    .anyMatch(v -> v != null && v.toString().toLowerCase(Locale.ROOT).contains(needle)));
        }

        if (modes.contains(TenantMode.INACTIVE_HIDDEN) && !bool(params, "includeinactive")) {
            tests.add(rec -> !Boolean.TRUE.equals(rec.get("inactive")));
        }

        List<Map<String, Object>> matched = new ArrayList<>();
        for (Map<String, Object> rec : records) {
            if (tests.stream().allMatch(t -> t.test(rec))) {
                matched.add(rec);
            }
        }

        String order = params.get("order");
        if (filters.contains(Filter.ORDER) && order != null && !order.isEmpty() && !"id".equalsIgnoreCase(order)
                && modes.contains(TenantMode.UNKNOWN_ORDER_REFUSED)) {
            throw SandboxError.badRequest("The value '" + order + "' is not valid for order.");
        }
        if (filters.contains(Filter.ORDER) && order != null && !order.isEmpty()
                && !modes.contains(TenantMode.ORDER_IGNORED)) {
            Comparator<Map<String, Object>> byField = Comparator.comparing(
                    (Map<String, Object> rec) -> rec.get(order), ListQuery::compareValues);
            Comparator<Map<String, Object>> c = byField.thenComparing(
                    rec -> RecordStore.asLong(rec.get("id")), Comparator.nullsFirst(Comparator.naturalOrder()));
            matched.sort(bool(params, "orderdesc") ? c.reversed() : c);
        }

        int total = matched.size();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("record_count", modes.contains(TenantMode.RECORD_COUNT_APPROXIMATE) ? Math.max(0, total - 1) : total);
        List<Map<String, Object>> page;
        if (r.paginated() && bool(params, "pageinate")) {
            int size = Math.min(intParam(params, "page_size", DEFAULT_PAGE), MAX_PAGE_SIZE);
            if (size < 1) {
                size = DEFAULT_PAGE;
            }
            int pageNo = Math.max(1, intParam(params, "page_no", 1));
            int lastPage = Math.max(1, (total + size - 1) / size);
            int served = Math.min(pageNo, lastPage); // past the end Halo repeats the last page
            page = matched.subList(Math.min(total, (served - 1) * size), Math.min(total, served * size));
            envelope.put("page_no", pageNo); // echoes the page asked for (verify)
            envelope.put("page_size", size);
        } else if (r.paginated()) {
            page = matched.subList(0, Math.min(total, DEFAULT_PAGE));
        } else if (filters.contains(Filter.COUNT) && params.get("count") != null) {
            page = matched.subList(0, Math.max(0, Math.min(total, intParam(params, "count", total))));
        } else {
            page = matched;
        }

        List<Map<String, Object>> items = new ArrayList<>(page);
        if (modes.contains(TenantMode.SLIM_LIST_ITEMS)) {
            items.replaceAll(ListQuery::listView);
        }
        if (r.envelopeKey() == null) {
            return items;
        }
        envelope.put(r.envelopeKey(), items);
        return envelope;
    }

    /** A list item as a slim list view shows it: only {@link TenantMode#LIST_VIEW_FIELDS}. */
    private static Map<String, Object> listView(Map<String, Object> rec) {
        Map<String, Object> slim = new LinkedHashMap<>();
        rec.forEach((k, v) -> {
            if (TenantMode.LIST_VIEW_FIELDS.contains(k)) {
                slim.put(k, v);
            }
        });
        return slim;
    }

    private static void addEquality(
            List<Predicate<Map<String, Object>>> tests, Map<String, String> params,
            java.util.Set<Filter> filters, Filter filter, String field)
            throws SandboxError {
        String raw = params.get(field);
        if (!filters.contains(filter) || raw == null || raw.isEmpty()) {
            return;
        }
        Long wanted = RecordStore.asLong(raw);
        if (wanted == null) {
            throw SandboxError.badRequest("The value '" + raw + "' is not valid for " + field + ".");
        }
        tests.add(rec -> wanted.equals(RecordStore.asLong(rec.get(field))));
    }

    /** Nulls first; numbers by value; text case-insensitively; mixed types by their text. */
    static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        return a.toString().compareToIgnoreCase(b.toString());
    }

    static boolean bool(Map<String, String> params, String name) {
        return "true".equalsIgnoreCase(params.get(name));
    }

    private static int intParam(Map<String, String> params, String name, int fallback) throws SandboxError {
        String raw = params.get(name);
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw SandboxError.badRequest("The value '" + raw + "' is not valid for " + name + ".");
        }
    }

    private static LocalDateTime dateParam(Map<String, String> params, String name) throws SandboxError {
        String raw = params.get(name);
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return HaloTime.parseUtc(raw);
        } catch (DateTimeParseException e) {
            throw SandboxError.badRequest("The value '" + raw + "' is not valid for " + name + ".");
        }
    }
}
