package io.camelhalo.component.halo.api;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The records a create or update sends: Halo takes a JSON array on {@code POST /api/<Path>} for both, where an element
 * with an id updates that record and one without creates a record. This class turns a message body (a Map, a JSON
 * String, a POJO or a List of them) into that array and enforces the rule that keeps the two apart: a create never
 * carries an id, and an update always does, so an update can never create a record by accident.
 *
 * @param records the records to send, in order
 * @param single  whether the body was one record (the reply is then one record too)
 */
public record HaloWrite(List<Map<String, Object>> records, boolean single) {

    /**
     * Reads the body and checks the ids for the operation.
     *
     * @param  body                     the message body
     * @param  operation                {@link HaloOperation#CREATE} or {@link HaloOperation#UPDATE}
     * @param  defaultId                the id from header or option, used for a single record without one (update)
     * @throws IllegalArgumentException when the body cannot be sent or an id is missing, wrong or not allowed
     */
    public static HaloWrite of(HaloResource resource, Object body, HaloOperation operation, Object defaultId) {
        HaloWrite write = read(body);
        for (int i = 0; i < write.records.size(); i++) {
            Map<String, Object> record = write.records.get(i);
            String where = write.single ? "the body" : "record " + i + " of the body";
            Object id = record.get("id");
            if (operation == HaloOperation.CREATE) {
                if (id != null && !isZero(id)) {
                    throw new IllegalArgumentException(
                            "create: " + where + " has id " + id + ", which would update that record in Halo. "
                                                       + "Remove the id to create a record, or use operation update");
                }
                record.remove("id");
            } else {
                if (id == null) {
                    if (!write.single || defaultId == null) {
                        throw new IllegalArgumentException(
                                "update: " + where + " has no id, and without one Halo would create a new record. "
                                                           + "Give the id in the body's 'id' field"
                                                           + (write.single ? ", header CamelHaloId or option id" : "")
                                                           + "; nothing was sent to Halo");
                    }
                    record.put("id", defaultId);
                } else {
                    Object bodyId = HaloIds.parse(resource, id, "field 'id' of " + where);
                    if (write.single && defaultId != null && !HaloIds.same(bodyId, defaultId)) {
                        throw new IllegalArgumentException(
                                "update: the body's id " + bodyId + " differs from the id " + defaultId
                                                           + " in header CamelHaloId / option id; give one of them");
                    }
                    record.put("id", bodyId);
                }
            }
        }
        return write;
    }

    private static boolean isZero(Object id) {
        return id instanceof Number n && n.longValue() == 0 || "0".equals(String.valueOf(id).trim());
    }

    /** Reads the body into records without checking ids (see {@link #of}). */
    public static HaloWrite read(Object body) {
        if (body == null) {
            throw new IllegalArgumentException(
                    "The message body is empty: create and update need a Map, a JSON String, a POJO or a List of them");
        }
        if (body instanceof byte[] bytes) {
            body = new String(bytes, StandardCharsets.UTF_8);
        }
        if (body instanceof CharSequence text) {
            body = parseJson(text.toString());
        }
        if (body instanceof Collection<?> || body.getClass().isArray()) {
            List<Map<String, Object>> records = new ArrayList<>();
            int i = 0;
            for (Object element : elements(body)) {
                records.add(toRecord(element, "record " + i++ + " of the body"));
            }
            if (records.isEmpty()) {
                throw new IllegalArgumentException("The message body is an empty list: there is nothing to send to Halo");
            }
            return new HaloWrite(records, false);
        }
        List<Map<String, Object>> records = new ArrayList<>();
        records.add(toRecord(body, "the body"));
        return new HaloWrite(records, true);
    }

    private static Object parseJson(String text) {
        String trimmed = text.strip();
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            throw new IllegalArgumentException(
                    "The message body is a String that is not a JSON object or array: '" + abbreviate(trimmed)
                                               + "'. Send a Map, a JSON String, a POJO or a List of them");
        }
        try {
            return HaloJson.MAPPER.readValue(trimmed, Object.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "The message body is not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + "): '"
                                               + abbreviate(trimmed) + "'",
                    e);
        }
    }

    private static List<Object> elements(Object body) {
        List<Object> elements = new ArrayList<>();
        if (body instanceof Collection<?> c) {
            elements.addAll(c);
        } else {
            for (int i = 0; i < Array.getLength(body); i++) {
                elements.add(Array.get(body, i));
            }
        }
        return elements;
    }

    private static Map<String, Object> toRecord(Object value, String where) {
        if (value == null || value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Collection<?> || value.getClass().isArray()) {
            throw new IllegalArgumentException(
                    where + " is " + (value == null
                            ? "null" : "a " + value.getClass().getSimpleName() + " (" + abbreviate(
                                    String.valueOf(value)) + ")")
                                               + ", not a record: each record must be a Map, a JSON object or a POJO");
        }
        try {
            return HaloJson.toRecord(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    where + " (a " + value.getClass().getName() + ") cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
