package io.camelhalo.component.halo;

import java.util.HashMap;
import java.util.Map;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of a halo: endpoint that concern one operation rather than the connection: which record, which
 * filters, how many records, and what a failed reply does.
 */
@UriParams
public class HaloProducerConfiguration {

    @UriParam(label = "producer")
    private Long id;
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

    /**
     * Checks the options before the route starts.
     *
     * @throws IllegalArgumentException naming the bad value and what is allowed
     */
    public void validate() {
        HaloConfiguration.checkPageSize(pageSize);
        if (maxResults < 0) {
            throw new IllegalArgumentException("Invalid maxResults " + maxResults + ". Allowed: 0 (all) or more");
        }
        HaloConfiguration.checkQuery(query);
    }

    public Long getId() {
        return id;
    }

    /** The record id for get, update and delete, when header CamelHaloId does not give one. */
    public void setId(Long id) {
        this.id = id;
    }

    public Long getTicketId() {
        return ticketId;
    }

    /**
     * The ticket id for actions (get, list, delete) and for listing attachments, when header CamelHaloTicketId does
     * not give one.
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
}
