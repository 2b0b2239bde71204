package io.camelhalo.component.halo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import io.camelhalo.component.halo.api.HaloAttachment;
import io.camelhalo.component.halo.api.HaloCustomFields;
import io.camelhalo.component.halo.api.HaloIds;
import io.camelhalo.component.halo.api.HaloJson;
import io.camelhalo.component.halo.api.HaloOperation;
import io.camelhalo.component.halo.api.HaloQuery;
import io.camelhalo.component.halo.api.HaloResource;
import io.camelhalo.component.halo.api.HaloWrite;
import io.camelhalo.component.halo.client.HaloPager;
import io.camelhalo.component.halo.error.HaloApiException;
import io.camelhalo.component.halo.error.HaloBatchWriteException;
import io.camelhalo.component.halo.error.HaloValidationException;
import io.camelhalo.component.halo.http.HaloHttpClient;
import io.camelhalo.component.halo.http.HaloReply;
import io.camelhalo.component.halo.lookup.HaloExistingRecords;
import io.camelhalo.component.halo.lookup.HaloNameResolver;
import io.camelhalo.component.halo.tracing.HaloSpanTags;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one exchange to Halo. The resource and operation come from the headers {@code CamelHaloResource} /
 * {@code CamelHaloOperation} when set, else from the URI; every operation is data in the resource table, so this one
 * class serves all of them.
 */
