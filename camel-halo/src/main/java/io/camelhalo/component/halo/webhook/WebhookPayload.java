package io.camelhalo.component.halo.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelhalo.component.halo.api.HaloJson;
import io.camelhalo.component.halo.api.HaloResource;
import io.camelhalo.component.halo.error.HaloApiException;

/**
 * What a delivery holds. Halo posts the record (the ticket, and the action where there is one), several as a JSON array
 * when it batches. The exact envelope is unverified (docs/HALO-FACTS.md), so a record wrapped under its resource's
 * singular name ({@code {"ticket": {...}, "action": {...}}}) is unwrapped too: that is the one place to change when a
 * tenant shows otherwise.
 */
final class WebhookPayload {

    private WebhookPayload() {
    }

    /**
     * The records of a parsed delivery body, in the order posted.
     *
     * @throws IllegalArgumentException when the body is neither a record nor an array of records
     */
    static List<Map<String, Object>> records(Object parsed, HaloResource resource) {
        List<Object> elements = parsed instanceof List<?> list ? new ArrayList<>(list) : List.of(parsed);
        List<Map<String, Object>> records = new ArrayList<>(elements.size());
        for (Object element : elements) {
            if (!(element instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("a delivery element that is not a JSON object");
            }
            Map<String, Object> record = HaloJson.toRecord(element);
            if (record.get(singular(resource)) instanceof Map<?, ?> wrapped) {
                record = HaloJson.toRecord(wrapped);
            }
            records.add(record);
        }
        return records;
    }

    /** {@code tickets} → {@code ticket}, {@code opportunities} → {@code opportunity}. */
    static String singular(HaloResource resource) {
        String name = resource.uriName();
        return name.endsWith("ies") ? name.substring(0, name.length() - 3) + "y"
                : name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    /** The record as Halo has it now, read by id (for a payload without the last-modified field). */
    static Map<String, Object> current(HaloWebhookEndpoint endpoint, Map<String, Object> record)
            throws InterruptedException, HaloApiException {
        HaloResource resource = endpoint.getResource();
        Map<String, Object> query = new LinkedHashMap<>();
        if (resource == HaloResource.ACTIONS) {
            query.put("ticket_id", record.get("ticket_id"));
        }
        Object id = record.get("id");
        Object json = endpoint.getConnection().httpClient().call("GET", resource,
                id instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(id)), query, null,
                Duration.ofMillis(endpoint.getConfiguration().getReadTimeout())).json();
        return HaloJson.toRecord(json);
    }
}
