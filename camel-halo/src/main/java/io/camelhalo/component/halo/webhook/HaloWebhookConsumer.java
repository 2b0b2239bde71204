package io.camelhalo.component.halo.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.camelhalo.component.halo.HaloConstants;
import io.camelhalo.component.halo.api.HaloResource;
import io.camelhalo.component.halo.api.HaloWebhookFormat;
import io.camelhalo.component.halo.change.ChangeDelivery;
import io.camelhalo.component.halo.change.HaloChange;
import io.camelhalo.component.halo.change.OwnWrites;
import io.camelhalo.component.halo.error.HaloNotFoundException;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one path on the platform HTTP server. For each delivery: check Halo's credentials before the body is read
 * (401, nothing routed) and the body's size (413); read the changes it announces in any of Halo's payload types
 * ({@link HaloWebhookFormat}; a body no retry can mend: 400, nothing routed); hand them one by one to the delivery step
 * both change paths share ({@link ChangeDelivery}), which drops a version already delivered; only then answer 200.
 * <p>
 * What Halo retries is answered with an error only where a retry can help: the route failed (500: the version is
 * released and Halo's retry, a re-send or the halo-poll safety net brings it again; the records before it are then
 * duplicates), Halo could not be read (503), or the same version is still being routed by an earlier delivery (503 with
 * Retry-After, never 200 before the first is confirmed). A record Halo no longer has is routed as its deletion; a
 * version older than one already routed for that record is acknowledged and not routed.
 */
