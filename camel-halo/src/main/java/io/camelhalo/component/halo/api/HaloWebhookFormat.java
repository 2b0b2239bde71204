package io.camelhalo.component.halo.api;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a Halo webhook delivery holds (docs/HALO-FACTS.md, "Webhooks"): the one place that knows the format.
 * <ul>
 * <li>Full and small object: an outer object ({@code id} of the delivery, {@code webhook_id}, {@code event},
 * {@code object_id}, {@code timestamp}, ...) with the record nested under its type's key ({@code ticket} for tickets,
 * projects and opportunities, {@code action}, {@code client}, ...).</li>
 * <li>Event information only: the outer object alone; the record is read by {@code object_id}.</li>
 * <li>Custom payload: the tenant's own JSON; the record's id is in the field the route names
 * ({@code recordIdField}).</li>
 * <li>Batches: a JSON array of any of them, oldest first.</li>
 * </ul>
 * The outer object's own {@code id} (a GUID) identifies the delivery, never the record. A bare record (the format
 * camel-halo assumed before) is still read.
 */
public final class HaloWebhookFormat {

    /** The outer object's fields; one of them marks an element as Halo's envelope rather than a bare record. */
    private static final List<String> ENVELOPE_FIELDS = List.of("webhook_id", "notification_id", "object_id", "event");

    /**
     * One change a delivery announces.
     *
     * @param record     the record as posted (full or small object), or {@code null} when the delivery holds none
     * @param recordId   the record's id (never the delivery's GUID)
     * @param event      Halo's event text (e.g. "New Ticket Logged"), or {@code null} when the payload has none
     * @param webhookId  the webhook's id, or {@code null}
     * @param deliveryId the delivery's own id (the outer GUID), or {@code null}
     * @param timestamp  when Halo raised the event, or {@code null}
     */
    public record Item(Map<String, Object> record, Object recordId, String event, String webhookId,
            String deliveryId, Instant timestamp) {
    }

    private HaloWebhookFormat() {
    }

    /**
     * The changes a delivery body announces, in the order posted.
     *
     * @param  recordIdField            for a custom payload, the top-level field holding the record's id; else
     *                                  {@code null}
     * @throws IllegalArgumentException saying why, when the body is not a delivery of {@code resource} that any retry
     *                                  could make readable
     */
    public static List<Item> parse(byte[] body, HaloResource resource, String recordIdField) {
        Object parsed;
        try {
            parsed = HaloJson.parse(body);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the body is not JSON");
        }
        List<?> elements = parsed instanceof List<?> list ? list : List.of(parsed == null ? "" : parsed);
        List<Item> items = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            if (!(elements.get(i) instanceof Map<?, ?> element)) {
                throw new IllegalArgumentException("element " + (i + 1) + " of the delivery is not a JSON object");
            }
            Item item = item(HaloJson.toRecord(element), resource, recordIdField);
            if (item.recordId() == null || item.recordId().toString().isBlank()) {
                throw new IllegalArgumentException(
                        "element " + (i + 1) + " of the delivery names no "
                                                   + resource.uriName() + " record"
                                                   + (recordIdField == null ? "" : " in '" + recordIdField + "'"));
            }
            items.add(item);
        }
        return items;
    }

    private static Item item(Map<String, Object> element, HaloResource resource, String recordIdField) {
        String event = text(element.get("event"));
        String webhookId = text(element.get("webhook_id"));
        Instant timestamp = HaloTimestamps.parse(element.get("timestamp"));
        if (recordIdField != null) {
            return new Item(null, element.get(recordIdField), event, webhookId, null, timestamp);
        }
        boolean envelope = ENVELOPE_FIELDS.stream().anyMatch(element::containsKey);
        if (!envelope) {
            return new Item(element, element.get("id"), null, null, null, null); // a bare record
        }
        String deliveryId = text(element.get("id"));
        if (element.get(recordKey(resource)) instanceof Map<?, ?> nested) {
            Map<String, Object> record = new LinkedHashMap<>(HaloJson.toRecord(nested));
            if (resource == HaloResource.ACTIONS && record.get("ticket_id") == null
                    && element.get("ticket") instanceof Map<?, ?> ticket) {
                record.put("ticket_id", ticket.get("id")); // an action is read per ticket
            }
            Object id = record.get("id") != null ? record.get("id") : element.get("object_id");
            return new Item(record, id, event, webhookId, deliveryId, timestamp);
        }
        return new Item(null, element.get("object_id"), event, webhookId, deliveryId, timestamp); // event only
    }

    /**
     * The key a record is nested under in a delivery: {@code ticket} for tickets, projects and opportunities (all
     * tickets in Halo), else the resource's singular ({@code action}, {@code client}, {@code quote}, ...).
     */
    public static String recordKey(HaloResource resource) {
        return switch (resource) {
            case TICKETS, PROJECTS, OPPORTUNITIES -> "ticket";
            case QUOTATIONS -> "quote";
            case CLIENT_CONTRACTS -> "contract";
            default -> singular(resource.uriName());
        };
    }

    /**
     * What Halo's event text says happened: {@code created}, {@code deleted} or {@code updated}; {@code null} when
     * there is no event to read. Halo names its events in words ("New Ticket Logged", "Ticket Updated", "Client
     * Deleted"), so the words decide (unverified beyond the events docs/HALO-FACTS.md lists).
     */
    public static String eventType(String event) {
        if (event == null || event.isBlank()) {
            return null;
        }
        String words = event.toLowerCase(Locale.ROOT);
        if (words.contains("delete") || words.contains("removed")) {
            return "deleted";
        }
        if (words.startsWith("new ") || words.contains("created") || words.contains("logged")
                || words.contains(" added")) {
            return "created";
        }
        return "updated";
    }

    private static String singular(String name) {
        return name.endsWith("ies") ? name.substring(0, name.length() - 3) + "y"
                : name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
