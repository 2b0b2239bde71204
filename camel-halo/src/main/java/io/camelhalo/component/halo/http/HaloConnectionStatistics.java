package io.camelhalo.component.halo.http;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import io.camelhalo.component.halo.api.HaloResource;

/**
 * What one connection's transport has done so far: replies by resource, operation and status, retries, 429s, time
 * waited for the rate governor, and when the current access token expires (never the token). Read by the halo dev
 * console; {@link Listener}s (the Micrometer binding) hear each event as it happens.
 * <p>
 * The transport knows a request by method and path, so the operation is what Halo sees: {@code get} (GET of one
 * record), {@code list}, {@code write} (POST: create and update are one request to Halo), {@code delete}, and
 * {@code token} for the token endpoint.
 */
public final class HaloConnectionStatistics {

    private static final Map<String, String> RESOURCE_BY_PATH = Arrays.stream(HaloResource.values())
            .collect(Collectors.toUnmodifiableMap(r -> r.path().toLowerCase(Locale.ROOT), HaloResource::uriName));

    /** Hears the events as they happen; must be quick and must not throw. */
    public interface Listener {
        void replied(String resource, String operation, int status);

        void retried(String resource, String operation);

        void rateLimited(String resource, String operation);

        void waitedForPermit(long nanos);
    }

    private final Map<String, LongAdder> replies = new ConcurrentHashMap<>();
    private final LongAdder retries = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder permitWaitNanos = new LongAdder();
    private final AtomicInteger waitingForPermit = new AtomicInteger();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final HaloRateGovernor governor;
    private volatile Instant tokenExpiresAt;

    HaloConnectionStatistics(HaloRateGovernor governor) {
        this.governor = governor;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    void replied(String method, String target, int status) {
        String resource = resource(target);
        String operation = operation(method, target);
        replies.computeIfAbsent(resource + ' ' + operation + ' ' + status, k -> new LongAdder()).increment();
        listeners.forEach(l -> l.replied(resource, operation, status));
    }

    void retried(String method, String target) {
        retries.increment();
        listeners.forEach(l -> l.retried(resource(target), operation(method, target)));
    }

    void rateLimited(String method, String target) {
        rateLimited.increment();
        listeners.forEach(l -> l.rateLimited(resource(target), operation(method, target)));
    }

    void waitingForPermit(boolean waiting) {
        waitingForPermit.addAndGet(waiting ? 1 : -1);
    }

    void waitedForPermit(long nanos) {
        permitWaitNanos.add(nanos);
        listeners.forEach(l -> l.waitedForPermit(nanos));
    }

    /** Called by the token manager with the expiry Halo gave ({@code expires_in}). */
    public void tokenIssued(Instant expiresAt) {
        tokenExpiresAt = expiresAt;
    }

    /** When the current access token expires, or {@code null} before the first one. */
    public Instant tokenExpiresAt() {
        return tokenExpiresAt;
    }

    /** Replies so far, keyed "resource operation status" (e.g. {@code "tickets list 200"}), sorted. */
    public Map<String, Long> replies() {
        Map<String, Long> copy = new TreeMap<>();
        replies.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    public long retries() {
        return retries.sum();
    }

    /** 429 replies so far (each was waited out and retried, or ended in HaloRateLimitException). */
    public long rateLimited() {
        return rateLimited.sum();
    }

    public long permitWaitMillis() {
        return permitWaitNanos.sum() / 1_000_000;
    }

    /** Requests waiting for a rate-governor permit now. */
    public int waitingForPermit() {
        return waitingForPermit.get();
    }

    /** Rate-governor permits in use now (in flight or counting in the window), of {@link #permitLimit()}. */
    public int permitsUsed() {
        return governor.permitsUsed();
    }

    /** The rate limit per window; 0 when off. */
    public int permitLimit() {
        return governor.limit();
    }

    /**
     * The resource's URI name ({@code clients} for {@code /api/Client/12?x=1}), Halo's path in lower case for a path
     * outside the resource table, {@code token} for the token endpoint.
     */
    static String resource(String target) {
        int api = target.indexOf("/api/");
        if (api < 0) {
            return "token";
        }
        String path = target.substring(api + 5).split("[/?]", 2)[0];
        return RESOURCE_BY_PATH.getOrDefault(path.toLowerCase(Locale.ROOT), path.toLowerCase(Locale.ROOT));
    }

    static String operation(String method, String target) {
        if (target.indexOf("/api/") < 0) {
            return "token";
        }
        return switch (method) {
            case "GET" -> target.substring(target.indexOf("/api/") + 5).split("\\?", 2)[0].contains("/") ? "get" : "list";
            case "POST" -> "write";
            case "DELETE" -> "delete";
            default -> method.toLowerCase(Locale.ROOT);
        };
    }
}
