package io.camelhalo.component.halo;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.camelhalo.component.halo.api.HaloQuery;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of a halo: endpoint that concern one operation rather than the connection: which record, which filters,
 * how many records, and what a failed reply does.
 */
@UriParams
public class HaloProducerConfiguration {

    @UriParam(label = "producer")
    private Object id;
    @UriParam(label = "producer")
    private Long ticketId;
    @UriParam(label = "producer", prefix = "query.", multiValue = true)
    private Map<String, Object> query = new HashMap<>();
    @UriParam(label = "producer", defaultValue = "100")
    private int pageSize = 100;
    @UriParam(label = "producer", defaultValue = "0")
    private int maxResults;
    @UriParam(label = "producer", defaultValue = "true")
    private boolean throwExceptionOnFailure = true;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean streamList;
    @UriParam(label = "producer", defaultValue = "100")
    private int batchSize = MAX_BATCH_SIZE;
    @UriParam(label = "producer", defaultValue = "true")
    private boolean mergeCustomFields = true;
    @UriParam(label = "producer", defaultValue = "true")
    private boolean resolveNames = true;
    @UriParam(label = "producer", defaultValue = "600000", javaType = "java.time.Duration")
    private long lookupCacheTtl = 600_000;
    @UriParam(label = "producer")
    private String matchExisting;

    private static final Pattern MATCH_FIELD = Pattern.compile("[A-Za-z0-9_]{1,100}");

    /** The most records one array POST carries. */
    public static final int MAX_BATCH_SIZE = 100;

    /**
     * Checks the options before the route starts.
     *
     * @throws IllegalArgumentException naming the bad value and what is allowed
     */
    public void validate() {
        HaloQuery.checkPageSize(pageSize);
        if (maxResults < 0) {
            throw new IllegalArgumentException("Invalid maxResults " + maxResults + ". Allowed: 0 (all) or more");
        }
        HaloQuery.checkNames(query);
        if (lookupCacheTtl < 0) {
            throw new IllegalArgumentException(
                    "Invalid lookupCacheTtl " + lookupCacheTtl + ". Allowed: 0 (read the lists on every write) or more ms");
        }
        if (matchExisting != null && !MATCH_FIELD.matcher(matchExisting).matches()) {
            throw new IllegalArgumentException(
                    "Invalid matchExisting '" + matchExisting
                                               + "'. Allowed: one field name of the record (letters, digits, _), "
                                               + "e.g. name or emailaddress");
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException(
                    "Invalid batchSize " + batchSize + ". Allowed: 1 to " + MAX_BATCH_SIZE + " records per request");
        }
    }

    public Object getId() {
        return id;
    }

    /**
     * The record id for get, update and delete, when header CamelHaloId does not give one: a positive whole number, or
     * for priorities (whose ids Halo's description types as text) also letters, digits and hyphens, e.g. a uuid. Given
     * as a number or as text.
     */
    public void setId(Object id) {
        this.id = id;
    }

    public Long getTicketId() {
        return ticketId;
    }

    /**
     * The ticket id for actions (get, list, delete) and for listing attachments, when header CamelHaloTicketId does not
     * give one.
     */
    public void setTicketId(Long ticketId) {
        this.ticketId = ticketId;
    }

    public Map<String, Object> getQuery() {
        return query;
    }

    /**
     * Halo's own query parameters, each as an option with the prefix query., e.g.
     * query.client_id=12&query.open_only=true. Sent on get, list and delete.
     */
    public void setQuery(Map<String, Object> query) {
        this.query = query;
    }

    public int getPageSize() {
        return pageSize;
    }

    /** Records per page when listing, 1 to 100 (Halo caps pages at 100 and silently ignores larger sizes). */
    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public int getMaxResults() {
        return maxResults;
    }

    /** The most records a list returns; 0 returns every record, across all pages. */
    public void setMaxResults(int maxResults) {
        this.maxResults = maxResults;
    }

