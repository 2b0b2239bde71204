package io.camelhalo.component.halo.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.camelhalo.component.halo.error.HaloApiException;
import io.camelhalo.component.halo.error.HaloIOException;
import io.camelhalo.component.halo.error.HaloRateLimitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to one Halo tenant: within the tenant's rate limit, with bounded reply bodies, retrying only what is
 * safe to retry. Both the API client and the token manager send through here, so these rules hold for every request the
 * component makes.
 */
public final class HaloTransport {

    private static final Logger LOG = LoggerFactory.getLogger(HaloTransport.class);

    private final HttpClient http;
    private final HaloRateGovernor governor;
    private final HaloRetryPolicy retryPolicy;
    private final long maxResponseSize;
    private final BoundedBodyHandler bodyHandler;
    private final HaloConnectionStatistics statistics;

    public HaloTransport(HttpClient http, HaloRateGovernor governor, HaloRetryPolicy retryPolicy, long maxResponseSize) {
        this(http, governor, retryPolicy, maxResponseSize, new HaloConnectionStatistics(governor));
    }

    private HaloTransport(HttpClient http, HaloRateGovernor governor, HaloRetryPolicy retryPolicy, long maxResponseSize,
                          HaloConnectionStatistics statistics) {
        this.http = http;
        this.governor = governor;
        this.retryPolicy = retryPolicy;
        this.maxResponseSize = maxResponseSize;
        this.bodyHandler = new BoundedBodyHandler(maxResponseSize);
        this.statistics = statistics;
    }

