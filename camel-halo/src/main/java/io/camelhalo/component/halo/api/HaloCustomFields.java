package io.camelhalo.component.halo.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Halo replaces a record's whole {@code customfields} list on update: a list holding one field wipes the others
 * (docs/HALO-FACTS.md). {@link #merge} lays the fields to change over the record's current ones, matched by {@code id},
 * else by {@code name}, so the update sends the whole list.
 */
public final class HaloCustomFields {

    /** The record field holding the custom fields. */
    public static final String FIELD = "customfields";

    private HaloCustomFields() {
    }

    /** Whether a record to update changes custom fields. */
    public static boolean changes(Map<String, Object> record) {
        return record.get(FIELD) instanceof List<?> list && !list.isEmpty();
    }

    /**
     * The record's current custom fields with the changes laid over them: a change replaces the values of the field
     * with its id (or, without an id, its name) and keeps the field's other attributes; a change matching no field is
     * added.
     */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> merge(Object current, Object changes) {
        List<Map<String, Object>> merged = new ArrayList<>();
        if (current instanceof List<?> list) {
            list.forEach(f -> merged.add(new LinkedHashMap<>((Map<String, Object>) f)));
        }
        for (Object c : (List<?>) changes) {
            Map<String, Object> change = (Map<String, Object>) c;
            Map<String, Object> field = merged.stream().filter(f -> sameField(f, change)).findFirst().orElse(null);
            if (field == null) {
                merged.add(new LinkedHashMap<>(change));
            } else {
                field.putAll(change);
            }
        }
        return merged;
    }

    private static boolean sameField(Map<String, Object> field, Map<String, Object> change) {
        if (change.get("id") != null && field.get("id") != null) {
            return String.valueOf(change.get("id")).equals(String.valueOf(field.get("id")));
        }
        return change.get("name") != null && Objects.equals(field.get("name"), change.get("name"));
    }
}
