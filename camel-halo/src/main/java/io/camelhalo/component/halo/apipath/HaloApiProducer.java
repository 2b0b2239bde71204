package io.camelhalo.component.halo.apipath;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import io.camelhalo.component.halo.HaloComponent;
import io.camelhalo.component.halo.api.HaloJson;
import io.camelhalo.component.halo.api.HaloOperation;
import io.camelhalo.component.halo.client.HaloList;
import io.camelhalo.component.halo.client.HaloPager;
import io.camelhalo.component.halo.error.HaloApiException;
import io.camelhalo.component.halo.http.HaloHttpClient;
import io.camelhalo.component.halo.http.HaloReply;
import io.camelhalo.component.halo.tracing.HaloSpanTags;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Sends one exchange to any path of Halo's API: a GET of a paged list reads every page (as the halo component's list
 * does), any other request is one call whose JSON reply becomes the body. Writes (POST, DELETE) are never retried once
 * they may have reached Halo.
 */
public class HaloApiProducer extends DefaultProducer {

    private final HaloApiEndpoint endpoint;
    private final HaloApiRequest request;
    private final Duration timeout;
    private ExecutorService prefetch;
    /** Takes this producer out of its connection's readiness check; set while started. */
    private Runnable leaveHealthCheck;

    public HaloApiProducer(HaloApiEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.request = endpoint.request();
        this.timeout = Duration.ofMillis(endpoint.getConfiguration().getReadTimeout());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (endpoint.getConfiguration().isCheckCredentialsOnStart()) {
            endpoint.getConnection().checkCredentials(endpoint.getEndpointBaseUri());
        }
        // the halo component's check of this connection, shared with its halo: producers
        leaveHealthCheck = endpoint.getCamelContext().getComponent("halo", HaloComponent.class)
                .joinProducerHealthCheck(this, endpoint::getConnection, timeout);
        if (endpoint.isStreamList() && request.pages() && prefetch == null) {
            prefetch = endpoint.getCamelContext().getExecutorServiceManager().newCachedThreadPool(this, "HaloApiPrefetch");
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (leaveHealthCheck != null) {
            leaveHealthCheck.run();
            leaveHealthCheck = null;
        }
        if (prefetch != null) {
            endpoint.getCamelContext().getExecutorServiceManager().shutdownNow(prefetch);
            prefetch = null;
        }
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        exchange.removeProperty(HaloSpanTags.STATUS_PROPERTY); // an earlier call's status is not this one's
        String path = request.path(in.getHeader(HaloApiConstants.PATH_PARAMS, Map.class),
                in.getHeader(HaloApiConstants.ID));
        Map<String, Object> query = request.query(in.getHeader(HaloApiConstants.QUERY, Map.class));
        String method = request.operation().method();
        try {
            if (request.pages() || request.named() == HaloOperation.LIST) {
                list(in, path, query);
                return;
            }
            Object given = request.named() == HaloOperation.UPDATE ? withId(in) : in.getBody();
            byte[] body = "POST".equals(method) ? body(given) : null;
            HaloReply reply = client().callAnyPath(method, path, request.scope(), query, body, timeout);
            Object json = reply.json();
            in.setBody(json);
            Object id = ids(json);
            if (id != null || !"GET".equals(method)) {
                in.setHeader(HaloApiConstants.ID, id);
            }
            exchange.setProperty(HaloSpanTags.STATUS_PROPERTY, reply.status()); // for the span, as the halo producer
            if (!endpoint.isThrowExceptionOnFailure()) {
                in.setHeader(HaloApiConstants.HTTP_RESPONSE_CODE, reply.status());
            }
        } catch (HaloApiException e) {
            // as the halo component: only an error reply from the API becomes a body
            if (endpoint.isThrowExceptionOnFailure() || e.isTokenRequest() || !e.isErrorReply()) {
                throw e;
            }
            exchange.setProperty(HaloSpanTags.STATUS_PROPERTY, e.getStatusCode());
            in.setHeader(HaloApiConstants.HTTP_RESPONSE_CODE, e.getStatusCode());
            in.setBody(errorBody(e.getResponseBody()));
        }
    }

    private void list(Message in, String path, Map<String, Object> query) throws Exception {
        HaloList list = new HaloApiList(path, endpoint.getListKey(), request.scope(), request.pages());
        HaloPager pager = new HaloPager(client(), timeout);
        if (endpoint.isStreamList()) {
            in.setBody(pager.iterator(list, query, endpoint.getPageSize(), endpoint.getMaxResults(), prefetch)
                    .boundTo(in.getExchange()));
            return;
        }
        List<Map<String, Object>> records = pager.readAll(list, query, endpoint.getPageSize(), endpoint.getMaxResults());
        in.setBody(records);
        in.setHeader(HaloApiConstants.RECORD_COUNT, records.size());
    }

    /**
     * The JSON to send, wrapped in an array of one where Halo's description declares an array body; {@code null} for no
     * body.
     */
    private byte[] body(Object body) throws Exception {
        Object value = json(body);
        if (value == null) {
            return null;
        }
        if (request.operation().body() == HaloApiOperation.Body.ARRAY && !(value instanceof List)) {
            value = List.of(value); // Halo's description declares an array: one record is an array of one
        }
        return HaloJson.write(value);
    }

    /** A body as JSON values: a Map, List or POJO as it is, JSON text (String, bytes, stream) parsed. */
    private Object json(Object body) throws Exception {
        if (body == null) {
            return null;
        }
        if (body instanceof String || body instanceof byte[] || body instanceof InputStream) {
            byte[] bytes = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                    : body instanceof byte[] b ? b : ((InputStream) body).readAllBytes();
            try {
                return HaloJson.parse(bytes);
            } catch (Exception e) {
                throw new IllegalArgumentException(
                        "The body of " + request.operation() + " is not JSON (" + e.getMessage()
                                                   + "); nothing was sent to Halo",
                        e);
            }
        }
        return HaloJson.MAPPER.convertValue(body, Object.class);
    }

    /**
     * An update's body: each record without an id takes header CamelHaloId, as the halo component's update does; a
     * record with no id at all would create one, so it fails before anything is sent.
     */
    private Object withId(Message in) throws Exception {
        Object id = in.getHeader(HaloApiConstants.ID);
        Object value = json(in.getBody());
        List<Object> records = value instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>(List.of(value));
        for (int i = 0; i < records.size(); i++) {
            Map<String, Object> record = HaloJson.toRecord(records.get(i));
            if (record.get("id") == null) {
                if (id == null) {
                    throw new IllegalArgumentException(
                            "No record id for update of " + request.operation() + ": set header " + HaloApiConstants.ID
                                                       + " or the record's id; nothing was sent to Halo");
                }
                record = new LinkedHashMap<>(record);
                record.put("id", id);
            }
            records.set(i, record);
        }
        return value instanceof List ? records : records.get(0);
    }

    private static Object ids(Object json) {
        if (json instanceof Map<?, ?> record) {
            return record.get("id");
        }
        if (json instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(Map.class::isInstance)) {
            List<Object> ids = new ArrayList<>(list.size());
            list.forEach(r -> ids.add(((Map<?, ?>) r).get("id")));
            return ids;
        }
        return null;
    }

    private HaloHttpClient client() {
        return endpoint.getConnection().httpClient();
    }

    private static Object errorBody(String body) {
        if (body == null || body.isBlank()) {
            return body;
        }
        try {
            return HaloJson.MAPPER.readValue(body, Object.class);
        } catch (Exception notJson) {
            return body;
        }
    }
}
