package io.camelhalo.component.halo.change;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.camelhalo.component.halo.HaloConstants;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.DefaultConsumer;

/**
 * The one delivery step of both change paths, halo-poll and halo-webhook: claims a change's version in the shared
 * idempotent repository, sets the body and headers, runs the route, then confirms the claim or releases it and moves
 * the consumer's progress. What an exchange stands for is kept here, not read back from the message: whatever the route
 * does to headers, body or properties, the change is counted the same.
 */
public final class ChangeDelivery {

    /** How one change ended. */
    public enum Outcome {
        /** The route ran on it and succeeded. */
        ROUTED,
        /** Its version was claimed already (by the other path, or another instance): not routed again. */
        DUPLICATE,
        /** Its version is one this route's own write produced ({@link OwnWrites}): skipped, and progress passes it. */
        OWN_WRITE,
        /** The route (or the claim) failed: released, so it is delivered again. */
        FAILED,
        /**
         * Another delivery in this JVM is still routing the same version and did not finish within the wait: not
         * routed, and not done either (it may still fail); progress does not pass it.
         */
        IN_FLIGHT
    }

    /** What a settled change moves: halo-poll's stored progress; nothing for halo-webhook. */
    public interface Progress {

        /** Moves nothing. */
        Progress NONE = new Progress() {
            @Override
            public void delivered(HaloChange change) {
                // a webhook delivery has no progress of its own: Halo's retry is its memory
            }

            @Override
            public void failed(HaloChange change) {
                // nothing to hold back
            }
        };

        /** The change was routed, or had been already: progress may pass it. */
        void delivered(HaloChange change);

        /** The change failed, or is still in flight elsewhere: progress must not pass it. */
        void failed(HaloChange change);
    }

    private final DefaultConsumer consumer;
    private final ChangeClaims claims;
    private final String redelivery;
    private final OwnWrites ownWrites;
    private final boolean skipOwnWrites;

    /**
     * @param consumer   the consumer whose route runs (its processor, exchange factory and exception handler)
     * @param repository the idempotent repository shared with the other path and other instances, or {@code null}
     * @param redelivery how a failed change comes back, for the exception handler's message
     */
    public ChangeDelivery(DefaultConsumer consumer, IdempotentRepository repository, String redelivery) {
        this(consumer, repository, redelivery, null, false);
    }

    /**
     * @param consumer      the consumer whose route runs (its processor, exchange factory and exception handler)
     * @param repository    the idempotent repository shared with the other path and other instances, or {@code null}
     * @param redelivery    how a failed change comes back, for the exception handler's message
     * @param ownWrites     the versions writes through the consumer's connection produced, or {@code null}
     * @param skipOwnWrites whether a version the consumer's own route wrote is skipped (else delivered with header
     *                      {@code CamelHaloOwnWrite=true})
     */
    public ChangeDelivery(DefaultConsumer consumer, IdempotentRepository repository, String redelivery,
                          OwnWrites ownWrites, boolean skipOwnWrites) {
        this.consumer = consumer;
        this.claims = new ChangeClaims(repository);
        this.redelivery = redelivery;
        this.ownWrites = ownWrites;
        this.skipOwnWrites = skipOwnWrites;
    }

    /**
     * Delivers one change of a batch (a poll's changes, or a webhook delivery's records).
     *
     * @param index        the change's place in its batch, from 0
     * @param size         the batch's size
     * @param headers      headers of the change's source to set besides the change's own (e.g. the webhook's event)
     * @param inFlightWait how long to wait for another delivery of the same version still being routed in this JVM
     *                     (zero: do not wait)
     */
    public Outcome deliver(
            HaloChange change, int index, int size, Progress progress, Map<String, Object> headers,
            Duration inFlightWait) {
        boolean own = ownWrites != null && ownWrites.wroteBy(change.key(), consumer.getRouteId());
        if (own && skipOwnWrites) {
            progress.delivered(change); // done: the route made this version itself
            return Outcome.OWN_WRITE;
        }
        if (own) {
            headers = new LinkedHashMap<>(headers);
            headers.put(HaloConstants.OWN_WRITE, Boolean.TRUE);
        }
        for (int attempt = 1;; attempt++) {
            ChangeClaims.Result claim;
            try {
                claim = claims.claim(change.key());
            } catch (RuntimeException e) {
                // the repository cannot say: route nothing and release nothing, the change comes again
                return failed(change, e, progress);
            }
            if (claim == ChangeClaims.Result.TAKEN) {
                progress.delivered(change);
                return Outcome.DUPLICATE;
            }
            if (claim == ChangeClaims.Result.CLAIMED) {
                return route(change, index, size, progress, headers);
            }
            Boolean routed = outcomeWithin(change, inFlightWait);
            if (routed == null || (!routed && attempt > 1)) {
                progress.failed(change); // still in flight (or failing again elsewhere): not done, not passed
                return Outcome.IN_FLIGHT;
            }
            if (routed) {
                progress.delivered(change);
                return Outcome.DUPLICATE;
            }
            // the first delivery failed and released it: claim it again and route it here
        }
    }

    /** Delivers one change with no source headers, not waiting for another delivery of it. */
    public Outcome deliver(HaloChange change, int index, int size, Progress progress) {
        return deliver(change, index, size, progress, Map.of(), Duration.ZERO);
    }

    /** The outcome of the in-flight delivery of a change, or {@code null} when it did not finish within the wait. */
    private Boolean outcomeWithin(HaloChange change, Duration wait) {
        if (wait.isZero() || wait.isNegative()) {
            return null;
        }
        try {
            return claims.outcome(change.key()).get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return Boolean.FALSE; // never completed exceptionally; read as released
        }
    }

    private Outcome route(HaloChange change, int index, int size, Progress progress, Map<String, Object> headers) {
        Exchange exchange = consumer.createExchange(false);
        try {
            prepare(exchange, change, index, size);
            exchange.getMessage().getHeaders().putAll(headers);
            try {
                consumer.getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.isFailed()) {
                claims.release(change.key()); // only what this delivery claimed: another instance's is not ours
                progress.failed(change);
                consumer.getExceptionHandler().handleException(message(change), exchange, exchange.getException());
                return Outcome.FAILED;
            }
            claims.confirm(change.key());
            progress.delivered(change);
            return Outcome.ROUTED;
        } finally {
            consumer.releaseExchange(exchange, false);
        }
    }

    private Outcome failed(HaloChange change, Exception cause, Progress progress) {
        progress.failed(change);
        consumer.getExceptionHandler().handleException(message(change), cause);
        return Outcome.FAILED;
    }

    private String message(HaloChange change) {
        return "Routing the change " + change.key() + " failed; " + redelivery;
    }

    /** The exchange for one change; its headers report the change and are never read back. */
    private static void prepare(Exchange exchange, HaloChange change, int index, int size) {
        Message message = exchange.getMessage();
        message.setBody(change.record());
        message.setHeader(HaloConstants.RECORD_RESOURCE, change.resource().uriName());
        message.setHeader(HaloConstants.RECORD_ID, change.id());
        message.setHeader(HaloConstants.LAST_MODIFIED, change.lastModified());
        message.setHeader(HaloConstants.EVENT_TYPE, change.eventType());
        exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
        exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, size);
        exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == size - 1);
    }
}