public class HaloProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(HaloProducer.class);

    private final HaloEndpoint endpoint;
    private final HaloProducerConfiguration configuration;
    private final Duration timeout;
    /** The endpoint's query. options, fixed once the endpoint is created. */
    private final Map<String, Object> endpointQuery;
    /** Takes this producer out of its connection's readiness check; set while started. */
    private Runnable leaveHealthCheck;
    private ExecutorService prefetch;

    public HaloProducer(HaloEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.configuration = endpoint.getProducerConfiguration();
        this.timeout = Duration.ofMillis(endpoint.getConfiguration().getReadTimeout());
        this.endpointQuery = Collections.unmodifiableMap(new LinkedHashMap<>(configuration.getQuery()));
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (endpoint.getConfiguration().isCheckCredentialsOnStart()) {
            endpoint.getConnection().checkCredentials(endpoint.getEndpointBaseUri());
        }
        leaveHealthCheck = endpoint.getComponent().joinProducerHealthCheck(this, endpoint::getConnection, timeout);
        if (configuration.isStreamList() && prefetch == null) {
            // one thread per open streamed list, fetching its next page while the route works on the current one
            prefetch = endpoint.getCamelContext().getExecutorServiceManager().newCachedThreadPool(this, "HaloListPrefetch");
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (leaveHealthCheck != null) {
            leaveHealthCheck.run();
            leaveHealthCheck = null;
        }
        if (prefetch != null) {
            endpoint.getCamelContext().getExecutorServiceManager().shutdownNow(prefetch); // cancels unfinished lists
            prefetch = null;
        }
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        exchange.removeProperty(HaloSpanTags.STATUS_PROPERTY); // an earlier call's status is not this one's
        HaloResource resource = resource(in);
        HaloOperation operation = operation(in);
        try {
            switch (operation) {
                case CREATE, UPDATE -> write(in, resource, operation);
                case GET -> get(in, resource);
                case LIST -> list(in, resource);
                case DELETE -> delete(in, resource);
                default -> throw new IllegalStateException("Unhandled operation " + operation);
            }
        } catch (HaloApiException e) {
            // like camel-http: only an error reply from the API becomes a body; no reply, an unusable reply and a
            // refused token still fail
            if (configuration.isThrowExceptionOnFailure() || e.isTokenRequest() || !e.isErrorReply()) {
                throw e;
            }
            setResponseCode(in, e.getStatusCode());
            in.setBody(errorBody(e.getResponseBody()));
        }
    }

    private void write(Message in, HaloResource resource, HaloOperation operation) throws Exception {
        Object defaultId = operation == HaloOperation.UPDATE ? id(in, resource, false) : null;
        Long ticketId = ticketId(in);
        Object body = in.getBody();
        if (resource == HaloResource.ATTACHMENTS && HaloAttachment.isFile(body)) {
            body = HaloAttachment.record(body, in.getHeader(HaloConstants.FILE_NAME, String.class), ticketId);
        }
        if (operation == HaloOperation.UPDATE && configuration.getMatchExisting() != null) {
            body = withMatchedIds(resource, body, defaultId);
        }
        HaloWrite write = HaloWrite.of(resource, body, operation, defaultId);
        if (ticketId != null && (resource == HaloResource.ACTIONS || resource == HaloResource.ATTACHMENTS)) {
            write.records().forEach(r -> r.putIfAbsent("ticket_id", ticketId));
        }
        List<Map<String, Object>> records = write.records();
        resolveNames(resource, records);
        if (operation == HaloOperation.UPDATE && configuration.isMergeCustomFields()) {
            mergeCustomFields(resource, records, ticketId);
        }
        String matchExisting = configuration.getMatchExisting();
        HaloExistingRecords.Plan existing = operation == HaloOperation.CREATE && matchExisting != null
                ? new HaloExistingRecords(new HaloPager(client(), timeout)).plan(resource, records, matchExisting)
                : null;
        Posted posted = send(in, resource, operation, existing == null ? records : existing.toCreate());
        endpoint.getConnection().ownWrites().wrote(in.getExchange().getFromRouteId(), resource,
                operation == HaloOperation.CREATE, posted.saved());
        List<Map<String, Object>> saved = existing == null ? posted.saved() : existing.inInputOrder(posted.saved());
        if (write.single()) {
            Map<String, Object> record = saved.isEmpty() ? null : saved.get(0);
            in.setBody(record);
            in.setHeader(HaloConstants.ID, record == null ? null : record.get("id"));
        } else {
            in.setBody(saved);
            in.setHeader(HaloConstants.ID, ids(saved));
        }
        if (existing != null) {
            List<Boolean> created = existing.created();
            in.setHeader(HaloConstants.CREATED, write.single() ? created.get(0) : created);
        }
        setResponseCode(in, posted.status());
    }

    /**
     * Sends the records, in one array POST or in chunks of batchSize one after another, none retried: a failing chunk
     * stops the write and says what was saved.
     */
    private Posted send(Message in, HaloResource resource, HaloOperation operation, List<Map<String, Object>> records)
            throws Exception {
        if (records.isEmpty()) {
            return new Posted(List.of(), 200); // every record already in Halo (matchExisting): nothing to send
        }
        int batchSize = configuration.getBatchSize();
        if (records.size() <= batchSize) {
            return post(resource, records);
        }
        int chunks = (records.size() + batchSize - 1) / batchSize;
        List<Map<String, Object>> saved = new ArrayList<>(records.size());
        int status = 0;
        for (int chunk = 0; chunk < chunks; chunk++) {
            int from = chunk * batchSize;
            int to = Math.min(from + batchSize, records.size());
            List<Map<String, Object>> sent = records.subList(from, to);
            try {
                Posted posted = post(resource, sent);
                if (posted.saved().size() != sent.size()) {
                    LOG.warn("{} of {}: Halo answered {} records for the {} of chunk {}; the results cannot be matched "
                             + "to the inputs one by one",
                            operation.uriName(), resource.uriName(), posted.saved().size(),
                            sent.size(), chunk + 1);
                }
                saved.addAll(posted.saved());
                status = posted.status();
            } catch (Exception e) {
                in.setHeader(HaloConstants.ID, ids(saved));
                throw new HaloBatchWriteException(
                        operation.uriName(), resource.uriName(), from, saved, sent,
                        records.subList(to, records.size()), chunk + 1, chunks, e);
            }
        }
        return new Posted(saved, status);
    }

    /**
     * Update by a field instead of an id (option matchExisting): each record without an id gets the id of the one
     * record in Halo that matches it; none is refused before anything is sent, as two are.
     */
    private Object withMatchedIds(HaloResource resource, Object body, Object defaultId) throws Exception {
        HaloWrite read = HaloWrite.read(body);
        if (read.single() && defaultId != null) {
            return body; // the id is given in header CamelHaloId or option id
        }
        HaloExistingRecords lookup = new HaloExistingRecords(new HaloPager(client(), timeout));
        String field = configuration.getMatchExisting();
        for (Map<String, Object> record : read.records()) {
            if (record.get("id") == null && record.get(field) != null) {
                Map<String, Object> existing = lookup.find(resource, record, field);
                if (existing == null) {
                    throw HaloValidationException.refused("POST", "/api/" + resource.path(),
                            "matchExisting=" + field + ": no " + resource.uriName() + " has " + field + " '"
                                                                                             + record.get(field).toString()
                                                                                                     .trim()
                                                                                             + "', so there is no record to update; nothing was sent");
                }
                record.put("id", existing.get("id"));
            }
        }
        return read.single() ? read.records().get(0) : read.records();
    }

    /** Lays each record's custom fields over the record's current ones in Halo: one GET per such record. */
    private void mergeCustomFields(HaloResource resource, List<Map<String, Object>> records, Long ticketId)
            throws Exception {
        for (Map<String, Object> record : records) {
            if (HaloCustomFields.changes(record) && record.get("id") != null) {
                Object id = HaloIds.parse(resource, record.get("id"), "the record's id");
                Map<String, Object> query = resource.needsTicketId(HaloOperation.GET) && ticketId != null
                        ? Map.of("ticket_id", ticketId) : Map.of();
                List<Map<String, Object>> current = HaloJson.toRecords(
                        client().call("GET", resource, id, query, null, timeout).json());
                Object currentFields = current.isEmpty() ? null : current.get(0).get(HaloCustomFields.FIELD);
                record.put(HaloCustomFields.FIELD, HaloCustomFields.merge(currentFields, record.get(HaloCustomFields.FIELD)));
            }
        }
    }

    /**
     * Names instead of ids (the table {@code api/HaloNameField}): Halo's name fields given without their id become ids,
     * before anything is sent; an unknown or ambiguous name fails here. Off with {@code resolveNames=false}.
     */
    private void resolveNames(HaloResource resource, List<Map<String, Object>> records) throws Exception {
        if (configuration.isResolveNames()) {
            new HaloNameResolver(endpoint.getComponent().lookupCache(endpoint.getConfiguration()))
                    .resolve(resource, records, Duration.ofMillis(configuration.getLookupCacheTtl()));
        }
    }

    /** One array POST: Halo's reply as records, in the order sent. */
    private Posted post(HaloResource resource, List<Map<String, Object>> records) throws Exception {
        HaloReply reply = client().call("POST", resource, null, null, HaloJson.write(records), timeout);
        return new Posted(HaloJson.toRecords(reply.json()), reply.status());
    }

    private record Posted(List<Map<String, Object>> saved, int status) {
    }

    private static List<Object> ids(List<Map<String, Object>> records) {
        List<Object> ids = new ArrayList<>(records.size());
        records.forEach(r -> ids.add(r.get("id")));
        return ids;
    }

    private void get(Message in, HaloResource resource) throws Exception {
        Object id = id(in, resource, true); // one box, passed on and reported as it is
        Map<String, Object> query = query(in, resource, HaloOperation.GET);
        if (resource == HaloResource.ATTACHMENTS) {
            download(in, resource, (Long) id, query);
            return;
        }
        HaloReply reply = client().call("GET", resource, id, query, null, timeout);
        if (reply.json() instanceof Map<?, ?> record) {
            in.setBody(record); // the usual reply: the record itself, no list to build
        } else {
            List<Map<String, Object>> records = HaloJson.toRecords(reply.json());
            in.setBody(records.isEmpty() ? null : records.get(0));
        }
        in.setHeader(HaloConstants.ID, id);
        setResponseCode(in, reply.status());
    }

    /** An attachment's file: its bytes as the body, its name and type in headers (JSON details as a record). */
    private void download(Message in, HaloResource resource, long id, Map<String, Object> query) throws Exception {
        HaloReply reply = client().download(resource, id, query, timeout);
        String contentType = reply.header("Content-Type").orElse(null);
        if (HaloAttachment.isJson(contentType)) {
            List<Map<String, Object>> records = HaloJson.toRecords(reply.json());
            in.setBody(records.isEmpty() ? null : records.get(0));
        } else {
            in.setBody(reply.body() == null ? new byte[0] : reply.body());
            in.setHeader(Exchange.CONTENT_TYPE, contentType);
            in.setHeader(HaloConstants.FILE_NAME,
                    HaloAttachment.fileName(reply.header("Content-Disposition").orElse(null)));
        }
        in.setHeader(HaloConstants.ID, id);
        setResponseCode(in, reply.status());
    }

    private void list(Message in, HaloResource resource) throws Exception {
        Map<String, Object> query = query(in, resource, HaloOperation.LIST);
        HaloPager pager = new HaloPager(client(), timeout);
        if (configuration.isStreamList()) {
            in.setBody(pager.iterator(resource, query, configuration.getPageSize(), configuration.getMaxResults(),
                    prefetch).boundTo(in.getExchange()));
            return;
        }
        List<Map<String, Object>> records = pager.readAll(resource, query, configuration.getPageSize(),
                configuration.getMaxResults());
        in.setBody(records);
        in.setHeader(HaloConstants.RECORD_COUNT, records.size());
    }

    private void delete(Message in, HaloResource resource) throws Exception {
        Object id = id(in, resource, true); // one box, passed on and reported as it is
        Map<String, Object> query = query(in, resource, HaloOperation.DELETE);
        HaloReply reply = client().call("DELETE", resource, id, query, null, timeout);
        in.setBody(reply.json());
        in.setHeader(HaloConstants.ID, id);
        setResponseCode(in, reply.status());
    }

    /** The resource: header CamelHaloResource when a route set it, else the URI's (parsed once, on the endpoint). */
    private HaloResource resource(Message in) {
        String header = in.getHeader(HaloConstants.RESOURCE, String.class);
        return header == null ? endpoint.getResource() : HaloResource.fromUriName(header);
    }

    private HaloOperation operation(Message in) {
        String header = in.getHeader(HaloConstants.OPERATION, String.class);
        return header == null ? endpoint.getOperation() : HaloOperation.fromUriName(header);
    }

    /**
     * The record id: header first, then the option; fails before any request when required and missing. A Long, or for
     * a resource with text ids ({@code HaloIds.TEXT_ID_RESOURCES}) a String given in the header.
     */
    private Object id(Message in, HaloResource resource, boolean required) {
        Object header = in.getHeader(HaloConstants.ID);
        if (header != null) {
            return HaloIds.parse(resource, header, "header " + HaloConstants.ID);
        }
        if (configuration.getId() != null) {
            return HaloIds.parse(resource, configuration.getId(), "option id");
        }
        if (required) {
            throw new IllegalArgumentException(
                    "No record id: set header " + HaloConstants.ID + " or option id to the record's id; "
                                               + "nothing was sent to Halo");
        }
        return null;
    }

    private Long ticketId(Message in) {
        Object header = in.getHeader(HaloConstants.TICKET_ID);
        if (header != null) {
            return HaloIds.parse(header, "header " + HaloConstants.TICKET_ID);
        }
        Long ticketId = configuration.getTicketId();
        return ticketId == null ? null : HaloIds.parse(ticketId, "option ticketId");
    }

    /** The endpoint's query options, overridden by header CamelHaloQuery, plus the ticket id where Halo needs it. */
    private Map<String, Object> query(Message in, HaloResource resource, HaloOperation operation) {
        Object queryHeader = in.getHeader(HaloConstants.QUERY);
        if (queryHeader == null && !resource.needsTicketId(operation)) {
            return endpointQuery; // the usual case: no copy per exchange
        }
        Map<String, Object> query = new LinkedHashMap<>(endpointQuery);
        Map<?, ?> header = queryHeader == null ? null : in.getHeader(HaloConstants.QUERY, Map.class);
        if (header != null) {
            header.forEach((k, v) -> {
                String name = String.valueOf(k);
                HaloQuery.checkName(name, "header " + HaloConstants.QUERY);
                query.put(name, v);
            });
        }
        if (resource.needsTicketId(operation)) {
            Long ticketId = ticketId(in);
            if (ticketId != null) {
                query.put("ticket_id", ticketId);
            } else if (query.get("ticket_id") != null) {
                query.put("ticket_id", HaloIds.parse(query.get("ticket_id"), "query parameter ticket_id"));
            } else {
                throw new IllegalArgumentException(
                        operation.uriName() + " of " + resource.uriName() + " needs the ticket id (Halo " + resource.uriName()
                                                   + " belong to a ticket): set header " + HaloConstants.TICKET_ID
                                                   + " or option ticketId; nothing was sent to Halo");
            }
        }
        return query;
    }

    private HaloHttpClient client() {
        return endpoint.getConnection().httpClient();
    }

    private void setResponseCode(Message in, int status) {
        // for the span decorator (tracing/): spans carry Halo's status though the header is set only on request
        in.getExchange().setProperty(HaloSpanTags.STATUS_PROPERTY, status);
        if (!configuration.isThrowExceptionOnFailure()) {
            in.setHeader(HaloConstants.HTTP_RESPONSE_CODE, status);
        }
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
