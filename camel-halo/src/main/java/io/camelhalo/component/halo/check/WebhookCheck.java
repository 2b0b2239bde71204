package io.camelhalo.component.halo.check;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelhalo.component.halo.api.HaloResource;
import io.camelhalo.component.halo.api.HaloWebhookFormat;

import static io.camelhalo.component.halo.check.TenantFinding.Verdict.CONFIRMED;
import static io.camelhalo.component.halo.check.TenantFinding.Verdict.CONTRADICTED;
import static io.camelhalo.component.halo.check.TenantFinding.Verdict.UNKNOWN;

/**
 * The webhook part of the tenant check, on replies already read (read-only): the tenant's webhooks from
 * {@code GET /Webhook} (authentication type, events, payload type of each) and its delivery log from
 * {@code GET /WebhookEvent}, each stored {@code requestbody} fed to halo-webhook's parser ({@link HaloWebhookFormat})
 * so a delivery it cannot read is reported with the reason. Bodies and headers are never printed: they hold customer
 * data and (masked) credentials.
 */
final class WebhookCheck {

    static final String RESOURCE = "webhooks";
    /** Deliveries read from the log: the most recent ones Halo answers for {@code count}. */
    static final int LOG_ENTRIES = 100;

    /** Halo's {@code authentication_type} codes (docs/HALO-FACTS.md), for the report. */
    private static final Map<Integer, String> AUTHENTICATION = Map.of(
            0, "None", 1, "Basic", 2, "Bearer token", 3, "API key", 4, "Certificate");
    /** Halo's event numbers docs/HALO-FACTS.md has evidence for, for the report. */
    private static final Map<Integer, String> EVENTS = Map.of(
            3, "New Ticket Logged", 19, "Ticket Updated by User", 39, "Closed", 42, "1st SLA Warning",
            46, "2nd SLA Warning", 70, "Ticket Deadline", 76, "Ticket Status Changed", 1072, "Ticket Deleted");

    private WebhookCheck() {
    }

    /**
     * Findings about the webhooks {@code GET /Webhook} answered.
     *
     * @param status the reply's HTTP status
     * @param reply  the reply, or {@code null} when it was not JSON
     */
    static List<TenantFinding> webhooks(int status, JsonNode reply) {
        List<TenantFinding> out = new ArrayList<>();
        if (status != 200 || reply == null) {
            out.add(new TenantFinding(
                    RESOURCE, "webhooks listed", UNKNOWN,
                    "GET /Webhook answered HTTP " + status + (status == 403 ? " (the scope needs admin:webhooks)" : ""),
                    ""));
            return out;
        }
        JsonNode list = reply.isArray() ? reply : null;
        if (list == null) {
            out.add(new TenantFinding(
                    RESOURCE, "webhooks listed", CONTRADICTED, "expected a bare array, got " + shape(reply),
                    "register=true would not find its webhook again and add a second one on restart: report the shape"));
            return out;
        }
        out.add(new TenantFinding(RESOURCE, "webhooks listed", CONFIRMED, "a bare array of " + list.size(), ""));
        boolean passwordShown = false;
        for (JsonNode webhook : list) {
            out.add(webhook(webhook));
            passwordShown |= !webhook.path("basic_password").asText("").isEmpty();
        }
        out.add(passwordShown
                ? new TenantFinding(
                        RESOURCE, "secrets not listed", CONTRADICTED, "GET /Webhook shows basic_password",
                        "every reader with admin:webhooks sees the webhook's secret: rotate it and limit the scope")
                : new TenantFinding(
                        RESOURCE, "secrets not listed", list.isEmpty() ? UNKNOWN : CONFIRMED,
                        list.isEmpty() ? "no webhook configured" : "no webhook shows basic_password", ""));
        return out;
    }