    /**
     * This transport (same HTTP client, rate governor and statistics) for requests that must not wait: no permit free
     * now, or a 429, fails at once with a {@link HaloRateLimitException}, and nothing is retried. For the readiness
     * probe, which must neither wait nor spend more than one request of the budget.
     */
    public HaloTransport withoutWaiting() {
        return new HaloTransport(
                http, governor, new HaloRetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO),
                maxResponseSize, statistics);
    }

    public HaloConnectionStatistics statistics() {
        return statistics;
    }

    /**
     * Sends a request and returns Halo's reply, whatever its status, after the retries the policy allows.
     *
     * @param request    the request
     * @param idempotent whether sending it twice is harmless (GET, DELETE, a token request)
     * @param target     the method-less path and query for messages and logs (never carries a secret)
     * @param label      what the request is, for the statistics
     */
    public HaloReply send(HttpRequest request, boolean idempotent, String target, HaloRequestLabel label)
            throws HaloApiException, InterruptedException {
        String method = request.method();
        long rateLimitWaitStart = System.nanoTime();
        int retries = 0;
        int rateLimited = 0;
        while (true) {
            permit(method, target, rateLimitWaitStart);
            HttpResponse<byte[]> reply;
            try {
                logRequest(request);
                reply = http.send(request, bodyHandler);
            } catch (BoundedBodyHandler.TooLargeException e) {
                throw tooLarge(method, target, idempotent, e);
            } catch (ConnectException | HttpConnectTimeoutException e) {
                // the request never left: safe to send again, write or not
                if (retries < retryPolicy.maxRetries()) {
                    backoff(++retries, method, target, label, e.toString());
                    continue;
                }
                throw new HaloIOException(
                        0, method, target, null, "could not connect (" + e + ") after " + retries
                                                 + " retries; nothing was sent",
                        false, e);
            } catch (IOException e) {
                if (tooLargeIn(e) != null) { // the client wraps what the body subscriber failed with
                    throw tooLarge(method, target, idempotent, tooLargeIn(e));
                }
                String what = e instanceof HttpTimeoutException ? "no reply within readTimeout" : e.toString();
                if (idempotent && retries < retryPolicy.maxRetries()) {
                    backoff(++retries, method, target, label, what);
                    continue;
                }
                throw new HaloIOException(
                        0, method, target, null,
                        idempotent
                                ? what + " after " + retries + " retries"
                                : what + ". The request was sent and Halo may have applied it: it is NOT retried; "
                                  + "check Halo before sending it again",
                        !idempotent, e);
            } finally {
                governor.release();
            }
            if (reply.body() == null && reply.headers().firstValueAsLong("Content-Length").orElse(0) > maxResponseSize) {
                throw tooLarge(method, target, idempotent, new BoundedBodyHandler.TooLargeException(maxResponseSize));
            }
            HaloReply response = new HaloReply(method, target, reply.statusCode(), reply.headers(), reply.body());
            statistics.replied(label, response.status());
            if (LOG.isDebugEnabled()) { // no varargs array nor boxing on the hot path
                LOG.debug("{} {} -> {}", method, target, response.status());
            }
            if (response.status() == 429) {
                statistics.rateLimited(label);
                String retryAfter = response.header("Retry-After").orElse(null);
                Duration wait = retryPolicy.rateLimitWait(++rateLimited, retryAfter);
                if (HaloRetryPolicy.retryAfter(retryAfter) != null && retryPolicy.exceedsMaxRateLimitWait(wait)) {
                    throw new HaloRateLimitException(
                            429, method, target, response.headerMap(), response.bodyAsString(),
                            "Halo's rate limit was reached and its Retry-After asks for a wait of " + wait.toMillis()
                                                                                                + " ms, longer than maxRateLimitWait ("
                                                                                                + retryPolicy.maxRateLimitWait()
                                                                                                        .toMillis()
                                                                                                + " ms): failing at once "
                                                                                                + "without waiting; nothing "
                                                                                                + "was applied");
                }
                Duration waited = Duration.ofNanos(System.nanoTime() - rateLimitWaitStart);
                if (waited.plus(wait).compareTo(retryPolicy.maxRateLimitWait()) > 0) {
                    throw new HaloRateLimitException(
                            429, method, target, response.headerMap(), response.bodyAsString(),
                            "Halo's rate limit was still reached after waiting " + waited.toSeconds()
                                                                                                + " s (maxRateLimitWait "
                                                                                                + retryPolicy.maxRateLimitWait()
                                                                                                        .toSeconds()
                                                                                                + " s); nothing was "
                                                                                                + "applied. Lower the request rate or the rateLimit option");
                }
                LOG.info("Halo answered 429 to {} {}: waiting {} ms before retrying", method, target, wait.toMillis());
                TimeUnit.MILLISECONDS.sleep(wait.toMillis());
                continue;
            }
            if (retryPolicy.retriesStatus(response.status(), idempotent) && retries < retryPolicy.maxRetries()) {
                backoff(++retries, method, target, label, "HTTP " + response.status());
                continue;
            }
            return response;
        }
    }

    private void permit(String method, String target, long waitStart) throws HaloApiException, InterruptedException {
        if (!governor.isLimiting()) {
            return; // no Duration arithmetic per request when there is nothing to wait for
        }
        Duration left = retryPolicy.maxRateLimitWait().minus(Duration.ofNanos(System.nanoTime() - waitStart));
        long permitWaitStart = System.nanoTime();
        statistics.waitingForPermit(true);
        boolean permitted;
        try {
            permitted = governor.acquire(left.isNegative() ? Duration.ZERO : left);
        } finally {
            statistics.waitingForPermit(false);
            statistics.waitedForPermit(System.nanoTime() - permitWaitStart);
        }
        if (!permitted) {
            throw new HaloRateLimitException(
                    0, method, target, null, null, "No request permit "
                                                   + (retryPolicy.maxRateLimitWait().isZero()
                                                           ? "free now, and this request does not wait"
                                                           : "within maxRateLimitWait ("
                                                             + retryPolicy.maxRateLimitWait().toSeconds() + " s)")
                                                   + " from the rate governor (" + governor + "); nothing was sent");
        }
    }

    private void backoff(int retry, String method, String target, HaloRequestLabel label, String why)
            throws InterruptedException {
        Duration wait = retryPolicy.backoff(retry);
        statistics.retried(label);
        LOG.info("{} {} failed ({}): retry {} of {} in {} ms", method, target, why, retry, retryPolicy.maxRetries(),
                wait.toMillis());
        TimeUnit.MILLISECONDS.sleep(wait.toMillis());
    }

    private static BoundedBodyHandler.TooLargeException tooLargeIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BoundedBodyHandler.TooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    /** Halo did answer, but more than maxResponseSize: the reply is lost, so a write may have been applied. */
    private static HaloIOException tooLarge(String method, String target, boolean idempotent, IOException e) {
        return new HaloIOException(
                0, method, target, null,
                "Halo answered, but " + e.getMessage() + "; raise maxResponseSize or ask for less (pageSize, query "
                                         + "filters)"
                                         + (idempotent
                                                 ? ""
                                                 : ". The write may have been applied: check Halo before sending it again"),
                !idempotent, e);
    }

    private static void logRequest(HttpRequest request) {
        if (LOG.isTraceEnabled()) {
            StringBuilder headers = new StringBuilder();
            request.headers().map().forEach((name, values) -> headers.append(' ').append(name).append('=')
                    .append(name.equalsIgnoreCase("Authorization") ? "Bearer ******" : values));
            LOG.trace("{} {}{}", request.method(), request.uri(), headers);
        }
    }
}
