package io.camelhalo.component.halo.webhook;

import java.io.IOException;
import java.time.Duration;
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

    // Halo's authentication_type codes, per a published Halo client: 0 None, 1 Basic, 2 Bearer token, 3 API key,
    // 4 Certificate (docs/HALO-FACTS.md). Halo is not known to sign deliveries: the header and signature modes are
    // this component's own and have no code of Halo's yet; algorithm and digest codes are unverified.
    static final int AUTH_NONE = 0;
    static final int AUTH_BASIC = 1;
    static final int AUTH_HEADER = 2;
    static final int AUTH_SIGNATURE = 3;
    static final int ALGORITHM_HMAC_SHA256 = 1;
    static final int ALGORITHM_HMAC_SHA512 = 2;
    static final int DIGEST_HEX = 0;
    static final int DIGEST_BASE64 = 1;

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

    /** The webhook as Halo's Webhook schema has it: URL, JSON, active, and how Halo authenticates its deliveries. */
    private Map<String, Object> fields(String name) {
        Map<String, Object> webhook = new LinkedHashMap<>();
        webhook.put("name", name);
        webhook.put("url", endpoint.getWebhookUrl());
        webhook.put("content_type", "application/json");
        webhook.put("active", true);
        if (endpoint.getSignatureSecret() != null) {
            webhook.put("authentication_type", AUTH_SIGNATURE);
            webhook.put("basic_password", endpoint.getSignatureSecret()); // where Halo keeps the secret: unverified
            webhook.put("authentication_header", endpoint.getSignatureHeader());
            webhook.put("algorithm", endpoint.getSignatureAlgorithm().equalsIgnoreCase("HmacSHA512")
                    ? ALGORITHM_HMAC_SHA512 : ALGORITHM_HMAC_SHA256);
            webhook.put("digest", endpoint.getSignatureEncoding().equalsIgnoreCase("base64") ? DIGEST_BASE64 : DIGEST_HEX);
            webhook.put("signature_prefix", endpoint.getSignaturePrefix());
        } else if (endpoint.getTokenHeader() != null) {
            webhook.put("authentication_type", AUTH_HEADER);
            webhook.put("authentication_header", endpoint.getTokenHeader() + ": " + endpoint.getToken());
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