    private static TenantFinding webhook(JsonNode webhook) {
        String fact = "webhook '" + webhook.path("name").asText("?") + "'";
        int auth = webhook.path("authentication_type").asInt(0);
        List<String> events = new ArrayList<>();
        for (JsonNode event : webhook.path("events")) {
            int no = event.path("eventno").asInt(-1);
            events.add(no + (EVENTS.containsKey(no) ? " " + EVENTS.get(no) : "")
                       + (event.hasNonNull("name") && !EVENTS.containsKey(no) ? " " + event.get("name").asText() : ""));
        }
        String detail = (webhook.path("active").asBoolean(true) ? "active" : "inactive (perhaps disabled after failures)")
                        + ", authentication " + auth + " (" + AUTHENTICATION.getOrDefault(auth, "unknown code") + ")"
                        + ", events " + events
                        + ", payload_type " + (webhook.hasNonNull("payload_type")
                                ? webhook.get("payload_type").asText()
                                : "not set")
                        + (webhook.path("custom_payload").asBoolean(false) ? ", custom payload" : "");
        if (events.isEmpty()) {
            return new TenantFinding(
                    RESOURCE, fact, CONTRADICTED, detail,
                    "Halo sends nothing for a webhook without events: add one in Halo, or register with the events option");
        }
        if (!AUTHENTICATION.containsKey(auth)) {
            return new TenantFinding(
                    RESOURCE, fact, CONTRADICTED, detail,
                    "an authentication code outside 0-4: report it (docs/HALO-FACTS.md, Webhooks)");
        }
        if (auth == 4) {
            return new TenantFinding(
                    RESOURCE, fact, UNKNOWN, detail, "halo-webhook does not check client certificates");
        }
        return new TenantFinding(RESOURCE, fact, CONFIRMED, detail, "");
    }

    /**
     * Findings about the delivery log {@code GET /WebhookEvent} answered: each stored request body through
     * {@link HaloWebhookFormat#parse}.
     */
    static List<TenantFinding> deliveryLog(int status, JsonNode reply) {
        if (status != 200 || reply == null) {
            return List.of(new TenantFinding(
                    RESOURCE, "deliveries readable", UNKNOWN,
                    "GET /WebhookEvent answered HTTP " + status + (status == 403 ? " (the scope needs admin:webhooks)" : ""),
                    ""));
        }
        JsonNode log = array(reply);
        if (log == null) {
            return List.of(new TenantFinding(
                    RESOURCE, "deliveries readable", UNKNOWN, "the delivery log is " + shape(reply) + ", not read",
                    "report the shape of GET /WebhookEvent (docs/HALO-FACTS.md, Webhooks)"));
        }
        int read = 0;
        Map<String, Integer> formats = new LinkedHashMap<>();
        List<String> unreadable = new ArrayList<>();
        for (JsonNode entry : log) {
            JsonNode body = entry.get("requestbody");
            if (body == null || !body.isTextual() || body.asText().isBlank()) {
                continue; // a lightweight log keeps no body
            }
            read++;
            try {
                List<HaloWebhookFormat.Item> items = HaloWebhookFormat.parse(
                        body.asText().getBytes(StandardCharsets.UTF_8), HaloResource.TICKETS, null);
                formats.merge(format(items), 1, Integer::sum);
            } catch (IllegalArgumentException e) {
                unreadable.add(entry.path("id").asText("?") + ": " + e.getMessage());
            }
        }
        if (read == 0) {
            return List.of(new TenantFinding(
                    RESOURCE, "deliveries readable", UNKNOWN, "no stored delivery body in the log", ""));
        }
        if (!unreadable.isEmpty()) {
            return List.of(new TenantFinding(
                    RESOURCE, "deliveries readable", CONTRADICTED,
                    unreadable.size() + " of " + read + " stored deliveries unreadable: "
                                                                   + String.join("; ", unreadable),
                    "halo-webhook answers these 400 and routes nothing (a custom payload needs recordIdField): "
                                                                                                    + "report the body shape (api/HaloWebhookFormat)"));
        }
        return List.of(new TenantFinding(
                RESOURCE, "deliveries readable", CONFIRMED, read + " of " + read + " stored deliveries read: " + formats
                                                            + (reply.isArray() ? "" : " (the log in " + shape(reply) + ")"),
                ""));
    }

    /** What kind of payload a parsed delivery was, for the report. */
    private static String format(List<HaloWebhookFormat.Item> items) {
        HaloWebhookFormat.Item first = items.get(0);
        String kind = first.deliveryId() == null && first.event() == null ? "bare record"
                : first.record() == null ? "event information only" : "record nested";
        return items.size() > 1 ? "batch of " + kind : kind;
    }

    /** The array of a list reply: a bare array, or the one array in an envelope object. */
    private static JsonNode array(JsonNode reply) {
        if (reply.isArray()) {
            return reply;
        }
        JsonNode found = null;
        for (JsonNode value : reply) {
            if (value.isArray()) {
                if (found != null) {
                    return null;
                }
                found = value;
            }
        }
        return found;
    }

    private static String shape(JsonNode reply) {
        if (reply.isArray()) {
            return "a bare array";
        }
        List<String> keys = new ArrayList<>();
        reply.fieldNames().forEachRemaining(keys::add);
        return "an object with keys " + keys;
    }
}
