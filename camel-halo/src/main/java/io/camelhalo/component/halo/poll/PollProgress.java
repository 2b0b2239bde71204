package io.camelhalo.component.halo.poll;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.camelhalo.component.halo.api.HaloJson;
import io.camelhalo.component.halo.api.HaloRecordKind;
import io.camelhalo.component.halo.api.HaloTimestamps;
import io.camelhalo.component.halo.change.HaloChange;

/**
 * How far a halo-poll consumer has got, as kept in its state repository.
 * <p>
 * {@code watermark} is the newest last-modified value delivered. The next poll asks Halo for records changed since
 * {@code from}, which trails the watermark by the overlap (clock skew, records that share a timestamp, writes that
 * became visible late) and never passes a record whose processing failed. {@code seen} holds the versions
 * ({@link HaloChange#key()}) already delivered inside that window, so the overlap never delivers one twice.
 * <p>
 * 0.2.0 stored its versions as {@code <id>@<stamp as Halo wrote it>}; such a state is read as the same versions in
 * today's key format, so an upgrade delivers nothing twice.
 */
final class PollProgress {

    @JsonProperty
    private Instant watermark;
    @JsonProperty
    private Instant from;
    @JsonProperty
    private Map<String, Instant> seen = new LinkedHashMap<>();
    @JsonProperty
    private Instant retryFrom;
    /**
     * Whether the poll that stored this progress got to its end. A member killed in the middle of a batch leaves it
     * false: versions of that batch sharing the watermark's timestamp may not be delivered yet.
     */
    @JsonProperty
    private boolean finished;
    /**
     * Whether the resource is read by a sweep ({@link HaloChangeFeed}): list items without the last-modified field, a
     * list Halo neither filters nor sorts, so each poll reads at most a few records by id. While set, {@code from} is
     * the sweep's floor and moves only when a sweep has read every record. The sweep's fields are stored only while
     * set, so a progress that never swept is stored as before (and read by an earlier version).
     */
    @JsonProperty
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    private boolean sweeping;
    /** When the current sweep began (Halo's time), or {@code null} before its first poll. */
    @JsonProperty
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private Instant sweepStart;
    /** The id up to which the current sweep has read every record, or {@code null} at its start. */
    @JsonProperty
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private Long sweptUpTo;

    PollProgress() {
        // for Jackson
    }

    private PollProgress(Instant from) {
        this.from = from;
        this.watermark = from;
    }

    /** Progress for a consumer with no stored state, starting at {@code from}. */
    static PollProgress startingAt(Instant from) {
        return new PollProgress(from);
    }

    /** The progress stored for a consumer of {@code resource}. */
    static PollProgress fromJson(String json, HaloRecordKind resource) {
        try {
            PollProgress progress = HaloJson.MAPPER.readValue(json, PollProgress.class);
            if (progress.from == null) {
                throw new IllegalStateException("Stored halo-poll state has no 'from': " + json);
            }
            progress.seen = progress.seen == null ? new LinkedHashMap<>() : inKeyFormat(progress.seen, resource);
            return progress;
        } catch (IOException e) {
            throw new IllegalStateException("Stored halo-poll state is not readable: " + json, e);
        }
    }

    /**
     * The versions with 0.2.0's keys ({@code <id>@<stamp>}, no resource) rewritten as {@link HaloChange} keys: the
     * stored value is the version's instant, so the stamp as Halo wrote it is not needed to rebuild the key.
     */
    private static Map<String, Instant> inKeyFormat(Map<String, Instant> seen, HaloRecordKind resource) {
        String prefix = resource.uriName() + "/";
        Map<String, Instant> current = new LinkedHashMap<>();
        seen.forEach((key, lastModified) -> {
            if (key.startsWith(prefix)) {
                current.put(key, lastModified);
            } else {
                current.put(prefix + key.substring(0, key.lastIndexOf('@') + 1) + lastModified, lastModified);
            }
        });
        return current;
    }

