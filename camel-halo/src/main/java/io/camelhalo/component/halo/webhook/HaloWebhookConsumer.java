package io.camelhalo.component.halo.webhook;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.camelhalo.component.halo.api.HaloJson;
import io.camelhalo.component.halo.api.HaloResource;
import io.camelhalo.component.halo.change.ChangeDelivery;
import io.camelhalo.component.halo.change.HaloChange;
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
 * Serves one path on the platform HTTP server. For each delivery: authenticate (401, nothing routed), split it into its
 * records in order (a body that is not JSON records, or a record without an id: 400, nothing routed), and hand them one
 * by one to the delivery step both change paths share ({@link ChangeDelivery}), which drops a version already
 * delivered; only then answer 200. If the route fails on a record, its version is released and Halo is answered 500, so
 * its retry (or a re-send, or the halo-poll safety net) brings it again; the records before it are then dropped as
 * duplicates.
 */
public class HaloWebhookConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(HaloWebhookConsumer.class);

    private final HaloWebhookEndpoint endpoint;
    private final HaloResource resource;
    private WebhookAuthenticator authenticator;
    private ChangeDelivery delivery;
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
        IdempotentRepository repository = endpoint.idempotentRepository();
        ServiceHelper.startService(repository); // a FileIdempotentRepository loads its file here
        delivery = new ChangeDelivery(this, repository, "Halo is answered 500 so it delivers it again");
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
        for (int index = 0; index < records.size(); index++) {
            Map<String, Object> record = records.get(index);
            HaloChange change;
            try {
                change = change(record);
            } catch (Exception e) {
                LOG.warn("Could not read the change of {} {} delivered to {}: {}; Halo is answered 500 so it delivers "
                         + "it again",
                        resource.uriName(), record.get("id"), endpoint.httpPath(), e.getMessage());
                reply(http, 500, "{\"error\":\"could not read record " + record.get("id") + "\"}");
                return;
            }
            switch (delivery.deliver(change, index, records.size(), ChangeDelivery.Progress.NONE)) {
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

    /** The change a delivered record stands for; a payload without the last-modified field is read by id first. */
    private HaloChange change(Map<String, Object> record) throws Exception {
        Map<String, Object> current = HaloChange.isReadable(resource, record)
                ? record : WebhookPayload.current(endpoint, record);
        return HaloChange.of(resource, current, null);
    }

    private static void reply(Exchange http, int status, String json) {
        Message out = http.getMessage();
        out.removeHeaders("*"); // nothing of the request (its Authorization header) goes back
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        out.setBody(json);
    }
}
