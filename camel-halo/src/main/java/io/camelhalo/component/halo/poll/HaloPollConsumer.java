package io.camelhalo.component.halo.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;

import io.camelhalo.component.halo.HaloConstants;
import io.camelhalo.component.halo.api.HaloChangeVersion;
import io.camelhalo.component.halo.api.HaloResource;
import io.camelhalo.component.halo.api.HaloTimestamps;
import io.camelhalo.component.halo.state.SharedVersions;
import io.camelhalo.component.halo.client.HaloPager;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.CastUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires one exchange per record changed since the last poll, oldest first. Progress is read from the state
 * repository at the start of every poll and written after every delivered exchange, so a restart or another
 * cluster member continues exactly where this one stopped. What an exchange stands for (its record's version) is
 * kept by the consumer, not on the message: whatever the route does to headers, body or properties, progress is
 * counted the same.
 */
public class HaloPollConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(HaloPollConsumer.class);

    private final HaloPollEndpoint endpoint;
    private final HaloResource resource;
    private HaloChangeFeed feed;
    private StateRepository<String, String> stateRepository;
    private IdempotentRepository idempotentRepository;
    private String stateKey;
    private Batch batch;
    private Instant startedAt;
    private final HaloPollStatistics statistics = new HaloPollStatistics();

    public HaloPollConsumer(HaloPollEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.resource = endpoint.getResource();
    }

    @Override
    protected void doStart() throws Exception {
        HaloPager pager = new HaloPager(endpoint.getConnection().httpClient(),
                                        Duration.ofMillis(endpoint.getConfiguration().getReadTimeout()));
        feed = new HaloChangeFeed(pager, endpoint.getConnection().httpClient(),
                                  Duration.ofMillis(endpoint.getConfiguration().getReadTimeout()), resource,
                                  endpoint.filters(), endpoint.getPageSize());
        stateRepository = endpoint.stateRepository();
        ServiceHelper.startService(stateRepository); // a FileStateRepository loads its file here
        idempotentRepository = endpoint.getIdempotentRepository();
        ServiceHelper.startService(idempotentRepository);
        stateKey = endpoint.stateKey(getRouteId());
        // startFrom=now means when the route started: a change made before the first poll (initialDelay) counts
        startedAt = endpoint.startInstant();
        super.doStart();
    }

    @Override
    protected int poll() throws Exception {
        statistics.pollStarted(endpoint.getClock().instant());
        PollProgress progress = loadProgress();
        Instant queryFrom = progress.queryFrom(endpoint.getClock().instant(), Duration.ofMillis(endpoint.getOverlap()));
        List<Map<String, Object>> changed = feed.changedSince(queryFrom);
        statistics.changedFound(changed.size());
        Queue<Delivery> exchanges = new ArrayDeque<>();
        for (Map<String, Object> record : changed) {
            String key = feed.versionKey(record);
            if (!progress.isSeen(key)) {
                Instant lastModified = feed.lastModified(record);
                exchanges.add(new Delivery(createExchange(record, lastModified, progress.watermark()), key,
                                           lastModified, HaloChangeVersion.key(resource, record)));
            }
        }
        LOG.debug("Polled {}: {} changed since {}, {} not delivered yet", resource.uriName(), changed.size(),
                queryFrom, exchanges.size());
        batch = new Batch(progress);
        try {
            return processBatch(CastUtils.cast(exchanges));
        } finally {
            batch = null;
        }
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        if (maxMessagesPerPoll > 0 && total > maxMessagesPerPoll) {
            total = maxMessagesPerPoll;
        }
        int processed = 0;
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            Delivery delivery = (Delivery) exchanges.poll();
            Exchange exchange = delivery.exchange();
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            if (alreadyDelivered(delivery)) {
                batch.progress.delivered(delivery.versionKey(), delivery.lastModified(),
                        Duration.ofMillis(endpoint.getOverlap()), batch.oldestFailed);
                saveProgress(batch.progress);
                continue;
            }
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            processed++;
            settle(delivery);
        }
        pendingExchanges = 0;
        batch.progress.finishPoll(Duration.ofMillis(endpoint.getOverlap()), batch.oldestFailed);
        saveProgress(batch.progress);
        statistics.progressSaved(batch.progress.watermark());
        return processed;
    }

    /**
     * Whether the idempotent repository (shared with a halo-webhook route) already holds this change version; if not,
     * it is added now, before routing, so the other path drops it while this one routes it.
     */
    private boolean alreadyDelivered(Delivery delivery) {
        return idempotentRepository != null && delivery.changeVersion() != null
                && !SharedVersions.add(idempotentRepository, delivery.changeVersion());
    }

    /** Counts a delivered exchange into the progress, or keeps the watermark at a failed one. */
    private void settle(Delivery delivery) {
        Exchange exchange = delivery.exchange();
        Instant lastModified = delivery.lastModified();
        String key = delivery.versionKey();
        if (idempotentRepository != null && delivery.changeVersion() != null) {
            if (exchange.isFailed()) {
                idempotentRepository.remove(delivery.changeVersion()); // the next poll or a delivery brings it again
            } else {
                idempotentRepository.confirm(delivery.changeVersion());
            }
        }
        if (exchange.isFailed()) {
            if (batch.oldestFailed == null || lastModified.isBefore(batch.oldestFailed)) {
                batch.oldestFailed = lastModified;
            }
            getExceptionHandler().handleException(
                    "Processing the change of " + resource.uriName() + " " + key + " failed; it is delivered again on "
                                                  + "the next poll",
                    exchange, exchange.getException());
        } else {
            batch.progress.delivered(key, lastModified, Duration.ofMillis(endpoint.getOverlap()), batch.oldestFailed);
            saveProgress(batch.progress);
            statistics.exchangeDelivered();
        }
    }

    public HaloPollStatistics statistics() {
        return statistics;
    }

    /** Why the last poll failed, or {@code null} when it succeeded. */
    public Throwable lastPollError() {
        return getLastError();
    }

    /** The exchange for one change; its headers report the change and are never read back by this consumer. */
    private Exchange createExchange(Map<String, Object> record, Instant lastModified, Instant previousWatermark) {
        Exchange exchange = createExchange(true);
        Message message = exchange.getMessage();
        message.setBody(record);
        message.setHeader(HaloConstants.RECORD_RESOURCE, resource.uriName());
        message.setHeader(HaloConstants.RECORD_ID, record.get("id"));
        message.setHeader(HaloConstants.LAST_MODIFIED, lastModified);
        message.setHeader(HaloConstants.EVENT_TYPE, eventType(record, previousWatermark));
        return exchange;
    }

    private String eventType(Map<String, Object> record, Instant previousWatermark) {
        if (resource.createdField() == null) {
            return "updated";
        }
        Instant created = HaloTimestamps.parse(record.get(resource.createdField()));
        return created != null && (previousWatermark == null || !created.isBefore(previousWatermark))
                ? "created" : "updated";
    }

    private PollProgress loadProgress() {
        String stored = stateRepository.getState(stateKey);
        return stored != null ? PollProgress.fromJson(stored) : PollProgress.startingAt(startedAt);
    }

    private void saveProgress(PollProgress progress) {
        stateRepository.setState(stateKey, progress.toJson());
    }

    /**
     * One change to deliver: its exchange, and the version it stands for, as the consumer read it from Halo (its key
     * in the progress, and in the idempotent repository).
     */
    private record Delivery(Exchange exchange, String versionKey, Instant lastModified, String changeVersion) {
    }

    /** The progress of the poll being processed, and the oldest version whose processing failed. */
    private static final class Batch {
        final PollProgress progress;
        Instant oldestFailed;

        Batch(PollProgress progress) {
            this.progress = progress;
        }
    }
}
