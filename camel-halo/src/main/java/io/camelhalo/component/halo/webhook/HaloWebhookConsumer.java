package io.camelhalo.component.halo.webhook;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.camelhalo.component.halo.HaloConstants;
import io.camelhalo.component.halo.api.HaloChangeVersion;
import io.camelhalo.component.halo.api.HaloJson;
import io.camelhalo.component.halo.api.HaloResource;
import io.camelhalo.component.halo.api.HaloTimestamps;
import io.camelhalo.component.halo.state.SharedVersions;
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
 * Serves one path on the platform HTTP server. For each delivery: authenticate (401, nothing routed), split it into
 * its records in order (a body that is not JSON records, or a record without an id: 400, nothing routed), drop a change version already delivered, route the rest one by one and only then answer
 * 200. If the route fails on a record, the version is forgotten and Halo is answered 500, so its retry (or a
 * re-send, or the halo-poll safety net) brings it again; the records before it are then dropped as duplicates.
 */
public class HaloWebhookConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(HaloWebhookConsumer.class);

    private final HaloWebhookEndpoint endpoint;
    private final HaloResource resource;
    private WebhookAuthenticator authenticator;
    private IdempotentRepository repository;
    private Consumer httpConsumer;
    private WebhookRegistration registration;

    public HaloWebhookConsumer(HaloWebhookEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.resource = endpoint.getResource();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        authenticator = new WebhookAuthenticator(endpoint);
        repository = endpoint.idempotentRepository();
        ServiceHelper.startService(repository); // a FileIdempotentRepository loads its file here
        httpConsumer = platformHttp().createConsumer(this::onDelivery);
        ServiceHelper.startService(httpConsumer);
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
        String uri = "platform-http:" + endpoint.httpPath() + "?httpMethodRestrict=POST";
        try {
            return getEndpoint().getCamelContext().getEndpoint(uri);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "halo-webhook serves through Camel's platform HTTP server, which is not available: add "
                                            + "camel-platform-http-vertx (Camel Main) or camel-platform-http-starter "
                                            + "(Spring Boot) to the application",
                    e);
        }
    }

    private void onDelivery(Exchange http) {
        Message in = http.getMessage();
        byte[] body = in.getBody(byte[].class);
        body = body == null ? new byte[0] : body;
        if (!authenticator.accepts(name -> in.getHeader(name, String.class), body)) {
            LOG.warn("Refused a delivery to {}: authentication missing or wrong (401)", endpoint.httpPath());
            reply(http, 401, "{\"error\":\"unauthorized\"}");
            return;
        }
        List<Map<String, Object>> records;
        try {
            records = WebhookPayload.records(HaloJson.parse(body), resource);
        } catch (IOException | IllegalArgumentException e) {
            reply(http, 400, "{\"error\":\"the body is not a JSON record or array of records\"}");
            return;
        }
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).get("id") == null) {
                // malformed, not failed: Halo's retry would bring the same record again, so refuse the whole delivery
                LOG.warn("Refused a delivery to {}: record {} of {} has no id (400)", endpoint.httpPath(), i + 1,
                        records.size());
                reply(http, 400, "{\"error\":\"record " + (i + 1) + " of the delivery has no id; nothing was routed\"}");
                return;
            }
        }
        int routed = 0;
        int duplicates = 0;
        for (Map<String, Object> record : records) {
            switch (deliver(record)) {
                case ROUTED -> routed++;
                case DUPLICATE -> duplicates++;
                case FAILED -> {
                    // the rest are not routed: order is kept, and Halo's retry brings them again
                    reply(http, 500, "{\"error\":\"the route failed on record " + record.get("id") + "\"}");
                    return;
                }
            }
        }
        LOG.debug("Delivery to {}: {} records, {} routed, {} already delivered", endpoint.httpPath(), records.size(),
                routed, duplicates);
        reply(http, 200, "{\"routed\":" + routed + ",\"duplicates\":" + duplicates + "}");
    }

    private enum Outcome {
        ROUTED,
        DUPLICATE,
        FAILED
    }

    /** Routes one record unless its version was delivered already; forgets the version if the route fails. */
    private Outcome deliver(Map<String, Object> payloadRecord) {
        Exchange exchange = null;
        String key = null;
        boolean added = false;
        try {
            Map<String, Object> record = payloadRecord;
            key = HaloChangeVersion.key(resource, record);
            if (key == null && record.get("id") != null) {
                // a payload without the last-modified field: read the record, whose current version it then is
                record = WebhookPayload.current(endpoint, record);
                key = HaloChangeVersion.key(resource, record);
            }
            if (key == null) {
                throw new IllegalArgumentException(resource.uriName() + " record without id or "
                                                   + resource.lastModifiedField() + " in a delivery");
            }
            if (!SharedVersions.add(repository, key)) {
                return Outcome.DUPLICATE;
            }
            added = true;
            exchange = createExchange(record);
            getProcessor().process(exchange);
        } catch (Exception e) {
            if (exchange == null) {
                exchange = createExchange(false);
            }
            exchange.setException(e);
        }
        try {
            if (exchange.isFailed()) {
                if (added) { // only what this delivery added: an entry another instance made is not ours to drop
                    repository.remove(key);
                }
                getExceptionHandler().handleException("Routing the delivered change " + key + " failed; Halo is "
                                                      + "answered 500 so it is delivered again",
                        exchange, exchange.getException());
                return Outcome.FAILED;
            }
            repository.confirm(key);
            return Outcome.ROUTED;
        } finally {
            releaseExchange(exchange, false);
        }
    }

    /** The exchange for one change, with the headers halo-poll sets. */
    private Exchange createExchange(Map<String, Object> record) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        Instant lastModified = HaloTimestamps.parse(record.get(resource.lastModifiedField()));
        message.setBody(record);
        message.setHeader(HaloConstants.RECORD_RESOURCE, resource.uriName());
        message.setHeader(HaloConstants.RECORD_ID, record.get("id"));
        message.setHeader(HaloConstants.LAST_MODIFIED, lastModified);
        message.setHeader(HaloConstants.EVENT_TYPE, eventType(record, lastModified));
        return exchange;
    }

    /** created when the record was created at its last change (within a second), else updated. */
    private String eventType(Map<String, Object> record, Instant lastModified) {
        Instant created = resource.createdField() == null ? null
                : HaloTimestamps.parse(record.get(resource.createdField()));
        return created != null && Duration.between(created, lastModified).abs().compareTo(Duration.ofSeconds(1)) < 0
                ? "created" : "updated";
    }

    private static void reply(Exchange http, int status, String json) {
        Message out = http.getMessage();
        out.removeHeaders("*"); // nothing of the request (its Authorization header) goes back
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        out.setBody(json);
    }
}
