package io.camelhalo.component.halo.webhook;

import java.time.Duration;
import java.util.LinkedHashMap;
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
final class CurrentRecord {

    private CurrentRecord() {
    }

    /** The record as Halo has it now, read by id (for a payload without the last-modified field). */
    static Map<String, Object> read(HaloWebhookEndpoint endpoint, Map<String, Object> record)
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
