package io.camelhalo.component.halo.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;

import io.camelhalo.component.halo.api.HaloResource;
import io.camelhalo.component.halo.change.ChangeDelivery;
import io.camelhalo.component.halo.change.HaloChange;
import io.camelhalo.component.halo.client.HaloPager;
import org.apache.camel.Processor;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires one exchange per record changed since the last poll, oldest first, through the delivery step both change paths
 * share ({@link ChangeDelivery}). Progress is read from the state repository at the start of every poll and written
 * after every settled change, so a restart or another cluster member continues exactly where this one stopped.
 */
public class HaloPollConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(HaloPollConsumer.class);

    private final HaloPollEndpoint endpoint;
    private final HaloResource resource;
    private final HaloPollStatistics statistics = new HaloPollStatistics();
    private HaloChangeFeed feed;
    private ChangeDelivery delivery;
    private StateRepository<String, String> stateRepository;
    private String stateKey;
    private Instant startedAt;

    public HaloPollConsumer(HaloPollEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.resource = endpoint.getResource();
    }

    @Override
    protected void doStart() throws Exception {
        Duration timeout = Duration.ofMillis(endpoint.getConfiguration().getReadTimeout());
        HaloPager pager = new HaloPager(endpoint.getConnection().httpClient(), timeout);
        feed = new HaloChangeFeed(
                pager, endpoint.getConnection().httpClient(), timeout, resource, endpoint.filters(),
                endpoint.getPageSize());
        stateRepository = endpoint.stateRepository();
        ServiceHelper.startService(stateRepository); // a FileStateRepository loads its file here
        ServiceHelper.startService(endpoint.getIdempotentRepository());
        delivery = new ChangeDelivery(this, endpoint.getIdempotentRepository(), "it is delivered again on the next poll");
        stateKey = endpoint.stateKey(getRouteId());
        // startFrom=now means when the route started: a change made before the first poll (initialDelay) counts
        startedAt = endpoint.startInstant();
        super.doStart();
    }

    @Override
    protected int poll() throws Exception {
        statistics.pollStarted(endpoint.getClock().instant());
        PollRun run = new PollRun(loadProgress());
        Instant queryFrom = run.progress.queryFrom(endpoint.getClock().instant(), overlap());
        List<HaloChange> changed = feed.changedSince(queryFrom, run.progress.watermark());
        statistics.changedFound(changed.size());
        Queue<Object> pending = new ArrayDeque<>();
        for (HaloChange change : changed) {
            if (!run.progress.isSeen(change.key())) {
                pending.add(new PendingChange(run, change));
            }
        }
        LOG.debug("Polled {}: {} changed since {}, {} not delivered yet", resource.uriName(), changed.size(), queryFrom,
                pending.size());
        int processed = processBatch(pending);
        run.finish();
        return processed;
    }

    /** Delivers the changes of one poll, oldest first; each element is a {@link PendingChange}. */
    @Override
    public int processBatch(Queue<Object> changes) throws Exception {
        int total = changes.size();
        if (maxMessagesPerPoll > 0 && total > maxMessagesPerPoll) {
            total = maxMessagesPerPoll;
        }
        int processed = 0;
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            PendingChange pending = (PendingChange) changes.poll();
            pendingExchanges = total - index - 1;
            ChangeDelivery.Outcome outcome = delivery.deliver(pending.change(), index, total, pending.run());
            if (outcome == ChangeDelivery.Outcome.ROUTED) {
                statistics.exchangeDelivered();
            }
            if (outcome != ChangeDelivery.Outcome.DUPLICATE) {
                processed++;
            }
        }
        pendingExchanges = 0;
        return processed;
    }

    public HaloPollStatistics statistics() {
        return statistics;
    }

    /** Why the last poll failed, or {@code null} when it succeeded. */
    public Throwable lastPollError() {
        return getLastError();
    }

    private Duration overlap() {
        return Duration.ofMillis(endpoint.getOverlap());
    }

    private PollProgress loadProgress() {
        String stored = stateRepository.getState(stateKey);
        return stored != null ? PollProgress.fromJson(stored, resource) : PollProgress.startingAt(startedAt);
    }

    private void saveProgress(PollProgress progress) {
        stateRepository.setState(stateKey, progress.toJson());
    }

    /** One change of a poll, waiting for delivery. */
    private record PendingChange(PollRun run, HaloChange change) {
    }

    /** One poll's progress as its changes settle: stored after each, never past the oldest that failed. */
    private final class PollRun implements ChangeDelivery.Progress {
        private final PollProgress progress;
        private Instant oldestFailed;

        PollRun(PollProgress progress) {
            this.progress = progress;
        }

        @Override
        public void delivered(HaloChange change) {
            progress.delivered(change.key(), change.lastModified(), overlap(), oldestFailed);
            saveProgress(progress);
        }

        @Override
        public void failed(HaloChange change) {
            if (oldestFailed == null || change.lastModified().isBefore(oldestFailed)) {
                oldestFailed = change.lastModified();
            }
        }

        void finish() {
            progress.finishPoll(overlap(), oldestFailed);
            saveProgress(progress);
            statistics.progressSaved(progress.watermark());
        }
    }
}
