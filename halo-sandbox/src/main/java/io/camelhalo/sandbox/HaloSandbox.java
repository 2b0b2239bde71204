package io.camelhalo.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small, stateful, in-memory emulator of the Halo ITSM / PSA REST API on loopback, for tests, demos and benchmarks.
 * It behaves like Halo (list envelopes, paging quirks, array POSTs, OAuth client credentials), not like a tidier API we
 * might wish for.
 *
 * <p>
 * The API is at {@code baseUrl() + "/api"}, the auth server at {@code baseUrl() + "/auth"}. Besides serving HTTP it
 * lets a test inspect what arrived ({@link #requests()}), read and write records directly, control "now", and switch
 * faults on (failures, rate limit, latency, token expiry).
 *
 * <pre>{@code
 * try (HaloSandbox halo = HaloSandbox.start(0)) {
 *     // point the client at halo.baseUrl() with halo.clientId() / halo.clientSecret()
 * }
 * }</pre>
 */
public final class HaloSandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HaloSandbox.class);
    private static final int THREADS = 16;
    /** Recorded requests kept (the most recent ones), so a long benchmark cannot exhaust memory. */
    private static final int MAX_RECORDED = 10_000;
    private static final String MODES_PATH = "/sandbox/modes";

    static {
        // The JDK server writes headers and body separately; with Nagle on, each answer then waits
        // ~40 ms for the client's delayed ACK. The JDK reads this once, before its first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String clientId;
    private final String clientSecret;
    private volatile Clock clock = Clock.systemUTC();
    private volatile TenantModes modes;
    private final RecordStore store = new RecordStore(this::now, this::modesFor);
    private final TokenIssuer tokens = new TokenIssuer();
    private final TokenEndpoint tokenEndpoint;
    private final ConformanceCheck conformance = new ConformanceCheck(ApiDescription.get());
    private final SandboxWebhooks webhooks = new SandboxWebhooks(conformance, store, this::now);
    private final DescribedPathStore described = new DescribedPathStore(
            ApiDescription.get(), conformance, this::now, this::modes); // paths beyond the 22: the modes on everywhere
    private final ApiEndpoint api = new ApiEndpoint(store, conformance, this::modesFor, webhooks, described);
    private final List<Violation> violations = new ArrayList<>(); // guarded by itself
    private final Faults faults = new Faults();
    /** Actions to run once before the first API request each matches, in order of registration. */
    private final List<Map.Entry<Predicate<RecordedRequest>, Runnable>> beforeRequests = new ArrayList<>();
    private final AtomicInteger requestCount = new AtomicInteger();
    private final AtomicInteger apiRequestCount = new AtomicInteger();
    private final AtomicInteger tokenRequestCount = new AtomicInteger();
    private final Deque<RecordedRequest> recorded = new ArrayDeque<>(); // guarded by itself
    private final AtomicBoolean closed = new AtomicBoolean();

    private HaloSandbox(HaloSandboxOptions options) throws IOException {
        this.modes = options.tenantModes();
        this.clientId = options.clientId();
        this.clientSecret = options.clientSecret();
        this.tokenEndpoint = new TokenEndpoint(clientId, clientSecret, options.tokenLifetime(), tokens, this::now);
        if (options.seedData()) {
            SeedData.load(store);
        }
        InetAddress loopback = InetAddress.getByAddress(new byte[] { 127, 0, 0, 1 });
        this.server = HttpServer.create(new InetSocketAddress(loopback, options.port()), 128);
        AtomicInteger threadNo = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(THREADS, task -> {
            Thread t = new Thread(task, "halo-sandbox-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        // one context: IIS matches paths case-insensitively, HttpServer contexts do not
        server.createContext("/", this::handle);
        server.start();
        LOG.info("Halo sandbox listening on {}", baseUrl());
    }

    /** Starts a sandbox with the demo data on {@code port} (0: any free port) and the default credentials. */
    public static HaloSandbox start(int port) {
        return start(HaloSandboxOptions.defaults().withPort(port));
    }

    /** Starts a sandbox as the options say. */
    public static HaloSandbox start(HaloSandboxOptions options) {
        try {
            return new HaloSandbox(options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Halo sandbox on 127.0.0.1:" + options.port(), e);
        }
    }

    /** The port bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}; the API is under {@code /api}, the auth server under {@code /auth}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The OAuth client id the token endpoint accepts. */
    public String clientId() {
        return clientId;
    }

    /** The OAuth client secret the token endpoint accepts. */
    public String clientSecret() {
        return clientSecret;
    }

    /** Stops the server at once; calling it again does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
            webhooks.close();
        }
    }

    // ---- webhooks (configured through /api/Webhook, logged in /api/WebhookEvent) ----------------

    /** The webhook Deliveries log, oldest first. */
    public List<WebhookDelivery> webhookDeliveries() {
        return webhooks.deliveries();
    }

    /** Re-sends a logged delivery (as a person does from Halo's Deliveries log) and returns the new log entry. */
    public WebhookDelivery resendWebhookDelivery(int number) {
        return webhooks.resend(number);
    }

    /** The webhooks configured, with their secrets. */
    public List<Map<String, Object>> webhooks() {
        return webhooks.webhooks();
    }

    /**
     * Batches deliveries as Halo can (v2.164+): up to {@code size} records per delivery, posted when that many are
     * pending or {@code window} after the first (zero: at once). Default: one record per delivery.
     */
    public void webhookBatching(int size, Duration window) {
        webhooks.batching(size, window);
    }

    /** Attempts per delivery while the receiver answers non-2xx, and the delay between them (default 3, 100 ms). */
    public void webhookRetries(int attempts, Duration delay) {
        webhooks.retries(attempts, delay);
    }

    /**
     * Consecutive failed deliveries (each after its retries) after which a webhook without its own
     * {@code auto_disable_attempts} is set inactive ({@code active=false}); 0: never. Default 5 (Halo's default is
     * unverified). A delivery answered 2xx starts the count again.
     */
    public void webhookAutoDisable(int consecutiveFailures) {
        webhooks.autoDisable(consecutiveFailures);
    }

    // ---- inspection ------------------------------------------------------------------------

    /** All HTTP requests received (API, auth and anything else). */
    public int requestCount() {
        return requestCount.get();
    }

    /** Requests to {@code /api/**}, including those answered by a fault or a 401. */
    public int apiRequestCount() {
        return apiRequestCount.get();
    }

    /** Requests to {@code /auth/token}. */
    public int tokenRequestCount() {
        return tokenRequestCount.get();
    }

    /** A copy of the recorded requests, oldest first (the most recent 10,000). */
    public List<RecordedRequest> requests() {
        synchronized (recorded) {
            return new ArrayList<>(recorded);
        }
    }

    /**
     * The requests this sandbox received that Halo's API description does not declare (and no entry of
     * {@code spec-exceptions.json} allows), oldest first. Every test class fails on them ({@link ConformanceExtension})
     * unless a test that provoked them on purpose takes them.
     */
    public List<Violation> violations() {
        synchronized (violations) {
            return new ArrayList<>(violations);
        }
    }

    /** Returns this sandbox's violations and forgets them, so they do not fail the test class. */
    public List<Violation> takeViolations() {
        synchronized (violations) {
            List<Violation> taken = new ArrayList<>(violations);
            violations.clear();
            SandboxViolations.forget(taken);
            return taken;
        }
    }

    /** Sets the counters to zero and forgets the recorded requests. */
    public void resetCounters() {
        synchronized (recorded) {
            requestCount.set(0);
            apiRequestCount.set(0);
            tokenRequestCount.set(0);
            recorded.clear();
        }
    }

    // ---- data ------------------------------------------------------------------------------

    /** Number of records stored for a resource (our lowercase name, e.g. {@code tickets}). */
    public int count(String resource) {
        return store.count(resource(resource));
    }

    /**
     * A copy of one record, or {@code null}. Actions are keyed by ticket and id: use {@link #action(long, long)} for
     * them.
     */
    public Map<String, Object> record(String resource, long id) {
        return store.get(notActions(resource), 0, id);
    }

    /** A copy of the action {@code id} on ticket {@code ticketId}, or {@code null}. */
    public Map<String, Object> action(long ticketId, long id) {
        return store.get(SandboxResource.ACTIONS, ticketId, id);
    }

    /** Copies of all records of a resource, ordered by id (actions: by ticket id, then id). */
    public List<Map<String, Object>> records(String resource) {
        return store.all(resource(resource));
    }

    /**
     * Inserts or updates a record directly, bypassing HTTP and validation. A missing id gets the next one; an existing
     * id is updated field by field; an unknown id is inserted as given. Stamps the last-modified field with
     * {@link #now()}. Actions need a {@code ticket_id}.
     *
     * @return a copy of the stored record
     */
    public Map<String, Object> put(String resource, Map<String, Object> fields) {
        return store.put(resource(resource), Objects.requireNonNull(fields, "fields"));
    }

    /**
     * Inserts or updates a record of a path of Halo's description beyond the 22 resources (its generic store), as
     * Halo's own screens or another client would: a missing or unknown id gets the next one, a known id is updated
     * field by field. Stamps the records' last-modified field with {@link #now()} (the schema's; for a list whose
     * description names no schema, such a field the record carries, e.g. {@code last_update}).
     *
     * @param  path the list path as the description writes it, e.g. {@code /SalesOrder}
     * @return      a copy of the stored record
     */
    public Map<String, Object> putDescribed(String path, Map<String, Object> fields) {
        return described.put(path, Objects.requireNonNull(fields, "fields"));
    }

    /**
     * Copies of the records of a path of Halo's description beyond the 22 resources, by id (one seeded on first use).
     */
    public List<Map<String, Object>> describedRecords(String path) {
        return described.records(path);
    }

    /** Deletes a record if present. Use {@link #deleteAction(long, long)} for actions. */
    public void delete(String resource, long id) {
        store.remove(notActions(resource), 0, id);
    }

    /** Deletes action {@code id} of ticket {@code ticketId} if present. */
    public void deleteAction(long ticketId, long id) {
        store.remove(SandboxResource.ACTIONS, ticketId, id);
    }

    // ---- time ------------------------------------------------------------------------------

    /** The sandbox's "now": used for last-modified stamps and token expiry. */
    public Instant now() {
        return clock.instant();
    }

    /** Replaces the clock (default: the system UTC clock). */
    public void setClock(Clock c) {
        this.clock = Objects.requireNonNull(c, "clock");
    }

    /** Freezes "now" at an instant; writes then share that stamp until it moves. */
    public void setNow(Instant instant) {
        this.clock = Clock.fixed(instant, ZoneOffset.UTC);
    }

    /** Moves "now" forward (or back, with a negative duration). Advancing past a token's lifetime expires it. */
    public void advance(Duration d) {
        this.clock = Clock.offset(clock, d);
    }

    // ---- faults ----------------------------------------------------------------------------

    /**
     * Runs {@code action} once, before the first API request matching {@code when} is answered: e.g. a record deleted
     * between two pages of a list ({@code page_no=2} in the request's query). A test hook, not Halo behaviour.
     */
    public void beforeRequest(Predicate<RecordedRequest> when, Runnable action) {
        synchronized (beforeRequests) {
            beforeRequests.add(Map.entry(Objects.requireNonNull(when, "when"), Objects.requireNonNull(action, "action")));
        }
    }

    private void runBeforeRequest(RecordedRequest request) {
        Runnable due = null;
        synchronized (beforeRequests) {
            for (var it = beforeRequests.iterator(); it.hasNext();) {
                var entry = it.next();
                if (entry.getKey().test(request)) {
                    it.remove();
                    due = entry.getValue();
                    break;
                }
            }
        }
        if (due != null) {
            due.run();
        }
    }

    /**
     * The next {@code k} API requests are processed (a write is applied) but their replies are lost: the connection
     * closes with nothing sent, as when a connection resets after Halo did the work.
     */
    public void dropNextReplies(int k) {
        faults.dropNextReplies(k);
    }

    /**
     * The next {@code k} API requests are processed (a write is applied), then their replies wait {@code delay}: a
     * client with a shorter read timeout gives up although the work was done.
     */
    public void delayNextReplies(int k, Duration delay) {
        faults.delayNextReplies(k, delay);
    }

    /** The next {@code k} API requests answer {@code status} with a JSON error body and change nothing. */
    public void failNext(int k, int status) {
        faults.failNext(k, status);
    }

    /**
     * Beyond {@code maxRequests} API requests in a rolling {@code window}, answer 429 with the text "Rate Limit
     * Reached". Rejected requests do not count towards the window. {@code rateLimit(0, null)}: off.
     */
    public void rateLimit(int maxRequests, Duration window) {
        faults.rateLimit(maxRequests, window);
    }

    /** Adds a {@code Retry-After} header (seconds) to 429 replies; {@code null} (the default, as Halo): none. */
    public void rateLimitRetryAfter(Integer seconds) {
        faults.retryAfter(seconds);
    }

    /** Sleeps this long before answering each API request; {@code null} or zero: no delay. */
    public void latency(Duration perRequest) {
        faults.latency(perRequest);
    }

    /** The lifetime ({@code expires_in}) of tokens issued from now on; default one hour. */
    public void tokenLifetime(Duration d) {
        tokenEndpoint.lifetime(Objects.requireNonNull(d, "lifetime"));
    }

    /** Invalidates every access token issued so far (the API then answers 401); refresh tokens still work. */
    public void expireAllTokens() {
        tokens.expireAll();
    }

    /**
     * When on, {@code /auth/token} answers 500 with an HTML error page, as Halo does when the application has no agent
     * to log in as.
     */
    public void simulateNoAgentToLogInAs(boolean on) {
        tokenEndpoint.noAgentToLogInAs(on);
    }

    // ---- real-tenant modes ------------------------------------------------------------------

    /**
     * The real-tenant modes on for every resource ({@link TenantMode}); with no {@link #scopedModes()}, empty means the
     * sandbox answers as halo-api.md documents.
     */
    public Set<TenantMode> modes() {
        return modes.everywhere();
    }

    /** The real-tenant modes on for some resources only, each with those resources' names ({@link #setModeFor}). */
    public Map<TenantMode, Set<String>> scopedModes() {
        return modes.scoped();
    }

    /**
     * Switches exactly these real-tenant modes on, for every resource (and every other one off, scoped ones too), from
     * the next request.
     */
    public void setModes(Set<TenantMode> on) {
        this.modes = TenantModes.everywhere(on);
    }

    /**
     * Switches exactly these real-tenant modes on, for every resource (and every other one off, scoped ones too), from
     * the next request.
     */
    public void setModes(TenantMode... on) {
        setModes(Set.copyOf(Arrays.asList(on)));
    }

    /**
     * Switches this real-tenant mode on for these resources only (replacing where it was on), the other modes as they
     * are, from the next request: {@code setModeFor(TenantMode.UPDATED_FILTER_IGNORED, "users")} is a tenant that
     * honours {@code lastupdatefromdate} on {@code /Tickets} and ignores it on {@code /Users}. A scoped mode applies to
     * the requests on its resources only. A resource is named as {@link #put} and {@link #records} name it
     * ({@code users}) or by its Halo path ({@code Users}).
     *
     * @throws IllegalArgumentException when no resource is named, or one is unknown (the message lists the names)
     */
    public void setModeFor(TenantMode mode, String... resources) {
        Objects.requireNonNull(mode, "mode");
        synchronized (this) {
            this.modes = modes.with(mode, TenantModes.requireSome(mode, resources));
        }
    }

    /** The real-tenant modes on for requests on this resource: those on everywhere and those scoped to it. */
    Set<TenantMode> modesFor(SandboxResource r) {
        return modes.on(r);
    }

    // ---- HTTP ------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) {
        try {
            HttpReply reply = answer(exchange);
            if (isApi(exchange)) {
                Faults.AfterProcessing after = faults.afterProcessing();
                if (after == Faults.AfterProcessing.DROP) {
                    // the request was processed; the reply is lost on the way (connection closed, nothing sent)
                    LOG.debug("{} {} processed, reply dropped", exchange.getRequestMethod(), exchange.getRequestURI());
                    return;
                }
                if (after == Faults.AfterProcessing.DELAY) {
                    faults.sleepReplyDelay();
                }
            }
            send(exchange, reply);
            LOG.debug("{} {} -> {}", exchange.getRequestMethod(), exchange.getRequestURI(), reply.status());
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        } finally {
            exchange.close();
        }
    }

    private static boolean isApi(HttpExchange exchange) {
        String lower = exchange.getRequestURI().getPath().toLowerCase(Locale.ROOT);
        return lower.equals("/api") || lower.startsWith("/api/");
    }

    private HttpReply answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String method = exchange.getRequestMethod();
        URI uri = exchange.getRequestURI();
        String path = uri.getPath();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        RecordedRequest request = new RecordedRequest(
                method, path, uri.getRawQuery(), exchange.getRequestHeaders(), body, System.nanoTime());
        synchronized (recorded) {
            requestCount.incrementAndGet();
            if (recorded.size() == MAX_RECORDED) {
                recorded.removeFirst();
            }
            recorded.addLast(request);
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.equals("/auth/token")) {
            // a hosted tenant's ?tenant=<name> is accepted and only recorded
            tokenRequestCount.incrementAndGet();
            return tokenEndpoint.handle(method, authorization, body);
        }
        if (lower.equals("/api") || lower.startsWith("/api/")) {
            apiRequestCount.incrementAndGet();
            runBeforeRequest(request);
            checkConformance(method, path, uri.getRawQuery(), body);
            return answerApi(method, path, uri.getRawQuery(), authorization, body);
        }
        if (lower.equals(MODES_PATH)) {
            return modesEndpoint(method, body);
        }
        return ApiEndpoint.noRoute(path);
    }

    /**
     * {@code GET /sandbox/modes}: the modes on, as a JSON array of names, a mode scoped to some resources written
     * {@code NAME:resource,resource}; {@code PUT} (or {@code POST}) with such an array: exactly those on. Outside
     * {@code /api}, unauthenticated, like the other switches a test uses.
     */
    private HttpReply modesEndpoint(String method, String body) {
        if (method.equals("PUT") || method.equals("POST")) {
            TenantModes on = TenantModes.NONE;
            try {
                for (Object name : HttpReply.JSON.readValue(body, List.class)) {
                    on = on.with(String.valueOf(name));
                }
            } catch (IllegalArgumentException e) {
                return HttpReply.json(400, Map.of("error", e.getMessage()));
            } catch (IOException e) {
                return HttpReply.json(400, Map.of("error", "expected a JSON array of mode names (NAME or "
                                                           + "NAME:resource,resource), any of "
                                                           + Arrays.toString(TenantMode.values()) + "; got: " + body));
            }
            this.modes = on;
        } else if (!method.equals("GET")) {
            return HttpReply.json(405, Map.of("error", "GET or PUT " + MODES_PATH));
        }
        return HttpReply.json(200, modes.names());
    }

    private void checkConformance(String method, String path, String rawQuery, String body) {
        List<String> problems = conformance.problems(method, path.substring("/api".length()),
                Forms.parse(rawQuery).keySet(), body);
        for (String problem : problems) {
            Violation v = new Violation(method, path, rawQuery, problem);
            LOG.warn("Request outside Halo's API description: {}", v);
            synchronized (violations) {
                violations.add(v);
            }
            SandboxViolations.record(v);
        }
    }

    private HttpReply answerApi(String method, String path, String rawQuery, String authorization, String body) {
        try {
            HttpReply fault = faults.intercept();
            if (fault != null) {
                return fault;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HttpReply.empty(503);
        }
        if (path.equalsIgnoreCase("/api/authinfo")) {
            // unauthenticated discovery of the auth server, as HaloAPI uses it
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("auth_url", baseUrl() + "/auth");
            info.put("tenant_id", "sandbox");
            return HttpReply.json(200, info);
        }
        TokenIssuer.AccessToken token = tokens.validate(bearer(authorization), now());
        if (token == null) {
            // ASP.NET Web API's reply to a missing, unknown or expired bearer token
            return HttpReply.json(401, Map.of("Message", "Authorization has been denied for this request."))
                    .withHeader("WWW-Authenticate", "Bearer");
        }
        if (token.scope().isBlank()) {
            // Halo issues a token for no scope, but it may do nothing (peers saw 401/403; 403 chosen: verify)
            return HttpReply.haloError(403, "You do not have access to this resource");
        }
        Map<String, String> params = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        params.putAll(Forms.parse(rawQuery));
        return api.handle(method, path, params, body);
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).trim();
    }

    private static void send(HttpExchange exchange, HttpReply reply) throws IOException {
        if (reply.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        }
        reply.headers().forEach(exchange.getResponseHeaders()::set);
        byte[] body = reply.body();
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static SandboxResource resource(String name) {
        return SandboxResource.byName(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown resource '" + name + "'; one of " + Arrays.stream(SandboxResource.values())
                        .map(SandboxResource::resourceName).toList()));
    }

    private static SandboxResource notActions(String name) {
        SandboxResource r = resource(name);
        if (r.keyedByTicket()) {
            throw new IllegalArgumentException(
                    "actions are keyed by (ticket_id, id): use action(ticketId, id)"
                                               + " or deleteAction(ticketId, id)");
        }
        return r;
    }
}