    public boolean isThrowExceptionOnFailure() {
        return throwExceptionOnFailure;
    }

    /**
     * Whether a reply that is not 2xx throws HaloApiException. When false, the status goes into header
     * CamelHttpResponseCode and Halo's reply into the message body.
     */
    public void setThrowExceptionOnFailure(boolean throwExceptionOnFailure) {
        this.throwExceptionOnFailure = throwExceptionOnFailure;
    }

    public boolean isStreamList() {
        return streamList;
    }

    /**
     * Whether list returns the records as an Iterator for split(body()).streaming() instead of a List: pages are read
     * while the route works, one page ahead of it (the next page is fetched while the current one is processed), so
     * memory stays at two pages whatever the size of the list. Paging, maxResults and the record_count check are the
     * same as for a List; an error while paging is thrown from the iterator, after the records read before it. The
     * iterator is closed (no further request) when the splitter stops, or the exchange fails or completes. Header
     * CamelHaloRecordCount is not set.
     */
    public void setStreamList(boolean streamList) {
        this.streamList = streamList;
    }

    public int getBatchSize() {
        return batchSize;
    }

    /**
     * Records per request when create or update has a List body, 1 to 100: the list is sent as Halo's array POST in
     * chunks of this many, one chunk after another, and the saved records come back in input order. When a chunk fails,
     * the later chunks are not sent and HaloBatchWriteException tells which records were saved, which may have reached
     * Halo and which were not sent; nothing is retried.
     */
    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public boolean isMergeCustomFields() {
        return mergeCustomFields;
    }

    /**
     * On update, keep the record's other custom fields: Halo replaces the whole customfields list, so an update whose
     * record carries customfields first reads the record (one GET per such record) and sends its list with the changed
     * fields laid over it, matched by id, else by name. false sends the list as given.
     */
    public void setMergeCustomFields(boolean mergeCustomFields) {
        this.mergeCustomFields = mergeCustomFields;
    }

    public boolean isResolveNames() {
        return resolveNames;
    }

    /**
     * Whether create and update resolve Halo's own name fields given without their id before the write: status_name,
     * agent_name, tickettype_name, client_name, site_name, user_name and priority_name (within the record's sla_id)
     * become status_id, agent_id and so on, and team is checked to exist; matching ignores case and is exact. An
     * unknown or ambiguous name fails with HaloValidationException before anything is sent. The lists are read once per
     * connection and kept for lookupCacheTtl. False sends the names to Halo as given.
     */
    public void setResolveNames(boolean resolveNames) {
        this.resolveNames = resolveNames;
    }

    public long getLookupCacheTtl() {
        return lookupCacheTtl;
    }

    /**
     * How long a list read to resolve names (statuses, agents, teams, priorities, a client found by name) is kept
     * before it is read again (ms or a duration, 10m); a name not in a kept list makes it be read once more before the
     * write fails. The lists are shared by every endpoint of the same connection.
     */
    public void setLookupCacheTtl(long lookupCacheTtl) {
        this.lookupCacheTtl = lookupCacheTtl;
    }

    public String getMatchExisting() {
        return matchExisting;
    }

    /**
     * Create unless it exists: on create, the field (e.g. name for clients and sites, emailaddress for users) whose
     * value identifies a record already in Halo. The record with the same value, ignoring case, is looked for first
     * (within the record's client_id for sites and users, inactive records included, with one list request); when found
     * it is the answer and nothing is created, and header CamelHaloCreated says which happened; a value repeated within
     * one List body is created once. Two matches fail with HaloValidationException before anything is sent. Makes a
     * replayed create do nothing the second time. On update, a record without an id updates the one record whose field
     * has that value (e.g. a report by name); none or two fail with HaloValidationException before anything is sent.
     */
    public void setMatchExisting(String matchExisting) {
        // blank is "not set", as a Kamelet passes an optional property it was not given
        this.matchExisting = matchExisting == null || matchExisting.isBlank() ? null : matchExisting.trim();
    }
}
