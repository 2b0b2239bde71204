package io.camelhalo.component.halo.apipath;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.camelhalo.component.halo.HaloComponent;
import io.camelhalo.component.halo.HaloConfiguration;
import io.camelhalo.component.halo.HaloServiceLocation;
import io.camelhalo.component.halo.api.HaloQuery;
import io.camelhalo.component.halo.client.HaloConnection;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Any path of Halo's REST API (timesheets, contracts, report data, custom field definitions and the rest of Halo's 808
 * paths) through the same connection, rate governor, retries and errors as the halo component, checked against Halo's
 * API description before the route starts.
 */
@UriEndpoint(firstVersion = "0.2.0", scheme = "halo-api", title = "Halo API", syntax = "halo-api:path",
             producerOnly = true, category = { Category.API, Category.CLOUD }, headersClass = HaloApiConstants.class)
public class HaloApiEndpoint extends DefaultEndpoint implements HaloServiceLocation {

    @UriPath(description = "The path of Halo's API as its description writes it, with or without the leading slash, "
                           + "e.g. Timesheet, Timesheet/{id} or ReportData/{publishedid}; a value may stand in for a "
                           + "path parameter, e.g. Timesheet/12. Matched without regard to case. Or a resource and "
                           + "operation as the halo component writes them, for timesheets, timeentries, customfields "
                           + "and reportdata, e.g. timeentries/list (then the operation says the method).")
    @Metadata(required = true)
    private String path;
    @UriParam(label = "producer", enums = "GET,POST,DELETE", defaultValue = "GET")
    private String method = "GET";
    @UriParam(label = "producer", prefix = "query.", multiValue = true)
    private Map<String, Object> query = new HashMap<>();
    @UriParam(label = "producer", prefix = "pathParam.", multiValue = true)
    private Map<String, Object> pathParam = new HashMap<>();
    @UriParam(label = "producer", defaultValue = "true")
    private boolean paging = true;
    @UriParam(label = "producer", defaultValue = "100")
    private int pageSize = HaloQuery.MAX_PAGE_SIZE;
    @UriParam(label = "producer", defaultValue = "0")
    private int maxResults;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean streamList;
    @UriParam(label = "producer")
    private String listKey;
    @UriParam(label = "producer", defaultValue = "true")
    private boolean throwExceptionOnFailure = true;
    @UriParam
    private HaloConfiguration configuration;

    private HaloApiRequest request;
    private HaloConnection connection;

    public HaloApiEndpoint(String uri, HaloApiComponent component, String path, HaloConfiguration configuration) {
        super(uri, component);
        this.path = path;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return new HaloApiProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException(
                "The halo-api: endpoint only sends to Halo; to receive changed records use halo-poll or halo-webhook");
    }

    /**
     * Checks the path, method and parameters against Halo's API description, and the other options, before the route
     * starts.
     *
     * @throws IllegalArgumentException naming the bad value, a likely intended one and what is allowed
     */
    void validate() {
        configuration.validate();
        HaloQuery.checkPageSize(pageSize);
        if (maxResults < 0) {
            throw new IllegalArgumentException("Invalid maxResults " + maxResults + ". Allowed: 0 (all) or more");
        }
        HaloApiResource.Named named = HaloApiResource.parse(path).orElse(null);
        HaloApiPaths.Match match = named == null
                ? HaloApiPaths.get().resolve(path, method)
                : HaloApiPaths.get().resolve(named.template(), named.method());
        request = HaloApiRequest.of(match, pathParam, query, paging, named == null ? null : named.operation());
    }

    /**
     * The path of Halo's description this endpoint calls, as the description writes it ({@code /Timesheet/{id}}): the
     * same for every call of the endpoint, whatever values its path parameters take (a span tag, a metric label).
     */
    public String describedPath() {
        return request().operation().template();
    }

    /** The HTTP method this endpoint sends: {@code GET}, {@code POST} or {@code DELETE}. */
    public String httpMethod() {
        return request().operation().method();
    }

    /** The checked request this endpoint sends: set once the endpoint is created. */
    HaloApiRequest request() {
        if (request == null) {
            validate();
        }
        return request;
    }

    /** The connection shared with every Halo endpoint of the same tenant and application. */
    public HaloConnection getConnection() {
        if (connection == null) {
            connection = getCamelContext().getComponent("halo", HaloComponent.class).connection(configuration);
        }
        return connection;
    }

    public String getPath() {
        return path;
    }

    /**
     * The path of Halo's API as its description writes it, with or without the leading slash, e.g. Timesheet,
     * Timesheet/{id} or ReportData/{publishedid}; a value may stand in for a path parameter, e.g. Timesheet/12. Matched
     * without regard to case. Or a resource and operation as the halo component writes them, for timesheets,
     * timeentries, customfields and reportdata, e.g. timeentries/list (then the operation says the method).
     */
    public void setPath(String path) {
        this.path = path;
    }

    public String getMethod() {
        return method;
    }

    /**
     * The HTTP method: GET reads (a list whose path pages is read across all its pages), POST writes (a body sent as an
     * array where Halo's description says so; never retried), DELETE deletes (never retried).
     */
    public void setMethod(String method) {
        this.method = method == null ? null : method.trim().toUpperCase(Locale.ROOT);
    }

    public Map<String, Object> getQuery() {
        return query;
    }

    /**
     * Halo's query parameters for the path, each as an option with the prefix query., e.g.
     * query.agent_id=3&query.start_date=2025-01-01; names are checked against the ones Halo's description declares for
     * the path and method.
     */
    public void setQuery(Map<String, Object> query) {
        this.query = query;
    }

    public Map<String, Object> getPathParam() {
        return pathParam;
    }

    /**
     * Values of the path's parameters, each as an option with the prefix pathParam., e.g. pathParam.id=12 for
     * Timesheet/{id}; header CamelHaloPathParams (and, for a parameter named id, header CamelHaloId) overrides them.
     */
    public void setPathParam(Map<String, Object> pathParam) {
        this.pathParam = pathParam;
    }

    public boolean isPaging() {
        return paging;
    }

    /**
     * Whether a GET of a path whose list pages (it takes page_no and page_size) reads every page with pageinate=true,
     * returning the records as one List; false sends one request as given (then query.page_no and query.page_size may
     * be set) and returns Halo's reply as it is.
     */
    public void setPaging(boolean paging) {
        this.paging = paging;
    }

    public int getPageSize() {
        return pageSize;
    }

    /** Records per page when paging, 1 to 100 (Halo caps pages at 100 and silently ignores larger sizes). */
    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public int getMaxResults() {
        return maxResults;
    }

    /** The most records a paged list returns; 0 returns every record, across all pages. */
    public void setMaxResults(int maxResults) {
        this.maxResults = maxResults;
    }

    public boolean isStreamList() {
        return streamList;
    }

    /**
     * Whether a paged list returns its records as an Iterator for split(body()).streaming(), read one page ahead of the
     * route, as the halo component's streamList does.
     */
    public void setStreamList(boolean streamList) {
        this.streamList = streamList;
    }

    public String getListKey() {
        return listKey;
    }

    /**
     * The key of Halo's list reply holding the records when paging, e.g. timesheets; by default a bare array, or the
     * one array of the reply object.
     */
    public void setListKey(String listKey) {
        this.listKey = listKey == null || listKey.isBlank() ? null : listKey.trim();
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

    @Override
    public HaloConfiguration getConfiguration() {
        return configuration;
    }

    /** The connection configuration. */
    public void setConfiguration(HaloConfiguration configuration) {
        this.configuration = configuration;
    }
}
