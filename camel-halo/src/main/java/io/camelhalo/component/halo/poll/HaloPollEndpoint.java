package io.camelhalo.component.halo.poll;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.camelhalo.component.halo.HaloComponent;
import io.camelhalo.component.halo.HaloConfiguration;
import io.camelhalo.component.halo.HaloConstants;
import io.camelhalo.component.halo.HaloServiceLocation;
import io.camelhalo.component.halo.api.HaloOperation;
import io.camelhalo.component.halo.api.HaloQuery;
import io.camelhalo.component.halo.api.HaloResource;
import io.camelhalo.component.halo.apipath.HaloApiOperation;
import io.camelhalo.component.halo.apipath.HaloApiPaths;
import io.camelhalo.component.halo.client.HaloConnection;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.processor.state.MemoryStateRepository;

/**
 * Fires a route for every Halo record created or changed since the last poll (e.g. "Invoice Updated", "Project
 * Updated"): none missed, none delivered twice, across restarts (with a persistent state repository) and across a
 * cluster (with a shared one). Any list of Halo's API with a last-modified field is watched the same way:
 * halo-poll:api/SalesOrder.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "halo-poll", title = "Halo Poll", syntax = "halo-poll:resource",
             consumerOnly = true, category = { Category.API, Category.CLOUD }, headersClass = HaloConstants.class)
public class HaloPollEndpoint extends ScheduledPollEndpoint implements HaloServiceLocation {

    /** Halo's limit is a few hundred requests per five minutes per tenant: poll once a minute unless told. */
    static final long DEFAULT_DELAY = 60_000;
    /** Reads by id a sweeping poll makes at most, by default: a third of Halo's budget for a minute (300 per 5). */
    static final int DEFAULT_SWEEP_SIZE = 20;
    /** sweepSize at most: Halo's whole budget for five minutes would be spent by one poll beyond. */
    static final int MAX_SWEEP_SIZE = 250;

    /** The resource name that stands for any list path of Halo's API. */
    static final String ANY_LIST = "api";

    @UriPath(enums = HaloResource.POLLABLE_URI_NAMES + "," + ANY_LIST,
             description = "The Halo resource to watch for changes, e.g. invoices; or api for any list of Halo's API "
                           + "(option path, or written halo-poll:api/SalesOrder)")
    @Metadata(required = true)
    private String resource;
    @UriParam(label = "consumer")
    private String path;
    @UriParam(label = "consumer")
    private String lastModifiedField;
    @UriParam(label = "consumer", defaultValue = "id")
    private String idField = "id";
    @UriParam
    private HaloConfiguration configuration;
    // declared again (as camel-mail does) so the metadata shows halo-poll's own default, not Camel's 500 ms
    @UriParam(defaultValue = "" + DEFAULT_DELAY, javaType = "java.time.Duration", label = "consumer,scheduler",
              description = "Milliseconds before the next poll. Halo limits requests per tenant, so halo-poll polls "
                            + "once a minute unless told otherwise.")
    private long delay = DEFAULT_DELAY;
    @UriParam(label = "consumer", defaultValue = "5000", javaType = "java.time.Duration")
    private long overlap = 5000;
    @UriParam(label = "consumer", defaultValue = "now")
    private String startFrom = "now";
    @UriParam(label = "consumer")
    private StateRepository<String, String> stateRepository;
    @UriParam(label = "consumer")
    private String stateId;
    @UriParam(label = "consumer")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "consumer", defaultValue = "100")
    private int pageSize = 100;
    @UriParam(label = "consumer", prefix = "query.", multiValue = true)
    private Map<String, Object> query = new HashMap<>();
    @UriParam(label = "consumer")
    private Long ticketId;
    @UriParam(label = "consumer", defaultValue = "0")
    private int maxMessagesPerPoll;
    @UriParam(label = "consumer", defaultValue = "true")
    private boolean skipOwnWrites = true;
    @UriParam(label = "consumer,advanced", defaultValue = "" + DEFAULT_SWEEP_SIZE)
    private int sweepSize = DEFAULT_SWEEP_SIZE;

    private Clock clock = Clock.systemUTC();
    /** Whether {@link #clock} is known to be Halo's (a test aligned it with the sandbox's): then no Date is needed. */
    private boolean clockIsHalos;
    private HaloConnection connection;
    private StateRepository<String, String> defaultStateRepository;
    /** What is polled, known once the options are checked ({@link #validate()}). */
    private PolledList polled;

    public HaloPollEndpoint(String uri, HaloPollComponent component, String resource,
                            HaloConfiguration configuration) {
        super(uri, component);
        this.resource = resource;
        this.configuration = configuration;
        super.setDelay(DEFAULT_DELAY);
    }

    @Override
    public long getDelay() {
        return delay;
    }

    @Override
    public void setDelay(long delay) {
        this.delay = delay;
        super.setDelay(delay);
    }

    @Override
    public long getDefaultDelay() {
        return DEFAULT_DELAY;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException(
                "halo-poll only receives changes; to write to Halo use "
                                                + (ANY_LIST.equals(resource)
                                                        ? "halo-api:" + polled().path() + "?method=POST"
                                                        : "halo:" + resource + "/create or /update"));
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        HaloPollConsumer consumer = new HaloPollConsumer(this, processor);
        consumer.setMaxMessagesPerPoll(maxMessagesPerPoll);
        configureConsumer(consumer);
        return consumer;
    }

    /**
     * Checks the options before the route starts.
     *
     * @throws IllegalArgumentException naming the bad value and what is allowed
     */
    void validate() {
        polled = resolve();
        configuration.validate();
        HaloQuery.checkPageSize(pageSize);
        HaloQuery.checkNames(query);
        if (polled.kind() instanceof HaloResource r) {
            HaloQuery.checkDeclared(r, HaloOperation.LIST, query.keySet(), "query.");
        }
        if (maxMessagesPerPoll < 0) {
            throw new IllegalArgumentException(
                    "Invalid maxMessagesPerPoll " + maxMessagesPerPoll + ": 0 (all) or more");
        }
        if (sweepSize < 1 || sweepSize > MAX_SWEEP_SIZE) {
            throw new IllegalArgumentException(
                    "Invalid sweepSize " + sweepSize + ": 1 to " + MAX_SWEEP_SIZE + " records read by id a poll (default "
                                               + DEFAULT_SWEEP_SIZE + ")");
        }
        if (overlap < 0) {
            throw new IllegalArgumentException(
                    "Invalid overlap " + overlap + " ms: it must be 0 or more (default 5000 ms)");
        }
        startInstant(); // fails on a bad startFrom
        if (polled.kind() instanceof HaloResource r && r.needsTicketId(HaloOperation.LIST) && ticketId == null
                && query.get("ticket_id") == null) {
            throw new IllegalArgumentException(
                    "halo-poll:" + r.uriName() + " needs the ticket whose " + r.uriName()
                                               + " to watch: set option ticketId");
        }
    }

    /**
     * What the URI names: one of the resources, or (api) a list of Halo's description.
     *
     * @throws IllegalArgumentException naming the bad value and what is allowed
     */
    private PolledList resolve() {
        if (ANY_LIST.equalsIgnoreCase(resource)) {
            if (path == null || path.isBlank()) {
                throw new IllegalArgumentException(
                        "halo-poll:api needs the list of Halo's API to watch: write halo-poll:api/<path> or set option "
                                                   + "path, e.g. halo-poll:api/SalesOrder");
            }
            HaloApiOperation list = HaloApiPaths.get().listPath(path);
            if (idField == null || idField.isBlank()) {
                throw new IllegalArgumentException(
                        "Invalid idField '" + idField + "': the name of the records' id "
                                                   + "field (default id)");
            }
            Map<String, Object> filters = new LinkedHashMap<>(query);
            if (ticketId != null) {
                filters.put("ticket_id", ticketId);
            }
            HaloQuery.checkDeclared(list.toString(), list.query(), filters.keySet(), "query.");
            return PolledList.of(list, lastModifiedField == null || lastModifiedField.isBlank()
                    ? null : lastModifiedField.trim(), idField.trim());
        }
        HaloResource r;
        try {
            r = HaloResource.fromUriName(resource);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    e.getMessage() + "; or api/<path> for any list of Halo's API, e.g. halo-poll:api/SalesOrder", e);
        }
        if (!r.pollable()) {
            throw new IllegalArgumentException(
                    "Halo resource '" + r.uriName() + "' cannot be polled for changes (it has no last-modified field "
                                               + "Halo can be asked about). Pollable: "
                                               + HaloResource.POLLABLE_URI_NAMES.replace(",", ", ")
                                               + "; or api/<path> for any list of Halo's API with a last-modified field");
        }
        if (path != null || lastModifiedField != null || !"id".equals(idField)) {
            throw new IllegalArgumentException(
                    "Options path, lastModifiedField and idField are for halo-poll:api (any list of Halo's API); "
                                               + "halo-poll:" + r.uriName() + " reads the fields Halo gives its "
                                               + r.uriName());
        }
        return PolledList.of(r);
    }

    /** What is polled. */
    PolledList polled() {
        if (polled == null) {
            polled = resolve();
        }
        return polled;
    }

    /** The name of what is polled, e.g. {@code tickets} or {@code api/SalesOrder}. */
    public String watchedName() {
        return polled().name();
    }

    /** Whether a consumer with no stored progress starts now (then in Halo's time, see HaloClock). */
    boolean startsNow() {
        return startFrom == null || startFrom.trim().equalsIgnoreCase("now");
    }

    /** Where a consumer with no stored progress starts. */
    Instant startInstant() {
        String value = startFrom == null ? "now" : startFrom.trim();
        if (value.equalsIgnoreCase("now")) {
            return clock.instant();
        }
        if (value.equalsIgnoreCase("beginning")) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "Invalid startFrom '" + startFrom + "'. Allowed: now, beginning, or an ISO-8601 instant such as "
                                               + "2026-01-31T08:00:00Z",
                    e);
        }
    }

    /** Halo filters sent on every poll: the query options and the ticket id. */
    Map<String, Object> filters() {
        Map<String, Object> filters = new LinkedHashMap<>(query);
        if (ticketId != null) {
            filters.put("ticket_id", ticketId);
        }
        return filters;
    }

    /** The state repository in use: the configured one, or one in memory. */
    synchronized StateRepository<String, String> stateRepository() {
        if (stateRepository != null) {
            return stateRepository;
        }
        if (defaultStateRepository == null) {
            defaultStateRepository = new MemoryStateRepository();
        }
        return defaultStateRepository;
    }

    /** The key of this consumer's progress: connection, resource, filters, and stateId or else the route id. */
    String stateKey(String routeId) {
        String filters = filters().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        return "halo-poll|" + configuration.apiUrl() + "|"
               + (configuration.getTenant() == null ? "" : configuration.getTenant())
               + "|" + polled().name() + (filters.isEmpty() ? "" : "?" + filters) + "|"
               + (stateId == null || stateId.isBlank() ? routeId : stateId);
    }

    /** The connection shared with every Halo endpoint of the same tenant and application. */
    public HaloConnection getConnection() {
        if (connection == null) {
            connection = getCamelContext().getComponent("halo", HaloComponent.class).connection(configuration);
        }
        return connection;
    }

    /** The clock that says "now" for startFrom=now and the overlap window. */
    Clock getClock() {
        return clock;
    }

    /** Replaces the clock with one known to be Halo's (tests align it with the sandbox's). */
    void setClock(Clock clock) {
        this.clock = clock;
        this.clockIsHalos = true;
    }

    /** Replaces the local clock, still corrected by Halo's Date header (tests set it apart from Halo's). */
    void setLocalClock(Clock clock) {
        this.clock = clock;
        this.clockIsHalos = false;
    }

    /** Whether the clock is known to be Halo's. */
    boolean clockIsHalos() {
        return clockIsHalos;
    }

    public String getResource() {
        return resource;
    }

    /** The Halo resource to watch for changes, e.g. invoices; or api for any list of Halo's API (option path). */
    public void setResource(String resource) {
        this.resource = resource;
        this.polled = null;
    }

    public String getPath() {
        return path;
    }

    /**
     * For halo-poll:api: the list of Halo's API to watch, as Halo's API description writes it, with or without the
     * leading slash, e.g. SalesOrder or Appointment/Booking (a GET without path parameters). halo-poll:api/SalesOrder
     * sets it too. Its changes are found as the description allows: with lastupdatefromdate when the list declares it,
     * else newest first when it declares order, else by reading the whole list.
     */
    public void setPath(String path) {
        this.path = path;
        this.polled = null;
    }

    public String getLastModifiedField() {
        return lastModifiedField;
    }

    /**
     * For halo-poll:api: the record field Halo stamps on every change. Default: the one the description's schema of the
     * list's records names (a date-time field such as last_update or last_modified); a list whose schema names none
     * needs it.
     */
    public void setLastModifiedField(String lastModifiedField) {
        this.lastModifiedField = lastModifiedField;
        this.polled = null;
    }

    public String getIdField() {
        return idField;
    }

    /** For halo-poll:api: the record field holding its id. */
    public void setIdField(String idField) {
        this.idField = idField;
        this.polled = null;
    }

    public HaloConfiguration getConfiguration() {
        return configuration;
    }

    /** The connection configuration. */
    public void setConfiguration(HaloConfiguration configuration) {
        this.configuration = configuration;
    }

    public long getOverlap() {
        return overlap;
    }

    /**
     * How far before the watermark each poll looks again, in milliseconds or a duration (5s): covers clock skew and
     * records that share a timestamp or become visible late. Versions already delivered are not delivered again.
     */
    public void setOverlap(long overlap) {
        this.overlap = overlap;
    }

    public String getStartFrom() {
        return startFrom;
    }

    /**
     * Where to start when no progress is stored: now (only changes from now on), beginning (every record), or an
     * ISO-8601 instant such as 2026-01-31T08:00:00Z.
     */
    public void setStartFrom(String startFrom) {
        this.startFrom = startFrom;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    /**
     * Where progress is kept, keyed by connection, resource, filters and route id. Default: in memory. Use a
     * FileStateRepository to survive restarts, or a shared one (e.g. JdbcStateRepository) for a cluster.
     */
    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getStateId() {
        return stateId;
    }

    /**
     * The name this consumer's progress is stored under, beside the connection, resource and filters. Default: the
     * route id. Set it where route ids are generated (a Kamelet, a Pipe, a route without an id), so that a route
     * numbered differently after a change of the application still finds its progress; two consumers of the same
     * resource and filters must not share one.
     */
    public void setStateId(String stateId) {
        this.stateId = stateId;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    /**
     * Optional: the change versions (resource, id, last-modified) delivered, shared with a halo-webhook route of the
     * same resource, so a change fires once whichever path saw it first; a version it already holds is skipped (and
     * counted as delivered). Default: none (the progress alone prevents duplicates within this route).
     */
    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public int getPageSize() {
        return pageSize;
    }

    /** Records per page when reading changes, 1 to 100. */
    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public Map<String, Object> getQuery() {
        return query;
    }

    /**
     * Halo's own filters, each as an option with the prefix query., e.g. query.client_id=12, to watch only some
     * records.
     */
    public void setQuery(Map<String, Object> query) {
        this.query = query;
    }

    public Long getTicketId() {
        return ticketId;
    }

    /** For actions: the ticket whose actions to watch (Halo lists actions per ticket). */
    public void setTicketId(Long ticketId) {
        this.ticketId = ticketId;
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

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    /**
     * The most changes one poll delivers (0: all). The rest, newer ones, come with the next poll: useful to catch up on
     * a large backlog in bounded batches.
     */
    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public int getSweepSize() {
        return sweepSize;
    }

    /**
     * Only where Halo's list items lack the last-modified field and the list can be neither filtered by
     * lastupdatefromdate nor sorted by it (or is one unpaged list: agents, teams, a ticket's actions): the most records
     * a poll reads by id. halo-poll then sweeps through the records, this many a poll, so a change arrives within
     * (records / sweepSize) polls instead of on the next one; none is lost or delivered twice. Halo allows about 300
     * requests per 5 minutes per tenant: a poll costs the list's pages plus this many.
     */
    public void setSweepSize(int sweepSize) {
        this.sweepSize = sweepSize;
    }

}