public class HaloWebhookConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(HaloWebhookConsumer.class);

    private final HaloWebhookEndpoint endpoint;
    private final HaloResource resource;
    private WebhookAuthenticator authenticator;
    private ChangeDelivery delivery;
    private Consumer httpConsumer;
    private WebhookRegistration registration;
    private final NewestRouted newestRouted = new NewestRouted(HaloWebhookEndpoint.DEFAULT_MEMORY_SIZE);

    public HaloWebhookConsumer(HaloWebhookEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.resource = endpoint.getResource();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        authenticator = new WebhookAuthenticator(endpoint);
        IdempotentRepository repository = endpoint.idempotentRepository();
        ServiceHelper.startService(repository); // a FileIdempotentRepository loads its file here
        // no base URL, no connection: nothing this route writes to Halo can come back (and none is opened here)
        OwnWrites ownWrites = endpoint.getConfiguration().getBaseUrl() == null ? null : endpoint.getConnection().ownWrites();
        delivery = new ChangeDelivery(
                this, repository, "Halo is answered 500 so it delivers it again", ownWrites,
                endpoint.isSkipOwnWrites());
        try {
            httpConsumer = platformHttp().createConsumer(this::onDelivery);
            ServiceHelper.startService(httpConsumer);
        } catch (Exception e) {
            throw new IllegalStateException(noHttpServer(e), e);
        }
        if (endpoint.isRegister()) {
            registration = new WebhookRegistration(endpoint);
            registration.register();
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (registration != null && endpoint.isUnregisterOnStop()) {
            registration.remove();
        }
        ServiceHelper.stopAndShutdownService(httpConsumer);
        super.doStop();
    }

    /** Whether this consumer serves its path on the platform HTTP server now (for its health check). */
    public boolean isServing() {
        return ServiceHelper.isStarted(httpConsumer);
    }

    /** Whether this consumer registered its webhook in Halo (register=true) and has not deleted it since. */
    public boolean isRegistered() {
        return registration != null && registration.isRegistered();
    }

    /** The platform-http endpoint of this path, resolved by URI so camel-halo needs no HTTP server on its classpath. */
    private Endpoint platformHttp() {
        return getEndpoint().getCamelContext().getEndpoint(
                "platform-http:" + endpoint.httpPath() + "?httpMethodRestrict=POST");
    }

    /** What to add when the platform HTTP server is missing or not running, per runtime, and what Camel said. */
    private String noHttpServer(Exception cause) {
        return "halo-webhook:" + resource.uriName() + " receives Halo's deliveries on " + endpoint.httpPath()
               + " through Camel's platform HTTP server, which is not available. Camel Main: add "
               + "org.apache.camel:camel-platform-http-main and set camel.server.enabled=true (camel.server.port "
               + "chooses the port). Spring Boot: add org.apache.camel.springboot:camel-platform-http-starter. Quarkus: "
               + "add org.apache.camel.quarkus:camel-quarkus-platform-http. (" + cause.getMessage() + ")";
    }

    private void onDelivery(Exchange http) {
        Message in = http.getMessage();
        Function<String, String> headers = name -> in.getHeader(name, String.class);
        if (!authenticator.acceptsHeaders(headers)) { // before a byte of the body is read
            refuse(http, 401, "authentication missing or wrong", "unauthorized");
            return;
        }
        Long declared = in.getHeader("Content-Length", Long.class);
        if (declared != null && declared > endpoint.getMaxBodySize()) {
            refuse(http, 413, "a body of " + declared + " bytes", "larger than " + endpoint.getMaxBodySize() + " bytes");
            return;
        }
        byte[] body = in.getBody(byte[].class);
        body = body == null ? new byte[0] : body;
        if (body.length > endpoint.getMaxBodySize()) {
            refuse(http, 413, "a body of " + body.length + " bytes", "larger than " + endpoint.getMaxBodySize()
                                                                     + " bytes");
            return;
        }
        if (!authenticator.acceptsBody(headers, body)) {
            refuse(http, 401, "signature missing or wrong", "unauthorized");
            return;
        }
        List<HaloWebhookFormat.Item> items;
        try {
            items = HaloWebhookFormat.parse(body, resource, endpoint.getRecordIdField());
        } catch (IllegalArgumentException e) {
            // malformed, not failed: Halo's retry would bring the same body again, so refuse it whole
            refuse(http, 400, e.getMessage(), e.getMessage() + "; nothing was routed");
            return;
        }
        Tally tally = new Tally();
        for (int index = 0; index < items.size(); index++) {
            HaloWebhookFormat.Item item = items.get(index);
            HaloChange change;
            try {
                change = change(item);
            } catch (Exception e) {
                // Halo unreachable or refusing the read: a retry can help
                LOG.warn("Could not read {} {} announced to {}: {}; Halo is answered 503 so it delivers it again",
                        resource.uriName(), item.recordId(), endpoint.httpPath(), e.getMessage());
                reply(http, 503, "{\"error\":\"could not read record " + item.recordId() + " from Halo\"}");
                return;
            }
            if (newestRouted.isNewerThan(change)) {
                tally.stale++; // Halo's retry of an older version, after a newer one was routed
                continue;
            }
            ChangeDelivery.Outcome outcome = delivery.deliver(change, index, items.size(), ChangeDelivery.Progress.NONE,
                    headers(item), Duration.ofMillis(endpoint.getInFlightWait()));
            switch (outcome) {
                case ROUTED -> {
                    tally.routed++;
                    newestRouted.routed(change);
                }
                case DUPLICATE -> {
                    tally.duplicates++;
                    newestRouted.routed(change);
                }
                case OWN_WRITE -> {
                    tally.ownWrites++;
                    newestRouted.routed(change);
                }
                case FAILED -> {
                    // the rest are not routed: order is kept, and Halo's retry brings them again
                    reply(http, 500, "{\"error\":\"the route failed on record " + item.recordId() + "\"}");
                    return;
                }
                case IN_FLIGHT -> {
                    Message out = reply(http, 503, "{\"error\":\"record " + item.recordId() + " is still being "
                                                   + "routed by an earlier delivery\"}");
                    out.setHeader("Retry-After", Math.max(1, endpoint.getInFlightWait() / 1000));
                    return;
                }
            }
        }
        LOG.debug("Delivery to {}: {} records, {} routed, {} already delivered, {} older than one routed, {} the "
                  + "route's own writes",
                endpoint.httpPath(), items.size(), tally.routed, tally.duplicates, tally.stale, tally.ownWrites);
        reply(http, 200, "{\"routed\":" + tally.routed + ",\"duplicates\":" + tally.duplicates + ",\"stale\":"
                         + tally.stale + (tally.ownWrites == 0 ? "" : ",\"ownWrites\":" + tally.ownWrites) + "}");
    }

    /** What became of a delivery's records. */
    private static final class Tally {
        int routed;
        int duplicates;
        int stale;
        int ownWrites;
    }

    /**
     * The change a delivered item stands for. A record posted with its last-modified value is that version; otherwise
     * (small object, event only, custom payload) the record is read by id and its current version delivered. A record
     * Halo no longer has (404) is its deletion. Halo's event, where the delivery has one, says what happened.
     */
    private HaloChange change(HaloWebhookFormat.Item item) throws Exception {
        String reported = HaloWebhookFormat.eventType(item.event());
        Map<String, Object> posted = item.record() != null ? item.record() : identity(item);
        if (item.record() != null && HaloChange.isReadable(resource, item.record())) {
            return HaloChange.of(resource, item.record(), null).withEventType(reported);
        }
        try {
            return HaloChange.of(resource, CurrentRecord.read(endpoint, posted), null).withEventType(reported);
        } catch (HaloNotFoundException gone) {
            Instant at = item.timestamp() != null ? item.timestamp() : Instant.now();
            LOG.debug("{} {} announced to {} is gone from Halo (404): routed as its deletion", resource.uriName(),
                    item.recordId(), endpoint.httpPath());
            return HaloChange.deleted(resource, posted, at);
        }
    }

    /** What a delivery without the record says of it: its id (and, for an action, its ticket when known). */
    private Map<String, Object> identity(HaloWebhookFormat.Item item) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", item.recordId());
        return record;
    }

    /** The delivery's own headers beside the change's: Halo's event, the webhook's id and the delivery's id. */
    private static Map<String, Object> headers(HaloWebhookFormat.Item item) {
        Map<String, Object> headers = new LinkedHashMap<>();
        if (item.event() != null) {
            headers.put(HaloConstants.WEBHOOK_EVENT, item.event());
        }
        if (item.webhookId() != null) {
            headers.put(HaloConstants.WEBHOOK_ID, item.webhookId());
        }
        if (item.deliveryId() != null) {
            headers.put(HaloConstants.DELIVERY_ID, item.deliveryId());
        }
        return headers;
    }

    private void refuse(Exchange http, int status, String why, String answer) {
        LOG.warn("Refused a delivery to {}: {} ({})", endpoint.httpPath(), why, status);
        reply(http, status, "{\"error\":\"" + answer.replace("\"", "'") + "\"}");
    }

    private static Message reply(Exchange http, int status, String json) {
        Message out = http.getMessage();
        out.removeHeaders("*"); // nothing of the request (its Authorization header) goes back
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        out.setBody(json);
        return out;
    }
}
