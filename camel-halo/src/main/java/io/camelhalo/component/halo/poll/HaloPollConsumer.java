package io.camelhalo.component.halo.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Queue;

import io.camelhalo.component.halo.change.ChangeDelivery;
import io.camelhalo.component.halo.change.HaloChange;
import io.camelhalo.component.halo.client.HaloPager;
import io.camelhalo.component.halo.state.StaleStateException;
import io.camelhalo.component.halo.state.VersionedStateRepository;
import org.apache.camel.Processor;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.LoggingExceptionHandler;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires one exchange per record changed since the last poll, oldest first, through the delivery step both change paths
 * share ({@link ChangeDelivery}). Progress is read from the state repository at the start of every poll and written as
 * changes settle, so a restart or another cluster member continues where this one stopped.
 * <p>
 * With {@code maxMessagesPerPoll} a poll reads and delivers only the oldest that many changes not delivered yet (the
 * read holds no more than those and one page), and the next poll continues from there.
 * <p>
 * Progress is written after every delivered change while it remembers at most {@value #WRITE_EVERY_CHANGE_UP_TO}
 * versions inside the overlap window, and beyond that after every {@code versions / }{@value #WRITE_FRACTION} changes,
 * and always at the end of a poll: each write is as long as the versions remembered, so writing after every change of a
 * catch-up whose changes share a few seconds would grow with the square of its size; this way the characters written
 * grow linearly with it. A member killed in such a catch-up delivers at most that many changes again (the at-least-once
 * boundary, which an {@code idempotentRepository} closes: each change's claim is stored before it is routed).
 * <p>
 * Where the state repository can compare and set ({@link VersionedStateRepository}, e.g. {@code JdbcStateRepository}),
 * each write expects the version this poll read or last wrote: a member that lost the leadership without noticing (a
 * stale leader) cannot overwrite its successor's newer progress. Its write fails, an ERROR says so, and its poll stops;
 * a change it routed but could not record is delivered again by its successor (at least once).
 * <p>
 * "Now" is Halo's ({@link HaloClock}, from the Date header of its replies), for the overlap window and
 * {@code startFrom=now}.
 */
public class HaloPollConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(HaloPollConsumer.class);
    /** Up to this many versions remembered, progress is written after every change. */
    static final int WRITE_EVERY_CHANGE_UP_TO = 512;
    /** Beyond, after every (versions remembered / this) changes. */
    static final int WRITE_FRACTION = 16;

    private final HaloPollEndpoint endpoint;
    private final PolledList polled;
    private final HaloPollStatistics statistics = new HaloPollStatistics();
    private HaloChangeFeed feed;
    private HaloClock haloClock;
    private ChangeDelivery delivery;
    private StateRepository<String, String> stateRepository;
    private String stateKey;
    private Instant startedAt;
    /** The one-line log of failed polls, unless the route set its own exception handler. */
    private PollFailureLog failureLog;

    public HaloPollConsumer(HaloPollEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.polled = endpoint.polled();
    }

    @Override
    protected void doStart() throws Exception {
        Duration timeout = Duration.ofMillis(endpoint.getConfiguration().getReadTimeout());
        haloClock = new HaloClock(() -> endpoint.getClock().instant(), endpoint::clockIsHalos);
        HaloPager pager = new HaloPager(endpoint.getConnection().httpClient(), timeout, haloClock::observe);
        feed = new HaloChangeFeed(
                pager, endpoint.getConnection().httpClient(), timeout, polled, endpoint.filters(),
                endpoint.getPageSize(), endpoint.getSweepSize(), statistics::notice);
        if (endpoint.getConfiguration().isCheckCredentialsOnStart()) {
            endpoint.getConnection().checkCredentials(endpoint.getEndpointBaseUri());
        }
        stateRepository = endpoint.stateRepository();
        ServiceHelper.startService(stateRepository); // a FileStateRepository loads its file here
        ServiceHelper.startService(endpoint.getIdempotentRepository());
        delivery = new ChangeDelivery(
                this, endpoint.getIdempotentRepository(), "it is delivered again on the next poll",
                endpoint.getConnection().ownWrites(), endpoint.isSkipOwnWrites());
        stateKey = endpoint.stateKey(getRouteId());
        if (getExceptionHandler() instanceof LoggingExceptionHandler) {
            failureLog = new PollFailureLog(
                    getExceptionHandler(), endpoint.getEndpointBaseUri() + " (route " + getRouteId() + ")");
            setExceptionHandler(failureLog);
        }
        // startFrom=now means when the route started: a change made before the first poll (initialDelay) counts
        startedAt = endpoint.startInstant();
        if (!(getHealthCheck() instanceof HaloPollHealthCheck)) {
            // Camel's scheduled-poll check, with the tenant facts this poll works around as a detail
            HaloPollHealthCheck check = new HaloPollHealthCheck(this, "consumer:" + getRouteId());
            check.setEnabled(((HaloPollComponent) endpoint.getComponent()).isHealthCheckConsumerEnabled());
            setHealthCheck(check);
        }
        super.doStart();
    }

    @Override
    protected int poll() throws Exception {
        Instant localStart = endpoint.getClock().instant();
        statistics.pollStarted(localStart);
        int limit = Math.max(0, maxMessagesPerPoll);
        boolean haloTimeKnown = haloClock.known();
        PollRun run = loadProgress();
        Instant pollStart = haloClock.now();
        Instant queryFrom = run.progress.queryFrom(pollStart, overlap());
        HaloChangeFeed.Changes changed = feed.changedSince(queryFrom, run.progress.watermark(), run.progress::isSeen,
                limit, run.progress.sweptUpTo());
        if (run.fresh && endpoint.startsNow() && !haloTimeKnown
                && !haloClock.ahead().isZero()) {
            // the first read told Halo's time: the local clock is ahead, so "now" at the route's start was earlier in
            // Halo's time than the start just used; read again from there
            LOG.info("halo-poll:{}: the local clock is {} ahead of Halo's (its Date header): starting from {} in Halo's "
                     + "time",
                    polled.name(), haloClock.ahead(), haloClock.toHalo(startedAt));
            run = new PollRun(PollProgress.startingAt(haloClock.toHalo(startedAt)), 0, true);
            queryFrom = run.progress.queryFrom(haloClock.now(), overlap());
            changed = feed.changedSince(queryFrom, run.progress.watermark(), run.progress::isSeen, limit, null);
        }
        if (changed.sweep() != null) {
            // when this poll began in Halo's time, as the clock knows it now (its replies may have told it first)
            Instant began = haloClock.now().minus(Duration.between(localStart, endpoint.getClock().instant()));
            run.progress.sweepPoll(began.isBefore(pollStart) ? began : pollStart);
        }
        statistics.changedFound(changed.oldestFirst().size());
        Queue<Object> pending = new ArrayDeque<>();
        for (HaloChange change : changed.oldestFirst()) {
            pending.add(new PendingChange(run, change));
        }
        LOG.debug("Polled {}: {} not delivered yet since {}{}", polled.name(), pending.size(), queryFrom,
                changed.complete() ? "" : " (the oldest " + limit + "; the next poll continues)");
        if (!pending.isEmpty()) {
            run.storeStart();
        }
        boolean finished = false;
        try {
            int processed = processBatch(pending);
            run.finish(changed.complete() && pending.isEmpty(), changed.sweep());
            finished = true;
            if (failureLog != null) {
                failureLog.pollSucceeded();
            }
            return processed;
        } finally {
            if (!finished) {
                run.saveIfUnsaved();
            }
        }
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
            if (outcome != ChangeDelivery.Outcome.DUPLICATE && outcome != ChangeDelivery.Outcome.OWN_WRITE) {
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

    private PollRun loadProgress() {
        if (stateRepository instanceof VersionedStateRepository versioned) {
            VersionedStateRepository.Versioned stored = versioned.getVersionedState(stateKey);
            return stored != null
                    ? new PollRun(PollProgress.fromJson(stored.value(), polled.kind()), stored.version(), false)
                    : new PollRun(freshProgress(), 0, true);
        }
        String stored = stateRepository.getState(stateKey);
        return stored != null
                ? new PollRun(PollProgress.fromJson(stored, polled.kind()), 0, false)
                : new PollRun(freshProgress(), 0, true);
    }

    private PollProgress freshProgress() {
        return PollProgress.startingAt(endpoint.startsNow() ? haloClock.toHalo(startedAt) : startedAt);
    }

    /** One change of a poll, waiting for delivery. */
    private record PendingChange(PollRun run, HaloChange change) {
    }

    /** One poll's progress as its changes settle: stored as they do, never past the oldest that failed. */
    private final class PollRun implements ChangeDelivery.Progress {
        private final PollProgress progress;
        private final boolean fresh;
        /** The stored version this run read or last wrote (0: none stored), for a compare-and-set. */
        private long version;
        private int unsaved;
        private boolean stale;
        private Instant oldestFailed;

        PollRun(PollProgress progress, long version, boolean fresh) {
            this.progress = progress;
            this.version = version;
            this.fresh = fresh;
        }

        @Override
        public void delivered(HaloChange change) {
            progress.delivered(change.key(), change.lastModified(), overlap(), oldestFailed);
            unsaved++;
            int remembered = progress.seenCount();
            if (remembered <= WRITE_EVERY_CHANGE_UP_TO || unsaved >= remembered / WRITE_FRACTION) {
                save(change);
            }
        }

        @Override
        public void failed(HaloChange change) {
            if (oldestFailed == null || change.lastModified().isBefore(oldestFailed)) {
                oldestFailed = change.lastModified();
            }
        }

        void finish(boolean complete, HaloChangeFeed.Sweep swept) {
            progress.finishPoll(overlap(), oldestFailed, complete, swept);
            save(null);
            statistics.progressSaved(progress.watermark());
        }

        /**
         * A consumer with no stored progress stores where it starts before it delivers anything: killed during its
         * first delivery, it would otherwise restart from its new "now" (startFrom=now) and skip what it was delivering
         * and everything changed since it first started.
         */
        void storeStart() {
            if (fresh && version == 0 && unsaved == 0) {
                save(null);
            }
        }

        /** A poll that failed half way keeps what it delivered, unless another member took its progress over. */
        void saveIfUnsaved() {
            if (unsaved > 0 && !stale) {
                try {
                    save(null);
                } catch (RuntimeException e) {
                    LOG.warn("halo-poll:{}: the progress of a failed poll could not be stored: {}", polled.name(),
                            e.getMessage());
                }
            }
        }

        private void save(HaloChange last) {
            String json = progress.toJson();
            if (stateRepository instanceof VersionedStateRepository versioned) {
                try {
                    version = versioned.compareAndSetState(stateKey, version, json);
                } catch (StaleStateException e) {
                    stale = true;
                    LOG.error("halo-poll:{} (route {}): another member stored newer progress since this poll read it "
                              + "(a stale leader?): this poll stops without overwriting it; {} delivered again by the "
                              + "member that stored it (at least once; an idempotentRepository drops the repeat)",
                            polled.name(), getRouteId(),
                            last == null
                                    ? "a change routed since this poll's last write is"
                                    : "the change " + last.key() + ", routed but not recorded, is");
                    throw e;
                }
            } else {
                stateRepository.setState(stateKey, json);
            }
            unsaved = 0;
        }
    }
}
