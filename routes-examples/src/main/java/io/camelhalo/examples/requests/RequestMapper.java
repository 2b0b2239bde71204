package io.camelhalo.examples.requests;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads an external request (JSON, or an HTML form's fields) into a {@link TicketRequest}. Fields: {@code summary}
 * (required), {@code details}, {@code client_id} (else the default client), the request fields named in the
 * custom-field map (each becomes a Halo custom field), and optionally {@code filename} with {@code data_base64}.
 * Anything malformed fails with {@link IllegalArgumentException} saying what is wrong.
 */
public class RequestMapper {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final long defaultClientId;
    private final Map<String, Long> customFieldIds;

    /** @param customFields request field → Halo custom field id, as {@code department:101,cost_centre:102} */
    public RequestMapper(long defaultClientId, String customFields) {
        this.defaultClientId = defaultClientId;
        this.customFieldIds = new LinkedHashMap<>();
        for (String pair : customFields.split(",")) {
            if (!pair.isBlank()) {
                String[] kv = pair.split(":");
                customFieldIds.put(kv[0].trim(), Long.valueOf(kv[1].trim()));
            }
        }
    }

    /** @param body a JSON text, or the fields of a form (platform-http reads a form into a Map) */
    @SuppressWarnings("unchecked")
    public TicketRequest map(Object body) {
        Map<String, Object> fields = body instanceof Map<?, ?> form
                ? (Map<String, Object>) form
                : json((String) body);
        Object summary = fields.get("summary");
        if (summary == null || summary.toString().isBlank()) {
            throw new IllegalArgumentException("summary is required");
        }
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("summary", summary.toString().trim());
        ticket.put("details", fields.getOrDefault("details", ""));
        ticket.put("client_id", clientId(fields.get("client_id")));
        List<Map<String, Object>> custom = new ArrayList<>();
        customFieldIds.forEach((name, id) -> {
            if (fields.get(name) != null) {
                custom.add(Map.of("id", id, "value", fields.get(name)));
            }
        });
        if (!custom.isEmpty()) {
            ticket.put("customfields", custom);
        }
        String filename = text(fields.get("filename"));
        String data = text(fields.get("data_base64"));
        if ((filename == null) != (data == null)) {
            throw new IllegalArgumentException("filename and data_base64 go together: send both or neither");
        }
        if (data != null) {
            try {
                Base64.getDecoder().decode(data);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("data_base64 is not base64: " + e.getMessage());
            }
        }
        return new TicketRequest(ticket, filename, data);
    }

    private long clientId(Object raw) {
        if (raw == null || raw.toString().isBlank()) {
            return defaultClientId;
        }
        try {
            return Long.parseLong(raw.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("client_id must be a number, not '" + raw + "'");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("the request body is empty; send JSON or a form");
        }
        try {
            Object parsed = JSON.readValue(body, Object.class);
            if (!(parsed instanceof Map)) {
                throw new IllegalArgumentException("the request body must be a JSON object");
            }
            return (Map<String, Object>) parsed;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(Object v) {
        return v == null || v.toString().isBlank() ? null : v.toString();
    }
}