    String toJson() {
        try {
            return HaloJson.MAPPER.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Where this poll's query starts. Once the overlap has passed since the watermark, every version stamped up to it
     * has long become visible and been delivered (unless one failed, or the poll that stored it was cut short by a
     * crash), so the query starts just after the watermark: an idle poll then costs one request however busy the tenant
     * was before.
     */
    Instant queryFrom(Instant now, Duration overlap) {
        if (finished && !sweeping && retryFrom == null && watermark != null && !now.isBefore(watermark.plus(overlap))
                && watermark.isAfter(from)) {
            // just after it; but a stamp to the whole second may stand for a later moment of that second, in which a
            // tenant stamping whole seconds may have written another version: from the watermark itself then
            return watermark.getNano() == 0 ? watermark : watermark.plusMillis(1);
        }
        return from;
    }

    /** The id up to which the current sweep has read every record, or {@code null} when none is under way. */
    Long sweptUpTo() {
        return sweeping ? sweptUpTo : null;
    }

    /**
     * This poll reads by a sweep: until the sweep has read every record, delivering a change no longer moves
     * {@code from} (a record the sweep has not reached may have changed before the newest change delivered).
     *
     * @param pollStart when this poll started, in Halo's time: before any record of the sweep is read
     */
    void sweepPoll(Instant pollStart) {
        sweeping = true;
        if (sweepStart == null) {
            sweepStart = pollStart;
        }
    }

    /** The newest last-modified value delivered, or the start point before anything was. */
    Instant watermark() {
        return watermark;
    }

    /** How many delivered versions are remembered (those inside the overlap window): the bulk of the stored text. */
    int seenCount() {
        return seen.size();
    }

    /** Whether this version of a record was delivered already. */
    boolean isSeen(String versionKey) {
        return seen.containsKey(versionKey);
    }

    /**
     * Records a delivered version, moves the watermark up to it and, since changes are delivered oldest first, moves
     * {@code from} up behind it as {@link #finishPoll} would: what is stored stays bounded by the overlap window, not
     * by the number of changes, even in the middle of a long catch-up (or when a crash cuts it short).
     *
     * @param oldestFailed the oldest version of this poll whose processing failed so far, or {@code null}
     */
    void delivered(String versionKey, Instant lastModified, Duration overlap, Instant oldestFailed) {
        finished = false;
        seen.put(versionKey, lastModified);
        if (watermark == null || lastModified.isAfter(watermark)) {
            watermark = lastModified;
        }
        if (!sweeping) {
            advanceFrom(overlap, oldestFailed);
        }
    }

    /**
     * Ends a poll: the next query starts {@code overlap} before the watermark, but no later than the oldest version
     * that failed (so it is delivered again) and never earlier than this poll's start (what was pruned stays pruned).
     * Versions older than the new start can no longer come back and are forgotten.
     */
    void finishPoll(Duration overlap, Instant oldestFailed) {
        finishPoll(overlap, oldestFailed, true);
    }

    /**
     * As {@link #finishPoll(Duration, Instant)}; {@code complete} is {@code false} when the poll delivered only the
     * oldest changes it found ({@code maxMessagesPerPoll}): versions sharing the watermark's stamp may remain, so the
     * next query starts from the stored start, as after a poll cut short.
     */
    void finishPoll(Duration overlap, Instant oldestFailed, boolean complete) {
        finishPoll(overlap, oldestFailed, complete, null);
    }

    /**
     * As {@link #finishPoll(Duration, Instant, boolean)}, for a poll that read by a sweep ({@code swept} not
     * {@code null}) or not. A sweep's poll moves nothing unless {@code complete}: its records are read again next time
     * (the versions delivered are remembered, so none twice). Once complete, the sweep has read every record up to
     * {@code swept.upTo()}; once it has read them all ({@code swept.done()}), {@code from} moves up to the sweep's
     * start less the overlap (a record changed after the sweep read it is stamped later than that), never past a
     * version that failed during the sweep, and the next poll starts a new sweep.
     * <p>
     * A poll that did not sweep ends any sweep: the feed reads normally again, from {@code from}.
     */
    void finishPoll(Duration overlap, Instant oldestFailed, boolean complete, HaloChangeFeed.Sweep swept) {
        if (swept == null) {
            sweeping = false;
            sweepStart = null;
            sweptUpTo = null;
            finished = complete;
            retryFrom = oldestFailed;
            advanceFrom(overlap, oldestFailed);
            return;
        }
        finished = complete;
        if (oldestFailed != null && (retryFrom == null || oldestFailed.isBefore(retryFrom))) {
            retryFrom = oldestFailed; // the oldest failure of the whole sweep
        }
        if (!complete) {
            return;
        }
        if (!swept.done()) {
            sweptUpTo = swept.upTo();
            return;
        }
        Instant floor = sweepStart != null ? sweepStart.minus(overlap) : from; // sweepPoll came first: never null
        if (retryFrom != null && retryFrom.isBefore(floor)) {
            floor = retryFrom;
        }
        if (floor.isAfter(from)) {
            from = floor;
        }
        Instant keepFrom = from;
        seen.values().removeIf(lastModified -> HaloTimestamps.latestMeant(lastModified).isBefore(keepFrom));
        retryFrom = null;
        sweepStart = null;
        sweptUpTo = null;
    }

    private void advanceFrom(Duration overlap, Instant oldestFailed) {
        Instant next = watermark.minus(overlap);
        if (oldestFailed != null && oldestFailed.isBefore(next)) {
            next = oldestFailed;
        }
        if (next.isAfter(from)) {
            from = next;
        }
        Instant keepFrom = from;
        // forgotten only once the feed would no longer return it (a whole-second stamp stands for the whole second)
        seen.values().removeIf(lastModified -> HaloTimestamps.latestMeant(lastModified).isBefore(keepFrom));
    }
}
