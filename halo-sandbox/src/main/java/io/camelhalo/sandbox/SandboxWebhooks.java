package io.camelhalo.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Halo's outbound webhooks: {@code /api/Webhook} (list, create or update by id, get and delete by id), the deliveries
 * after API writes, and the delivery log {@code /api/WebhookEvent}.
 *
 * <p>
 * As Halo sends ({@link WebhookPayloads#AS_HALO}): a write raises {@link HaloEvent}s; each active webhook that
 * subscribes to an event ({@code events[].eventno}) gets one payload for it, built when the event happens, in its
 * {@code payload_type} or as its custom payload ({@code custom_payload: true}). Payloads are posted in order by one
 * sender thread, one per delivery or up to {@code batchSize} as a JSON array when batching. A delivery answered non-2xx
 * (or not answered) is retried up to {@code maxAttempts} times; after {@code auto_disable_attempts} (default
 * {@link #DEFAULT_AUTO_DISABLE_ATTEMPTS}, 0 never) consecutive failed deliveries the webhook is set inactive and what
 * it had pending is dropped. Every delivery is kept in a log a test can re-send from, as a person re-sends from Halo's
 * Deliveries log. Halo's payload type codes, the small object's fields and the custom payload are unverified
 * (docs/HALO-FACTS.md): they are here, and only here.
 */
final class SandboxWebhooks {

    /** {@code payload_type} codes (unverified; a published client reads 0 as "Default"). */
    static final int PAYLOAD_FULL = 0;
    static final int PAYLOAD_SMALL = 1;
    static final int PAYLOAD_EVENT_ONLY = 2;
    /**
     * Consecutive failed deliveries before a webhook without {@code auto_disable_attempts} is disabled (unverified).
     */
    static final int DEFAULT_AUTO_DISABLE_ATTEMPTS = 5;
    /** Halo's default Closed status. */
    static final long CLOSED_STATUS = 9;
    /** The agent Halo names in {@code agent_id} for an API application's change (unverified). */
    static final int API_AGENT_ID = 1;
    /** The fields of a small object ("key fields only": which ones is unverified); never the last-modified field. */
    static final Set<String> SMALL_FIELDS = Set.of("id", "ticket_id", "summary", "name", "status_id", "client_id",
            "site_id", "user_id", "tickettype_id", "agent_id", "team_id", "outcome");
    /** Halo's delivery timestamp: UTC with seven fraction digits and Z, as a captured delivery shows it. */
    static final DateTimeFormatter DELIVERY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final ConformanceCheck conformance;
    private final RecordStore store;
    private final Supplier<Instant> now;
    private final WebhookSender sender = new WebhookSender();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "halo-sandbox-webhooks");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Map<String, Object>> webhooks = new LinkedHashMap<>(); // guarded by this
    private final Map<String, List<Pending>> pending = new LinkedHashMap<>(); // guarded by this
    private final Map<String, Integer> failures = new LinkedHashMap<>(); // guarded by this
    private final List<LogEntry> log = new ArrayList<>(); // guarded by this
    private int lastNotificationId; // guarded by this
    private volatile int batchSize = 1;
    private volatile Duration batchWindow = Duration.ZERO;
    private volatile int maxAttempts = 3;
    private volatile Duration retryDelay = Duration.ofMillis(100);
    private volatile int defaultAutoDisable = DEFAULT_AUTO_DISABLE_ATTEMPTS;
    private volatile WebhookPayloads mode = WebhookPayloads.AS_HALO;

    /** One payload waiting for its delivery, with what the log shows of it. */
    private record Pending(Object payload, Integer notificationId, Long entityId) {
    }

    /** A log entry with the fields of Halo's WebhookEvent the public record does not carry. */
    private record LogEntry(WebhookDelivery delivery, Integer notificationId, Long entityId) {
    }

    SandboxWebhooks(ConformanceCheck conformance, RecordStore store, Supplier<Instant> now) {
        this.conformance = conformance;
        this.store = store;
        this.now = now;
    }

    // ---- /api/Webhook ----------------------------------------------------------------------

    /** {@code /api/Webhook[/{id}]}: {@code segments} are the path's segments after {@code /api/}. */
    HttpReply handle(String method, String[] segments, String body) throws SandboxError {
        String id = segments.length == 2 ? segments[1] : null;
        synchronized (this) {
            switch (method) {
                case "GET":
                    if (id == null) {
                        return HttpReply.json(200, webhooks.values().stream().map(SandboxWebhooks::shown).toList());
                    }
                    Map<String, Object> one = webhooks.get(id);
                    if (one == null) {
                        throw SandboxError.notFound("Webhook not found");
                    }
                    return HttpReply.json(200, shown(one));
                case "POST":
                    if (id != null) {
                        break;
                    }
                    List<Map<String, Object>> saved = new ArrayList<>();
                    for (Map<String, Object> element : elements(body)) {
                        saved.add(shown(save(conformance.knownFields("/Webhook", element))));
                    }
                    return HttpReply.json(200, saved.size() == 1 ? saved.get(0) : saved);
                case "DELETE":
                    if (id == null || webhooks.remove(id) == null) {
                        throw SandboxError.notFound("Webhook not found");
                    }
                    pending.remove(id);
                    failures.remove(id);
                    return HttpReply.empty(200);
                default:
                    break;
            }
        }
        return notAllowed(method);
    }

    private Map<String, Object> save(Map<String, Object> fields) {
        Object id = fields.get("id");
        Map<String, Object> webhook = id == null ? null : webhooks.get(id.toString());
        if (webhook == null) {
            webhook = new LinkedHashMap<>();
            webhook.put("id", UUID.randomUUID().toString());
            webhook.put("active", true);
        }
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (!e.getKey().equals("id")) {
                webhook.put(e.getKey(), e.getValue());
            }
        }
        String webhookId = webhook.get("id").toString();
        if (fields.containsKey("events")) {
            webhook.put("events", events(fields.get("events"), webhookId));
        }
        if (Boolean.TRUE.equals(fields.get("active"))) {
            failures.remove(webhookId); // re-enabled by a person: counting starts again
        }
        webhooks.put(webhookId, webhook);
        return webhook;
    }

    /** The webhook's events as Halo keeps them: each a notification with its own id and the webhook's id. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> events(Object given, String webhookId) {
        List<Map<String, Object>> events = new ArrayList<>();
        if (given instanceof List<?> list) {
            for (Object element : list) {
                if (element instanceof Map<?, ?> m) {
                    Map<String, Object> event = new LinkedHashMap<>((Map<String, Object>) m);
                    Integer eventNo = integer(event.get("eventno"));
                    if (eventNo != null) {
                        event.put("eventno", eventNo);
                    }
                    if (integer(event.get("id")) == null || integer(event.get("id")) == 0) {
                        event.put("id", ++lastNotificationId);
                    }
                    event.put("webhook_id", webhookId);
                    HaloEvent.byNumber(eventNo == null ? -1 : eventNo)
                            .ifPresent(e -> event.putIfAbsent("name", e.displayName()));
                    events.add(event);
                }
            }
        }
        return events;
    }

    /** A webhook as the API answers it: without its password or secret. */
    private static Map<String, Object> shown(Map<String, Object> webhook) {
        Map<String, Object> copy = new LinkedHashMap<>(webhook);
        copy.remove("basic_password");
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> elements(String body) throws SandboxError {
        Object parsed;
        try {
            parsed = HttpReply.JSON.readValue(body, Object.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw SandboxError.badRequest("The request body is not valid JSON");
        }
        List<Map<String, Object>> elements = new ArrayList<>();
        for (Object element : parsed instanceof List<?> list ? list : List.of(parsed)) {
            if (!(element instanceof Map<?, ?>)) {
                throw SandboxError.badRequest("The request body must be a JSON array of webhooks");
            }
            elements.add(new LinkedHashMap<>((Map<String, Object>) element));
        }
        return elements;
    }

    // ---- /api/WebhookEvent -----------------------------------------------------------------

    /**
     * {@code GET /api/WebhookEvent[/{id}]}: the delivery log in Halo's WebhookEvent schema, newest first (order and the
     * bare-array reply are unverified); {@code webhook_id} filters, {@code count} keeps the first n.
     */
    HttpReply handleEvents(String method, String[] segments, Map<String, String> params) throws SandboxError {
        if (!method.equals("GET")) {
            return notAllowed(method);
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        synchronized (this) {
            for (int i = log.size() - 1; i >= 0; i--) {
                entries.add(webhookEvent(log.get(i)));
            }
        }
        if (segments.length == 2) {
            return HttpReply.json(200, entries.stream().filter(e -> e.get("id").equals(segments[1])).findFirst()
                    .orElseThrow(() -> SandboxError.notFound("WebhookEvent not found")));
        }
        String webhookId = params.get("webhook_id");
        Integer count = integer(params.get("count"));
        return HttpReply.json(200, entries.stream()
                .filter(e -> webhookId == null || webhookId.equalsIgnoreCase(String.valueOf(e.get("webhook_id"))))
                .limit(count == null || count < 1 ? Long.MAX_VALUE : count).toList());
    }

    private static Map<String, Object> webhookEvent(LogEntry entry) {
        WebhookDelivery d = entry.delivery();
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", d.id());
        e.put("webhook_id", d.webhookId());
        e.put("notification_id", entry.notificationId());
        e.put("timestamp", HaloTime.format(d.timestamp()));
        e.put("requestheaders", d.requestHeaders());
        e.put("requestbody", d.body());
        e.put("responsestatus", d.lastStatus() > 0 ? d.lastStatus() : null);
        e.put("responsebody", d.responseBody());
        e.put("entity_id", entry.entityId());
        e.put("error", !d.succeeded());
        return e;
    }

    // ---- deliveries ------------------------------------------------------------------------

    /**
     * Called after an API write with each record as it was before ({@code null}: created) and as saved: queues the
     * payloads of the events it raises for each active webhook that subscribes to them.
     */
    void written(SandboxResource resource, List<Map<String, Object>> before, List<Map<String, Object>> saved) {
        if (mode == WebhookPayloads.LEGACY_BARE_RECORD) {
            if (resource == SandboxResource.TICKETS) {
                synchronized (this) {
                    for (Map<String, Object> webhook : webhooks.values()) {
                        if (!Boolean.FALSE.equals(webhook.get("active"))) {
                            enqueue(webhook, saved.stream().map(r -> new Pending(r, null, id(r))).toList());
                        }
                    }
                }
            }
            return;
        }
        for (int i = 0; i < saved.size(); i++) {
            Map<String, Object> was = before.get(i);
            Map<String, Object> record = saved.get(i);
            switch (resource) {
                case TICKETS -> {
                    if (was == null) {
                        raise(HaloEvent.NEW_TICKET_LOGGED, record, null);
                    } else {
                        raise(HaloEvent.TICKET_UPDATED, record, null);
                        Long status = id(record.get("status_id"));
                        if (status != null && !status.equals(id(was.get("status_id")))) {
                            raise(HaloEvent.TICKET_STATUS_CHANGED, record, null);
                            if (status == CLOSED_STATUS) {
                                raise(HaloEvent.TICKET_CLOSED, record, null);
                            }
                        }
                    }
                }
                case ACTIONS -> {
                    Long ticketId = id(record.get("ticket_id"));
                    Map<String, Object> ticket = ticketId == null ? null : store.get(SandboxResource.TICKETS, 0, ticketId);
                    if (was == null && ticket != null) {
                        raise(HaloEvent.TICKET_UPDATED, ticket, record);
                    }
                }
                case CLIENTS -> raise(was == null ? HaloEvent.NEW_CLIENT : HaloEvent.CLIENT_UPDATED, record, null);
                default -> {
                }
            }
        }
    }

    /** Called after an API delete with the record as it was. */
    void deleted(SandboxResource resource, Map<String, Object> record) {
        if (mode == WebhookPayloads.AS_HALO && resource == SandboxResource.TICKETS) {
            raise(HaloEvent.TICKET_DELETED, record, null);
        }
    }

    /** Queues the event's payload for each active webhook subscribing to it. */
    private synchronized void raise(HaloEvent event, Map<String, Object> record, Map<String, Object> action) {
        Instant at = now.get();
        for (Map<String, Object> webhook : webhooks.values()) {
            if (Boolean.FALSE.equals(webhook.get("active"))) {
                continue;
            }
            Integer notificationId = subscription(webhook, event);
            if (notificationId != null) {
                enqueue(webhook, List.of(new Pending(
                        payload(webhook, event, notificationId, record, action, at),
                        notificationId, id(record))));
            }
        }
    }

    /** The id of the webhook's notification for the event, or {@code null} when it does not subscribe to it. */
    @SuppressWarnings("unchecked")
    private static Integer subscription(Map<String, Object> webhook, HaloEvent event) {
        if (webhook.get("events") instanceof List<?> events) {
            for (Object e : events) {
                if (e instanceof Map<?, ?> m && Integer.valueOf(event.eventNo()).equals(integer(m.get("eventno")))) {
                    Integer id = integer(((Map<String, Object>) m).get("id"));
                    return id == null ? 0 : id;
                }
            }
        }
        return null;
    }

    /** One event's payload as the webhook's payload type or custom payload says. */
    static Map<String, Object> payload(
            Map<String, Object> webhook, HaloEvent event, int notificationId,
            Map<String, Object> record, Map<String, Object> action, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        Object objectId = record.get("id");
        if (Boolean.TRUE.equals(webhook.get("custom_payload"))) {
            // the sandbox's custom payload (a person designs Halo's): the event, where the record is, and which
            body.put("event", event.deliveryText());
            body.put("record_id", action == null ? objectId : action.get("id"));
            body.put("resource", action == null ? event.resource() : SandboxResource.ACTIONS.resourceName());
            if (action != null) {
                body.put("ticket_id", objectId);
            }
            return body;
        }
        body.put("id", UUID.randomUUID().toString());
        body.put("webhook_id", webhook.get("id"));
        body.put("notification_id", notificationId);
        body.put("escmsg_id", UUID.randomUUID().toString()); // a GUID in the captured delivery
        body.put("event", event.deliveryText());
        body.put("message", message(event, objectId));
        body.put("object_id", objectId);
        body.put("agent_id", API_AGENT_ID);
        body.put("timestamp", DELIVERY_TIME.format(at));
        Integer payloadType = integer(webhook.get("payload_type"));
        int type = payloadType == null ? PAYLOAD_FULL : payloadType;
        if (type != PAYLOAD_EVENT_ONLY) {
            body.put(key(event.sandboxResource()), type == PAYLOAD_SMALL ? small(record) : record);
            if (action != null) {
                body.put(key(SandboxResource.ACTIONS), type == PAYLOAD_SMALL ? small(action) : action);
            }
        }
        return body;
    }

    /** The key a record is nested under in a payload: {@code ticket} for tickets, projects, opportunities, ... */
    static String key(SandboxResource r) {
        if (r.isTicketLike()) {
            return "ticket";
        }
        return switch (r) {
            case QUOTATIONS -> "quote";
            case CLIENTCONTRACTS -> "contract";
            case KBARTICLES -> "kbarticle";
            case PRIORITIES -> "priority";
            default -> {
                String name = r.resourceName();
                yield name.endsWith("ies") ? name.substring(0, name.length() - 3) + "y"
                        : name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
            }
        };
    }

    private static Map<String, Object> small(Map<String, Object> record) {
        Map<String, Object> small = new LinkedHashMap<>();
        record.forEach((k, v) -> {
            if (SMALL_FIELDS.contains(k)) {
                small.put(k, v);
            }
        });
        return small;
    }

    private static String message(HaloEvent event, Object objectId) {
        String number = objectId instanceof Number n ? String.format("%07d", n.longValue()) : String.valueOf(objectId);
        return event == HaloEvent.TICKET_STATUS_CHANGED
                ? "The status has been changed for Ticket ID: " + number + "." // as captured
                : event.displayName() + ": " + number + "."; // unverified
    }

    private void enqueue(Map<String, Object> webhook, List<Pending> payloads) {
        String id = webhook.get("id").toString();
        List<Pending> queue = pending.computeIfAbsent(id, k -> new ArrayList<>());
        boolean wasEmpty = queue.isEmpty();
        queue.addAll(payloads);
        if (queue.size() >= batchSize || batchWindow.isZero()) {
            thread.execute(() -> flush(id));
        } else if (wasEmpty) {
            thread.schedule(() -> flush(id), batchWindow.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Posts what is pending for a webhook, in deliveries of at most batchSize payloads (sender thread only). */
    private void flush(String webhookId) {
        while (true) {
            Map<String, Object> webhook;
            List<Pending> items;
            synchronized (this) {
                List<Pending> queue = pending.get(webhookId);
                webhook = webhooks.get(webhookId);
                if (queue == null || queue.isEmpty() || webhook == null) {
                    return;
                }
                int n = Math.min(queue.size(), batchSize);
                items = new ArrayList<>(queue.subList(0, n));
                queue.subList(0, n).clear();
            }
            Pending first = items.get(0);
            boolean one = batchSize == 1;
            Object body = one ? first.payload() : items.stream().map(Pending::payload).toList();
            String deliveryId = one && first.payload() instanceof Map<?, ?> m && m.get("id") instanceof String s
                    && s.length() == 36 ? s : UUID.randomUUID().toString();
            post(webhook, deliveryId, json(body), 0, one ? first.notificationId() : null,
                    one ? first.entityId() : null);
        }
    }

    /** One delivery with its retries, logged; counts towards auto-disable (sender thread only). */
    private WebhookDelivery post(
            Map<String, Object> webhook, String deliveryId, String body, int resentFrom,
            Integer notificationId, Long entityId) {
        WebhookPayloads current = mode;
        Instant at = now.get();
        List<Integer> statuses = new ArrayList<>();
        WebhookSender.Result result = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            result = sender.post(webhook, body, current);
            statuses.add(result.status());
            if (result.status() == 0 || WebhookDelivery.succeeded(result.status())) {
                break;
            }
            if (attempt < maxAttempts) {
                try {
                    Thread.sleep(retryDelay.toMillis()); // Halo's retry backoff, on the sender thread
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        synchronized (this) {
            WebhookDelivery delivery = new WebhookDelivery(
                    log.size() + 1, deliveryId, webhook.get("id").toString(), String.valueOf(webhook.get("url")), body,
                    resentFrom, List.copyOf(statuses), WebhookSender.logged(result.requestHeaders(), webhook),
                    result.responseBody(), at);
            log.add(new LogEntry(delivery, notificationId, entityId));
            if (current == WebhookPayloads.AS_HALO) {
                countTowardsAutoDisable(webhook, delivery);
            }
            return delivery;
        }
    }

    private void countTowardsAutoDisable(Map<String, Object> webhook, WebhookDelivery delivery) {
        String id = webhook.get("id").toString();
        if (delivery.succeeded()) {
            failures.remove(id);
            return;
        }
        if (delivery.lastStatus() == 0) {
            return; // not sent (not loopback): nothing failed
        }
        int failed = failures.merge(id, 1, Integer::sum);
        Integer configured = integer(webhook.get("auto_disable_attempts"));
        int limit = configured == null ? defaultAutoDisable : configured;
        if (limit > 0 && failed >= limit) {
            webhook.put("active", false);
            pending.remove(id);
        }
    }

    /** Re-sends a logged delivery to its webhook as configured now, after everything queued before; waits for it. */
    WebhookDelivery resend(int number) {
        LogEntry original;
        Map<String, Object> webhook;
        synchronized (this) {
            if (number < 1 || number > log.size()) {
                throw new IllegalArgumentException("no webhook delivery " + number + "; the log has 1 to " + log.size());
            }
            original = log.get(number - 1);
            webhook = webhooks.get(original.delivery().webhookId());
            if (webhook == null) {
                throw new IllegalArgumentException(
                        "webhook " + original.delivery().webhookId() + " of delivery " + number + " was deleted");
            }
        }
        try {
            return thread.submit(() -> post(webhook, UUID.randomUUID().toString(), original.delivery().body(), number,
                    original.notificationId(), original.entityId())).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while re-sending delivery " + number, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("re-sending delivery " + number + " failed", e.getCause());
        }
    }

    synchronized List<WebhookDelivery> deliveries() {
        return log.stream().map(LogEntry::delivery).toList();
    }

    synchronized List<Map<String, Object>> webhooks() {
        return webhooks.values().stream().map(LinkedHashMap::new).map(m -> (Map<String, Object>) m).toList();
    }

    void batching(int size, Duration window) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size " + size + ": 1 or more");
        }
        this.batchSize = size;
        this.batchWindow = window;
    }

    void retries(int attempts, Duration delay) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts " + attempts + ": 1 or more");
        }
        this.maxAttempts = attempts;
        this.retryDelay = delay;
    }

    void autoDisable(int consecutiveFailures) {
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("consecutive failures " + consecutiveFailures + ": 0 (never) or more");
        }
        this.defaultAutoDisable = consecutiveFailures;
    }

    void payloads(WebhookPayloads payloads) {
        this.mode = java.util.Objects.requireNonNull(payloads, "payloads");
    }

    void close() {
        thread.shutdownNow();
    }

    private static HttpReply notAllowed(String method) {
        return HttpReply.json(405, Map.of("Message",
                "The requested resource does not support http method '" + method + "'."));
    }

    private static Long id(Map<String, Object> record) {
        return id(record.get("id"));
    }

    private static Long id(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return value == null ? null : Long.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer integer(Object value) {
        Long l = id(value);
        return l == null ? null : l.intValue();
    }

    private static String json(Object value) {
        try {
            return HttpReply.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a delivery", e);
        }
    }
}
