package io.camelhalo.component.halo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import io.camelhalo.component.halo.client.HaloConnection;
import io.camelhalo.component.halo.error.HaloApiException;
import io.camelhalo.component.halo.error.HaloRateLimitException;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.health.WritableHealthCheckRepository;

/**
 * Readiness of the halo: producers of one {@link HaloConnection} (one tenant, application and credentials): a token can
 * be had and Halo answers a cheap read ({@code GET /api/Status}). One check per connection however many producers use
 * it, in Camel's "producers" health repository while at least one of them runs (when camel-health is present).
 * <p>
 * It costs Halo's request budget next to nothing: Halo is asked at most once per {@link #PROBE_INTERVAL}, however many
 * endpoints there are and however often the check is called; in between, the last result is reported. A probe never
 * waits, for a request permit, a 429's back-off or another thread's token renewal: when the budget is busy it is not
 * sent, and the last result stands (UP before the first probe), with detail {@link #NOT_PROBED} saying why; the next
 * call tries again, since a probe that sent nothing learnt nothing. A busy budget means the routes are using Halo right
 * now, which is no sign that Halo is unreachable; turning DOWN then would take the application out of service when it
 * is busiest. A real failure (refused credentials, an error reply, no reply) is DOWN, until the next probe.
 */
public class HaloProducerHealthCheck implements HealthCheck {

    /** How long a probe's result stands: Halo is asked at most once per interval and connection. */
    static final Duration PROBE_INTERVAL = Duration.ofMinutes(1);
    /** Detail: why Halo was not asked this time; the state is the last probe's. */
    public static final String NOT_PROBED = "halo.not.probed";
    /** Detail: when Halo was last asked. */
    public static final String PROBED_AT = "halo.probed.at";
    /** Detail: the connection's API URL. */
    public static final String API_URL = "halo.api.url";
    /** Detail: where the rate limit comes from now; starts with "fallback:" when a shared budget is unreachable. */
    public static final String RATE_BUDGET = "halo.rate.budget";

    private final HaloConnection connection;
    private final String id;
    private final Duration timeout;
    private final ReentrantLock probing = new ReentrantLock();
    /** The producers using this check (any object: the check needs only their number); guarded by itself. */
    private final Set<Object> producers = new HashSet<>();
    private volatile Clock clock = Clock.systemUTC();
    private volatile boolean enabled = true;
    /** The result to report until {@code until}; null before the first call. */
    private volatile Cached last;
    /** Why the last probe sent nothing; written and read under {@link #probing}. */
    private String busyReason;

    private record Cached(Result result, Instant until) {
    }

    /**
     * @param connection the connection whose readiness this is
     * @param id         the check's id, unique in the repository
     * @param timeout    how long a probe waits for Halo's reply
     */
    public HaloProducerHealthCheck(HaloConnection connection, String id, Duration timeout) {
        this.connection = connection;
        this.id = id;
        this.timeout = timeout;
    }

    /** Adds this check to the repository with the first producer that uses it. */
    void addProducer(Object producer, WritableHealthCheckRepository repository) {
        synchronized (producers) {
            if (producers.add(producer) && producers.size() == 1) {
                repository.addHealthCheck(this);
            }
        }
    }

    /** Removes this check from the repository with the last producer that used it. */
    void removeProducer(Object producer, WritableHealthCheckRepository repository) {
        synchronized (producers) {
            if (producers.remove(producer) && producers.isEmpty()) {
                repository.removeHealthCheck(this);
            }
        }
    }

    @Override
    public Result call(Map<String, Object> options) {
        Result result = cachedOrProbed();
        // the budget is told as it is now, not as it was at the last probe: a fallback shows at once
        return HealthCheckResultBuilder.on(this).state(result.getState()).details(result.getDetails())
                .message(result.getMessage().orElse(null)).error(result.getError().orElse(null))
                .detail(RATE_BUDGET, connection.statistics().rateBudget()).build();
    }

    private Result cachedOrProbed() {
        Instant now = clock.instant();
        Cached cached = last;
        if (cached != null && now.isBefore(cached.until())) {
            return cached.result();
        }
        if (!probing.tryLock()) {
            return notProbed(cached, "another call is probing Halo right now"); // not waiting for it either
        }
        try {
            cached = last;
            if (cached != null && now.isBefore(cached.until())) {
                return cached.result(); // probed by the call that held the lock
            }
            Result result = probe(now);
            if (result == null) {
                // nothing was sent, so nothing is learnt: the next call tries again rather than repeat this for a minute
                return notProbed(cached, busyReason);
            }
            last = new Cached(result, now.plus(PROBE_INTERVAL));
            return result;
        } finally {
            probing.unlock();
        }
    }

    /**
     * @return the probe's result, or {@code null} when the budget was busy and nothing was sent ({@link #busyReason})
     */
    private Result probe(Instant now) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this)
                .detail(API_URL, connection.key().apiUrl())
                .detail(PROBED_AT, now.toString());
        try {
            connection.probe(timeout);
            return builder.up().build();
        } catch (HaloRateLimitException busy) {
            busyReason = "rate budget busy: " + busy.getMessage();
            return null;
        } catch (HaloApiException e) {
            if (e.isErrorReply()) {
                builder.detail(HTTP_RESPONSE_CODE, e.getStatusCode());
            }
            return builder.down().message(e.getMessage()).error(e).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return builder.down().message("interrupted").build();
        } catch (RuntimeException e) {
            return builder.down().message(e.getMessage()).error(e).build();
        }
    }

    /** The last probe's result with why Halo was not asked now, or UP when there has been no probe yet. */
    private Result notProbed(Cached previous, String why) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        if (previous == null) {
            builder.up().detail(API_URL, connection.key().apiUrl());
        } else {
            Result result = previous.result();
            builder.state(result.getState()).details(result.getDetails()).message(result.getMessage().orElse(null))
                    .error(result.getError().orElse(null));
        }
        return builder.detail(NOT_PROBED, why).build();
    }

    /** For tests: the clock that says when a result is old enough to probe again. */
    void setClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean isLiveness() {
        return false; // Halo being unreachable is no reason to restart this application
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return id;
    }
}
