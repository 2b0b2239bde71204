package io.camelhalo.component.halo.webhook;

import io.camelhalo.component.halo.HaloComponent;
import io.camelhalo.component.halo.HaloConfiguration;
import io.camelhalo.component.halo.HaloConstants;
import io.camelhalo.component.halo.HaloServiceLocation;
import io.camelhalo.component.halo.api.HaloResource;
import io.camelhalo.component.halo.client.HaloConnection;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/**
 * Receives Halo's webhook deliveries through the runtime's platform HTTP server (Vert.x under Camel Main, the servlet
 * container under Spring Boot) and fires one exchange per changed record, with the headers halo-poll sets. A change
 * version (resource, id, last-modified) already delivered, by an earlier delivery, a re-send or a halo-poll route
 * sharing the idempotent repository, is dropped.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "halo-webhook", title = "Halo Webhook", syntax = "halo-webhook:resource",
             consumerOnly = true, category = { Category.API, Category.CLOUD }, headersClass = HaloConstants.class)
public class HaloWebhookEndpoint extends DefaultEndpoint implements HaloServiceLocation {

    /** The largest delivery body accepted by default: 10 MiB, a batch of full ticket objects with room to spare. */
    static final long DEFAULT_MAX_BODY_SIZE = 10L * 1024 * 1024;
    /** Versions the default in-memory repository remembers. */
    static final int DEFAULT_MEMORY_SIZE = 10_000;

    @UriPath(enums = HaloResource.POLLABLE_URI_NAMES,
             description = "The Halo resource whose changes Halo posts, e.g. tickets")
    @Metadata(required = true)
    private HaloResource resource;
    @UriParam
    private HaloConfiguration configuration;
    @UriParam(label = "consumer")
    private String path;
    @UriParam(label = "consumer,security", secret = true)
    private String basicUsername;
    @UriParam(label = "consumer,security", secret = true)
    private String basicPassword;
    @UriParam(label = "consumer,security", secret = true)
    private String bearerToken;
    @UriParam(label = "consumer,security")
    private String apiKeyHeader;
    @UriParam(label = "consumer,security", secret = true)
    private String apiKey;
    @UriParam(label = "consumer,security", secret = true)
    private String signatureSecret;
    @UriParam(label = "consumer,security", defaultValue = "X-Halo-Signature")
    private String signatureHeader = "X-Halo-Signature";
    @UriParam(label = "consumer,security", defaultValue = "HmacSHA256")
    private String signatureAlgorithm = "HmacSHA256";
    @UriParam(label = "consumer,security", defaultValue = "hex", enums = "hex,base64")
    private String signatureEncoding = "hex";
    @UriParam(label = "consumer,security")
    private String signaturePrefix = "";
    @UriParam(label = "consumer,security", defaultValue = "false")
    private boolean allowUnauthenticated;
    @UriParam(label = "consumer")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "consumer")
    private String recordIdField;
    @UriParam(label = "consumer", defaultValue = "10485760")
    private long maxBodySize = DEFAULT_MAX_BODY_SIZE;
    @UriParam(label = "consumer", defaultValue = "10000", javaType = "java.time.Duration")
    private long inFlightWait = 10_000;
    @UriParam(label = "consumer", defaultValue = "true")
    private boolean skipOwnWrites = true;
    @UriParam(label = "consumer,registration", defaultValue = "false")
    private boolean register;
    @UriParam(label = "consumer,registration")
    private String events;

    @UriParam(label = "consumer,registration")
    private String webhookName;
    @UriParam(label = "consumer,registration")
    private String webhookUrl;
    @UriParam(label = "consumer,registration", defaultValue = "false")
    private boolean unregisterOnStop;

    private volatile HaloConnection connection; // opened lazily, read by the dev console
    private IdempotentRepository defaultIdempotentRepository;

    public HaloWebhookEndpoint(String uri, HaloWebhookComponent component, HaloResource resource,
                               HaloConfiguration configuration) {
        super(uri, component);
        this.resource = resource;
        this.configuration = configuration;
    }

    @Override
    public HaloWebhookComponent getComponent() {
        return (HaloWebhookComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException(
                "halo-webhook only receives changes; to write to Halo use halo:" + resource.uriName() + "/update");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        HaloWebhookConsumer consumer = new HaloWebhookConsumer(this, processor);
        HaloWebhookHealthCheck healthCheck = new HaloWebhookHealthCheck(consumer, this);
        healthCheck.setEnabled(getComponent().isHealthCheckConsumerEnabled());
        consumer.setHealthCheck(healthCheck);
        configureConsumer(consumer);
        return consumer;
    }

    /**
     * Checks the options before the route starts.
     *
     * @throws IllegalArgumentException naming the bad value and what is allowed
     */
    void validate() {
        if (!resource.pollable()) {
            throw new IllegalArgumentException(
                    "Halo resource '" + resource.uriName() + "' has no last-modified field, so its changes cannot be "
                                               + "told apart. Allowed: "
                                               + HaloResource.POLLABLE_URI_NAMES.replace(",", ", "));
        }
        if (!httpPath().startsWith("/")) {
            throw new IllegalArgumentException("Invalid path '" + path + "': it must start with /");
        }
        new WebhookAuthenticator(this); // fails on a missing half of a credential or a bad signature option
        if (maxBodySize < 1) {
            throw new IllegalArgumentException("Invalid maxBodySize " + maxBodySize + ": 1 or more bytes");
        }
        if (recordIdField != null && recordIdField.isBlank()) {
            throw new IllegalArgumentException("Invalid recordIdField '': the payload's field holding the record id");
        }
        if (register) {
            configuration.validate();
            if (WebhookRegistration.eventNumbers(events).isEmpty()) {
                throw new IllegalArgumentException(
                        "halo-webhook:" + resource.uriName() + " with register=true needs events: Halo delivers "
                                                   + "nothing for a webhook without an event. Set events to Halo's "
                                                   + "event numbers, comma separated (e.g. events=3,19)");
            }
            if (signatureSecret != null) {
                throw new IllegalArgumentException(
                        "signatureSecret cannot be used with register=true: Halo does not sign its deliveries (the "
                                                   + "signature is for a proxy in front of the route); register "
                                                   + "with basicUsername/basicPassword, bearerToken or "
                                                   + "apiKeyHeader/apiKey");
            }
            if (webhookUrl == null || !webhookUrl.matches("https?://.+")) {
                throw new IllegalArgumentException(
                        "Invalid webhookUrl '" + webhookUrl + "': register=true needs the public http(s) URL Halo "
                                                   + "posts to, e.g. https://camel.example.com" + httpPath());
            }
        }
    }

    /** The path the platform HTTP server serves deliveries on. */
    public String httpPath() {
        return path != null ? path : "/halo-webhook/" + resource.uriName();
    }

    /** The name the webhook is registered under in Halo (and found again by on restart). */
    public String registrationName() {
        return webhookName != null ? webhookName : "camel-halo " + resource.uriName() + " " + httpPath();
    }

    /** The idempotent repository in use: the configured one, or one in memory. */
    synchronized IdempotentRepository idempotentRepository() {
        if (idempotentRepository != null) {
            return idempotentRepository;
        }
        if (defaultIdempotentRepository == null) {
            defaultIdempotentRepository = MemoryIdempotentRepository.memoryIdempotentRepository(DEFAULT_MEMORY_SIZE);
        }
        return defaultIdempotentRepository;
    }

    /** The connection shared with every Halo endpoint of the same tenant and application. */
    public HaloConnection getConnection() {
        if (connection == null) {
            connection = getCamelContext().getComponent("halo", HaloComponent.class).connection(configuration);
        }
        return connection;
    }

    /** The connection if this endpoint has opened one (to register, or to read a record), else null. */
    public HaloConnection openedConnection() {
        return connection;
    }

    public HaloResource getResource() {
        return resource;
    }

    /** The Halo resource whose changes Halo posts, e.g. tickets. */
    public void setResource(HaloResource resource) {
        this.resource = resource;
    }

    public HaloConfiguration getConfiguration() {
        return configuration;
    }

    /** The connection configuration, used to register the webhook and to read a record a payload lacks. */
    public void setConfiguration(HaloConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getPath() {
        return path;
    }

    /**
     * The HTTP path deliveries are posted to on the platform HTTP server. Default: /halo-webhook/ and the resource,
     * e.g. /halo-webhook/tickets.
     */
    public void setPath(String path) {
        this.path = path;
    }

    public String getBasicUsername() {
        return basicUsername;
    }

    /** The user name Halo sends with Basic authentication (the webhook's basic_username). */
    public void setBasicUsername(String basicUsername) {
        this.basicUsername = basicUsername;
    }

    public String getBasicPassword() {
        return basicPassword;
    }

    /** The password Halo sends with Basic authentication (the webhook's basic_password). */
    public void setBasicPassword(String basicPassword) {
        this.basicPassword = basicPassword;
    }

    public String getBearerToken() {
        return bearerToken;
    }

    /**
     * The token Halo sends as {@code Authorization: Bearer <token>} (Halo's authentication type Bearer token); at least
     * 16 characters.
     */
    public void setBearerToken(String bearerToken) {
        this.bearerToken = bearerToken;
    }

    public String getApiKeyHeader() {
        return apiKeyHeader;
    }

    /**
     * The name of the header carrying the API key (Halo's authentication type API key, its authentication_header), e.g.
     * X-Api-Key; needs apiKey.
     */
    public void setApiKeyHeader(String apiKeyHeader) {
        this.apiKeyHeader = apiKeyHeader;
    }

    public String getApiKey() {
        return apiKey;
    }

    /** The API key Halo sends in apiKeyHeader; at least 16 characters. */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getRecordIdField() {
        return recordIdField;
    }

    /**
     * For a webhook with a custom payload: the top-level field of the payload that holds the record's id (the record is
     * then read from Halo by that id). Unset: Halo's own payloads (full object, small object, event information only).
     */
    public void setRecordIdField(String recordIdField) {
        this.recordIdField = recordIdField;
    }

    public long getMaxBodySize() {
        return maxBodySize;
    }

    /**
     * The largest delivery body accepted, in bytes; a larger one is answered 413, from its Content-Length before it is
     * read or once read. The HTTP server's own limit (camel.server.max-body-size on Vert.x) bounds what it buffers.
     */
    public void setMaxBodySize(long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    /**
     * Whether a version of a record that this same route's own write produced (a note it added, an update it made,
     * through a halo endpoint of the same connection) is skipped, so a route that writes back to the record it watches
     * does not feed on its own writes. Only a version whose last-modified stamp is known to be the one the write
     * produced is skipped: a change by anyone else, even in the same second, is delivered. Set false to receive them
     * too, marked with header CamelHaloOwnWrite=true.
     */
    public void setSkipOwnWrites(boolean skipOwnWrites) {
        this.skipOwnWrites = skipOwnWrites;
    }

    public boolean isSkipOwnWrites() {
        return skipOwnWrites;
    }

    public long getInFlightWait() {
        return inFlightWait;
    }

    /**
     * How long a delivery of a change that another delivery is still routing (a re-send, Halo's retry) waits for that
     * one's outcome; past it, the delivery is answered 503 with Retry-After, never 200 before the first is confirmed.
     */
    public void setInFlightWait(long inFlightWait) {
        this.inFlightWait = inFlightWait;
    }

    public String getEvents() {
        return events;
    }

    /**
     * The Halo events the registered webhook subscribes to, as Halo's event numbers or these names (numbers from a
     * published Halo client: NewTicketLogged 3, TicketUpdatedByUser 19, Closed 39, TicketStatusChanged 76,
     * TicketDeleted 1072, 1stSlaWarning 42, 2ndSlaWarning 46, TicketDeadline 70), comma separated (e.g. 3,19: New
     * Ticket Logged, Ticket Updated by User); required with register=true (Halo delivers nothing for a webhook without
     * an event).
     */
    public void setEvents(String events) {
        this.events = events;
    }

    public String getSignatureSecret() {
        return signatureSecret;
    }

    /**
     * The shared secret of the HMAC signature over the raw body; when set, a delivery without a valid one is refused.
     */
    public void setSignatureSecret(String signatureSecret) {
        this.signatureSecret = signatureSecret;
    }

    public String getSignatureHeader() {
        return signatureHeader;
    }

    /** The header carrying the signature a proxy in front of the route adds (Halo does not sign deliveries). */
    public void setSignatureHeader(String signatureHeader) {
        this.signatureHeader = signatureHeader;
    }

    public String getSignatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** The HMAC algorithm, a javax.crypto Mac name: HmacSHA256 (default), HmacSHA512, HmacSHA1. */
    public void setSignatureAlgorithm(String signatureAlgorithm) {
        this.signatureAlgorithm = signatureAlgorithm;
    }

    public String getSignatureEncoding() {
        return signatureEncoding;
    }

    /** How the signature is written: hex (default) or base64. */
    public void setSignatureEncoding(String signatureEncoding) {
        this.signatureEncoding = signatureEncoding;
    }

    public String getSignaturePrefix() {
        return signaturePrefix;
    }

    /** Text before the encoded signature in the header, e.g. sha256= (Halo's signature_prefix). Default: none. */
    public void setSignaturePrefix(String signaturePrefix) {
        this.signaturePrefix = signaturePrefix;
    }

    public boolean isAllowUnauthenticated() {
        return allowUnauthenticated;
    }

    /**
     * Accept deliveries with no authentication configured: only behind a gateway that authenticates Halo. Without it, a
     * route with no credential or secret set does not start.
     */
    public void setAllowUnauthenticated(boolean allowUnauthenticated) {
        this.allowUnauthenticated = allowUnauthenticated;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    /**
     * Remembers the change versions (resource, id, last-modified) delivered, so a retried, re-sent or already polled
     * change is dropped. Default: in memory (10000 versions). Use a persistent one (FileIdempotentRepository,
     * JdbcMessageIdRepository) to survive restarts, and give the same one to a halo-poll route of the resource.
     */
    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public boolean isRegister() {
        return register;
    }

    /**
     * Create (or update, found by webhookName) the webhook in Halo through its /Webhook API when the route starts,
     * pointing at webhookUrl with this endpoint's authentication. Needs the admin:webhooks scope.
     */
    public void setRegister(boolean register) {
        this.register = register;
    }

    public String getWebhookName() {
        return webhookName;
    }

    /** The name of the registered webhook in Halo. Default: camel-halo, the resource and the path. */
    public void setWebhookName(String webhookName) {
        this.webhookName = webhookName;
    }

    public String getWebhookUrl() {
        return webhookUrl;
    }

    /** The public URL Halo posts deliveries to (it reaches this endpoint's path); needed with register=true. */
    public void setWebhookUrl(String webhookUrl) {
        this.webhookUrl = webhookUrl;
    }

    public boolean isUnregisterOnStop() {
        return unregisterOnStop;
    }

    /**
     * Delete the registered webhook from Halo when the route stops (changes made while stopped are then not posted).
     */
    public void setUnregisterOnStop(boolean unregisterOnStop) {
        this.unregisterOnStop = unregisterOnStop;
    }
}
