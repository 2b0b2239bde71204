package io.camelhalo.component.halo.webhook;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelhalo.component.halo.api.HaloJson;
import io.camelhalo.component.halo.error.HaloApiException;
import io.camelhalo.component.halo.http.HaloHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates or updates the endpoint's webhook in Halo through {@code /Webhook} (found again by name, so a restart updates
 * the one it made instead of adding another) and deletes it on request. Halo's codes for {@code authentication_type},
 * {@code algorithm} and {@code digest} are unverified (docs/HALO-FACTS.md): they are here, and only here.
 */
final class WebhookRegistration {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRegistration.class);
    private static final String PATH = "Webhook";
    private static final String SCOPE = "admin:webhooks";

    // Halo's authentication_type codes, per a published Halo client (docs/HALO-FACTS.md): 0 None, 1 Basic, 2 Bearer
    // token, 3 API key, 4 Certificate. Halo does not sign deliveries: the signature options are for a proxy and are
    // refused with register=true. Where Halo keeps the Bearer token and the API key (basic_password) is unverified.
    static final int AUTH_NONE = 0;
    static final int AUTH_BASIC = 1;
    static final int AUTH_BEARER = 2;
    static final int AUTH_API_KEY = 3;
    // Halo's event numbers by name, as a published Halo client (run on real tenants) has them (docs/HALO-FACTS.md);
    // a name is written without case, spaces or dashes: NewTicketLogged, new-ticket-logged, ...
    static final Map<String, Integer> EVENT_NUMBERS = Map.of("newticketlogged", 3, "ticketupdatedbyuser", 19,
            "closed", 39, "1stslawarning", 42, "2ndslawarning", 46, "ticketdeadline", 70, "ticketstatuschanged", 76,
            "ticketdeleted", 1072);
    // how a notification event reaches a webhook (UnameNotification.delivery_method), per a published Halo client
    static final int DELIVERY_METHOD_WEBHOOK = 6;

    private final HaloWebhookEndpoint endpoint;
    private final HaloHttpClient client;
    private final Duration timeout;
    private String id;
    private volatile boolean registered; // read by the health check's thread

    WebhookRegistration(HaloWebhookEndpoint endpoint) {
        this.endpoint = endpoint;
        this.client = endpoint.getConnection().httpClient();
        this.timeout = Duration.ofMillis(endpoint.getConfiguration().getReadTimeout());
    }

    /** Creates the webhook, or updates the one of the same name. */
    void register() throws InterruptedException, HaloApiException, IOException {
        String name = endpoint.registrationName();
        Map<String, Object> webhook = fields(name);
        String existing = findByName(name);
        if (existing != null) {
            webhook.put("id", existing);
        }
        Object saved = client.call("POST", PATH, SCOPE, Map.of(), HaloJson.write(List.of(webhook)), timeout).json();
        List<Map<String, Object>> records = HaloJson.toRecords(saved);
        id = records.isEmpty() ? existing : String.valueOf(records.get(0).get("id"));
        LOG.info("{} Halo webhook '{}' ({}) posting to {}", existing == null ? "Created" : "Updated", name, id,
                endpoint.getWebhookUrl());
        registered = true;
        checkEventsKept(name);
    }

    /** Reads the webhook back: one Halo kept without an event delivers nothing, which a route should not hide. */
    private void checkEventsKept(String name) throws InterruptedException, HaloApiException {
        for (Map<String, Object> webhook : HaloJson.toRecords(
                client.call("GET", PATH, SCOPE, Map.of(), null, timeout).json())) {
            if (name.equals(webhook.get("name"))) {
                if (!(webhook.get("events") instanceof List<?> kept) || kept.isEmpty()) {
                    LOG.warn("Halo kept the webhook '{}' without any event: it will deliver nothing. Check the event "
                             + "numbers of the events option ({}) against the tenant's notification events",
                            name, endpoint.getEvents());
                }
                return;
            }
        }
        LOG.warn("The webhook '{}' is not in Halo's list right after it was saved", name);
    }

    /** The event numbers of the events option (numbers or known names, comma separated), in order, without blanks. */
    static List<Integer> eventNumbers(String events) {
        List<Integer> numbers = new ArrayList<>();
        if (events == null) {
            return numbers;
        }
        for (String part : events.split(",")) {
            String number = part.strip();
            if (number.isEmpty()) {
                continue;
            }
            Integer named = EVENT_NUMBERS.get(number.toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_-]", ""));
            if (named != null) {
                numbers.add(named);
                continue;
            }
            try {
                numbers.add(Integer.valueOf(number));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "Invalid event '" + number + "' in events: Halo's event numbers, or the names "
                                                   + new java.util.TreeSet<>(EVENT_NUMBERS.keySet())
                                                   + ", comma separated (e.g. 3,19 or NewTicketLogged,TicketStatusChanged)");
            }
        }
        return numbers;
    }

    /** Deletes the webhook this registration made or updated. */
    void remove() throws InterruptedException, HaloApiException {
        if (id != null) {
            client.call("DELETE", PATH + "/" + id, SCOPE, Map.of(), null, timeout);
            LOG.info("Deleted Halo webhook '{}' ({})", endpoint.registrationName(), id);
            id = null;
        }
        registered = false;
    }

    /** Whether {@link #register()} succeeded and {@link #remove()} has not deleted the webhook since. */
    boolean isRegistered() {
        return registered;
    }

    private String findByName(String name) throws InterruptedException, HaloApiException {
        for (Map<String, Object> webhook : HaloJson.toRecords(client.call("GET", PATH, SCOPE, Map.of(), null, timeout)
                .json())) {
            if (name.equals(webhook.get("name"))) {
                return String.valueOf(webhook.get("id"));
            }
        }
        return null;
    }

    /**
     * The webhook as Halo's Webhook schema has it: URL, JSON, active, the events it subscribes to, and how Halo
     * authenticates its deliveries.
     */
    private Map<String, Object> fields(String name) {
        Map<String, Object> webhook = new LinkedHashMap<>();
        webhook.put("name", name);
        webhook.put("url", endpoint.getWebhookUrl());
        webhook.put("content_type", "application/json");
        webhook.put("active", true);
        List<Map<String, Object>> events = new ArrayList<>();
        for (Integer number : eventNumbers(endpoint.getEvents())) {
            events.add(Map.of("eventno", number, "delivery_method", DELIVERY_METHOD_WEBHOOK));
        }
        webhook.put("events", events);
        // no payload_type: its codes are contradicted between sources (docs/HALO-FACTS.md), and every payload type is
        // read, so Halo's default (or what an administrator chooses) is taken as it is
        if (endpoint.getBearerToken() != null) {
            webhook.put("authentication_type", AUTH_BEARER);
            webhook.put("basic_password", endpoint.getBearerToken()); // where Halo keeps the token: unverified
        } else if (endpoint.getApiKeyHeader() != null) {
            webhook.put("authentication_type", AUTH_API_KEY);
            webhook.put("authentication_header", endpoint.getApiKeyHeader());
            webhook.put("basic_password", endpoint.getApiKey()); // where Halo keeps the key: unverified
        } else if (endpoint.getBasicUsername() != null) {
            webhook.put("authentication_type", AUTH_BASIC);
            webhook.put("basic_username", endpoint.getBasicUsername());
            webhook.put("basic_password", endpoint.getBasicPassword());
        } else {
            webhook.put("authentication_type", AUTH_NONE);
        }
        return webhook;
    }
}
