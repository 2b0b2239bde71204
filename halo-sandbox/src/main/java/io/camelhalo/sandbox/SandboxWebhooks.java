package io.camelhalo.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Halo's outbound webhooks: {@code /api/Webhook} (list, create or update by id, get and delete by id) and, after every
 * API write of tickets (Halo's webhook events are notification rules such as "New Ticket Logged" and "Ticket Updated"),
 * a delivery of the saved records to each active webhook: one record per delivery, or up to {@code batchSize} records
 * as an array when batching, posted in order by one sender thread; a non-2xx answer is retried up to
 * {@code maxAttempts} times. Every delivery is kept in a log a test can re-send from, as a person re-sends from Halo's
 * Deliveries log.
 */
final class SandboxWebhooks {

    private final ConformanceCheck conformance;
    private final WebhookSender sender = new WebhookSender();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "halo-sandbox-webhooks");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Map<String, Object>> webhooks = new LinkedHashMap<>(); // guarded by this
    private final Map<String, List<Map<String, Object>>> pending = new LinkedHashMap<>(); // guarded by this
    private final List<WebhookDelivery> log = new ArrayList<>(); // guarded by this
    private volatile int batchSize = 1;
    private volatile Duration batchWindow = Duration.ZERO;
    private volatile int maxAttempts = 3;
    private volatile Duration retryDelay = Duration.ofMillis(100);

    SandboxWebhooks(ConformanceCheck conformance) {
        this.conformance = conformance;
    }

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
                    return HttpReply.empty(200);
                default:
                    break;
            }
        }
        return HttpReply.json(405, Map.of("Message",
                "The requested resource does not support http method '" + method + "'."));
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
        webhooks.put(webhook.get("id").toString(), webhook);
        return webhook;
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

    /** Called after an API write: queues the saved records for each active webhook, if the resource is watched. */
    void changed(SandboxResource resource, List<Map<String, Object>> saved) {
        if (resource != SandboxResource.TICKETS) {
            return;
        }
        synchronized (this) {
            for (Map<String, Object> webhook : webhooks.values()) {
                if (Boolean.FALSE.equals(webhook.get("active"))) {
                    continue;
                }
                String id = webhook.get("id").toString();
                List<Map<String, Object>> queue = pending.computeIfAbsent(id, k -> new ArrayList<>());
                boolean wasEmpty = queue.isEmpty();
                queue.addAll(saved);
                if (queue.size() >= batchSize || batchWindow.isZero()) {
                    thread.execute(() -> flush(id));
                } else if (wasEmpty) {
                    thread.schedule(() -> flush(id), batchWindow.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    /** Posts what is pending for a webhook, in deliveries of at most batchSize records (sender thread only). */
    private void flush(String webhookId) {
        while (true) {
            Map<String, Object> webhook;
            List<Map<String, Object>> records;
            synchronized (this) {
                List<Map<String, Object>> queue = pending.get(webhookId);
                webhook = webhooks.get(webhookId);
                if (queue == null || queue.isEmpty() || webhook == null) {
                    return;
                }
                int n = Math.min(queue.size(), batchSize);
                records = new ArrayList<>(queue.subList(0, n));
                queue.subList(0, n).clear();
            }
            post(webhook, json(batchSize == 1 ? records.get(0) : records), 0);
        }
    }

    /** One delivery with its retries, logged (sender thread only). */
    private WebhookDelivery post(Map<String, Object> webhook, String body, int resentFrom) {
        List<Integer> statuses = new ArrayList<>();
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            int status = sender.post(webhook, body);
            statuses.add(status);
            if (status == 0 || status >= 200 && status < 300) {
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
                    log.size() + 1, webhook.get("id").toString(),
                    String.valueOf(webhook.get("url")), body, resentFrom, List.copyOf(statuses));
            log.add(delivery);
            return delivery;
        }
    }

    /** Re-sends a logged delivery to its webhook as configured now, after everything queued before; waits for it. */
    WebhookDelivery resend(int number) {
        WebhookDelivery original;
        Map<String, Object> webhook;
        synchronized (this) {
            if (number < 1 || number > log.size()) {
                throw new IllegalArgumentException("no webhook delivery " + number + "; the log has 1 to " + log.size());
            }
            original = log.get(number - 1);
            webhook = webhooks.get(original.webhookId());
            if (webhook == null) {
                throw new IllegalArgumentException(
                        "webhook " + original.webhookId() + " of delivery " + number
                                                   + " was deleted");
            }
        }
        try {
            return thread.submit(() -> post(webhook, original.body(), number)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while re-sending delivery " + number, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("re-sending delivery " + number + " failed", e.getCause());
        }
    }

    synchronized List<WebhookDelivery> deliveries() {
        return List.copyOf(log);
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

    void close() {
        thread.shutdownNow();
    }

    private static String json(Object value) {
        try {
            return HttpReply.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a delivery", e);
        }
    }
}
