package io.camelhalo.component.halo.lookup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.camelhalo.component.halo.api.HaloIds;
import io.camelhalo.component.halo.api.HaloNameField;
import io.camelhalo.component.halo.api.HaloNames;
import io.camelhalo.component.halo.api.HaloResource;
import io.camelhalo.component.halo.error.HaloValidationException;

/**
 * Names instead of ids: before a write, each of Halo's own name fields given without its id (the table
 * {@link HaloNameField}) is looked up in Halo's list, case-insensitively and exactly, and the id put in its place. An
 * unknown or ambiguous name fails with {@link HaloValidationException} (status 0) naming the value and the closest
 * names Halo has, before anything is sent. A name not in a cached list makes the list be read once more.
 */
public final class HaloNameResolver {

    private static final int CANDIDATES_SHOWN = 5;

    private final HaloLookupCache cache;

    public HaloNameResolver(HaloLookupCache cache) {
        this.cache = cache;
    }

    /**
     * Resolves the names in {@code records} in place.
     *
     * @param resource the resource written
     * @param records  the records about to be sent
     * @param ttl      how old a cached list may be
     */
    public void resolve(HaloResource resource, List<Map<String, Object>> records, Duration ttl) throws Exception {
        List<HaloNameField> fields = HaloNameField.on(resource);
        if (fields.isEmpty()) {
            return;
        }
        for (Map<String, Object> record : records) {
            for (HaloNameField field : fields) {
                resolve(resource, record, field, ttl);
            }
        }
    }

    private void resolve(HaloResource resource, Map<String, Object> record, HaloNameField field, Duration ttl)
            throws Exception {
        Object given = record.get(field.nameField());
        if (given == null || given.toString().isBlank()
                || (field.idField() != null && record.get(field.idField()) != null)) {
            return; // no name, or an id beside it: Halo's own rules apply
        }
        String name = given.toString().trim();
        Map<String, Object> query = new LinkedHashMap<>();
        if (field.scopeField() != null && record.get(field.scopeField()) != null) {
            query.put(field.scopeParameter(),
                    HaloIds.parse(record.get(field.scopeField()), "field " + field.scopeField()));
        }
        if (field.searched()) {
            query.put("search", name);
        }
        HaloLookupCache.Lookup lookup = cache.list(field.listedResource(), query, ttl);
        List<Map<String, Object>> listed = lookup.records();
        Set<Object> ids = matchingIds(listed, name, field);
        if (ids.isEmpty() && !lookup.fresh()) {
            listed = cache.reload(field.listedResource(), query); // added in Halo since the list was read?
            ids = matchingIds(listed, name, field);
        }
        if (ids.size() != 1) {
            throw HaloValidationException.refused("POST", "/api/" + resource.path(), problem(field, name, query, ids,
                    listed));
        }
        if (field.idField() == null) {
            record.put(field.nameField(), exactName(listed, name)); // Halo's own spelling of it
        } else {
            record.remove(field.nameField());
            record.put(field.idField(), ids.iterator().next());
        }
    }

    private static Set<Object> matchingIds(List<Map<String, Object>> listed, String name, HaloNameField field) {
        Set<Object> ids = new LinkedHashSet<>();
        for (Map<String, Object> rec : listed) {
            if (rec.get("name") != null && rec.get("name").toString().trim().equalsIgnoreCase(name)) {
                Object id = rec.get(field.listedIdField());
                ids.add(id instanceof Number n ? (Object) n.longValue() : id);
            }
        }
        return ids;
    }

    private static String exactName(List<Map<String, Object>> listed, String name) {
        return listed.stream().map(r -> r.get("name")).filter(n -> n != null && n.toString().trim().equalsIgnoreCase(name))
                .map(n -> n.toString().trim()).findFirst().orElse(name);
    }

    private static String problem(
            HaloNameField field, String name, Map<String, Object> query, Set<Object> ids,
            List<Map<String, Object>> listed) {
        String where = field.listedResource().uriName() + (query.containsKey(field.scopeParameter())
                ? " with " + field.scopeParameter() + "=" + query.get(field.scopeParameter()) : "");
        if (ids.size() > 1) {
            return field.nameField() + " '" + name + "' is ambiguous: " + ids.size() + " " + where + " have that name "
                   + "(" + field.listedIdField() + " " + ids + ")" + (field.scopeField() != null
                           ? "; set " + field.scopeField() + " to narrow it, or " : "; ")
                   + (field.idField() == null ? "rename one in Halo" : "give " + field.idField() + " instead");
        }
        List<String> names = listed.stream().map(r -> r.get("name")).filter(n -> n != null)
                .map(n -> n.toString().trim()).distinct().collect(Collectors.toCollection(ArrayList::new));
        String lower = name.toLowerCase(Locale.ROOT);
        names.sort(Comparator.comparingInt((String n) -> HaloNames.distance(lower, n.toLowerCase(Locale.ROOT)))
                .thenComparing(Comparator.naturalOrder()));
        String closest = names.isEmpty()
                ? "none listed" : String.join(", ", names.subList(0, Math.min(CANDIDATES_SHOWN,
                        names.size())));
        return "unknown " + field.nameField() + " '" + name + "': no " + where + " has that name (matched without "
               + "regard to case); closest: " + closest;
    }
}
