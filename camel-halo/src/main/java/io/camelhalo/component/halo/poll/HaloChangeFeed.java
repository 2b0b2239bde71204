package io.camelhalo.component.halo.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.camelhalo.component.halo.api.ChangeDetection;
import io.camelhalo.component.halo.api.HaloJson;
import io.camelhalo.component.halo.api.HaloTimestamps;
import io.camelhalo.component.halo.change.HaloChange;
import io.camelhalo.component.halo.client.HaloPager;
import io.camelhalo.component.halo.error.HaloApiException;
import io.camelhalo.component.halo.http.HaloHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the records of one list changed since an instant (one of the 22 resources, or any list of Halo's API:
 * {@link PolledList}), as its {@link ChangeDetection} says:
 * <ul>
 * <li>{@code UPDATED_SINCE_FILTER}: Halo filters with {@code lastupdatefromdate}; every page is read.</li>
 * <li>{@code NEWEST_FIRST}: Halo sorts by the last-modified field, newest first; paging stops at the first record older
 * than the instant.</li>
 * <li>{@code FULL_SCAN}: the unpaged list is read whole and filtered here.</li>
 * </ul>
 * Paged reads go newest first in every case: a record changed while the pages are read moves to the front, so the
 * records behind it shift back and at worst appear twice (dropped here), never skipped; a record deleted meanwhile
 * shifts them forward, which the pager detects ({@code record_count} drops) and answers by reading again. The result is
 * sorted oldest first, by last-modified then id.
 * <p>
 * Two facts about Halo are checked as they are used rather than assumed (docs/HALO-FACTS.md): that a list asked to sort
 * newest first is sorted (if a page is not, paging no longer stops early: every page is read, and a WARN says so once),
 * and that list items carry the last-modified field (an item without it is read in full by id; a record that has none
 * even then fails the poll, loudly, rather than being dropped).
 * <p>
 * A poll's cost has a ceiling whatever Halo ignores: the pages of the list, plus, when list items are slim, one read by
 * id per changed record on a sorted list and at most {@code sweepSize} (twice in the poll that starts a sweep) on any
 * other, plus a constant. Three more facts are checked as they are used, each said once (a WARN and a notice for the
 * dev console) and remembered for the run:
 * <ul>
 * <li>{@code lastupdatefromdate} is ignored (a record older than it comes back): the resource is read as
 * {@code NEWEST_FIRST}, paging stopping at the first older record;</li>
 * <li>the sort key is refused (400 on the list asked with {@code order}): the list is read again without it, unsorted,
 * every page (as when the order is ignored);</li>
 * <li>with slim list items, stopping at the first older record needs a sorted list: the order is checked once with one
 * request (the first record ascending differs from the first descending). Items past the first older one are not read
 * by id.</li>
 * </ul>
 * Where list items are slim and the list can neither be filtered nor cut short by its order (Halo ignores both, or the
 * list is one unpaged page: agents, teams, a ticket's actions), no read short of every record by id tells what changed.
 * The feed then <em>sweeps</em> (said once, as above): each poll reads the list's pages and at most {@code sweepSize}
 * records by id, the next ones by id after where the last poll stopped, and returns those changed since the sweep's
 * floor ({@link Sweep}); once the sweep has read every record, the floor moves up to when it began
 * ({@link PollProgress}). A change is found within two sweeps (one sweep is the list's size / {@code sweepSize} polls;
 * a record changed behind the sweep's position is read by the next one) instead of on the next poll, and a sweep's
 * changes arrive oldest first within each poll, not across polls; none is lost or delivered twice. A filtered list with
 * slim items is swept too when more than {@code sweepSize} of its records changed at once (a burst): the sweep covers
 * only the changed records, and once it has read them the feed reads as before.
 */
final class HaloChangeFeed {

    private static final Logger LOG = LoggerFactory.getLogger(HaloChangeFeed.class);

    private final HaloPager pager;
    private final HaloHttpClient client;
    private final Duration timeout;
    private final PolledList polled;
    private final Map<String, Object> filters;
    private final int pageSize;
    /** Set once a page came back out of the order asked for: from then on every page is read. */
    private volatile boolean orderIgnored;
    /** Set once Halo answered 400 to the sort key: from then on the list is asked without it, every page read. */
    private volatile boolean orderRefused;
    /** Set once a record older than {@code lastupdatefromdate} came back: from then on paging stops as newest-first. */
    private volatile boolean filterIgnored;
    /** Whether the order was checked with one ascending request (slim items only): null until checked. */
    private volatile Boolean orderChecked;
    private volatile boolean slimItemsReported;
    /** Set once slim items turned out unreadable but by a sweep: from then on every poll sweeps. */
    private volatile boolean sweeping;
    private volatile boolean burstReported;
    /** Records read by id in the current read: a filtered read past {@code sweepSize} of them sweeps instead. */
    private int readsById;
    private final int sweepSize;
    private final Consumer<String> notices;

    /**
     * @param sweepSize the most records a sweep reads by id in one poll
     * @param notices   told once of each fact about Halo that changes how (and at what cost) the resource is read
     */
    HaloChangeFeed(HaloPager pager, HaloHttpClient client, Duration timeout, PolledList polled,
                   Map<String, Object> filters, int pageSize, int sweepSize, Consumer<String> notices) {
        if (polled.detection() == ChangeDetection.NONE) {
            throw new IllegalArgumentException(polled.name() + " has no change detection");
        }
        this.pager = pager;
        this.client = client;
        this.timeout = timeout;
        this.polled = polled;
        this.filters = filters;
        this.pageSize = pageSize;
        this.sweepSize = sweepSize;
        this.notices = notices;
    }

    /**
     * The oldest changes of one read, and whether they are all there were.
     *
     * @param sweep how far the read got when it was a sweep's, else {@code null}
     */
    record Changes(List<HaloChange> oldestFirst, boolean complete, Sweep sweep) {
    }

    /**
     * How far one poll of a sweep got: it read every record by id up to {@code upTo} (and every record the list showed
     * with its last-modified value), or, when {@code done}, every record.
     */
    record Sweep(Long upTo, boolean done) {
    }

    /** Oldest first: by last-modified, then ticket, then id; the key last, so that two versions never tie. */
    static final Comparator<HaloChange> OLDEST_FIRST = Comparator.comparing(HaloChange::lastModified)
            .thenComparing(c -> String.valueOf(c.record().get("ticket_id")))
            .thenComparing(c -> c.id() instanceof Number n ? n.longValue() : Long.MAX_VALUE)
            .thenComparing(HaloChange::key);

    /**
     * The changes whose last-modified value is at or after {@code from}, oldest first, each version once.
     *
     * @param deliveredUpTo the consumer's watermark, up to which it had delivered changes (for the event type)
     */
    List<HaloChange> changedSince(Instant from, Instant deliveredUpTo) throws Exception {
        return changedSince(from, deliveredUpTo, key -> false, 0, null).oldestFirst();
    }

    /**
     * The oldest {@code limit} changes at or after {@code from} not {@code delivered} yet, oldest first, each version
     * once. The pages still come newest first (a change made while they are read can only move a record to the front,
     * never past the reader), so the oldest changes are known only at the end of the read: the read keeps the oldest
     * {@code limit} and drops the newer ones as it goes, so it holds at most {@code limit} records and one page however
     * many changed. The next read finds the dropped ones again.
     *
     * @param deliveredUpTo the consumer's watermark, up to which it had delivered changes (for the event type)
     * @param delivered     whether a version (its {@link HaloChange#key()}) was delivered already: not kept
     * @param limit         the most changes to return, 0 for all
     * @param sweptUpTo     where the sweep under way stopped ({@link Sweep#upTo()}), {@code null} at its start or when
     *                      none is under way
     */
    Changes changedSince(Instant from, Instant deliveredUpTo, Predicate<String> delivered, int limit, Long sweptUpTo)
            throws Exception {
        String field = polled.lastModifiedField();
        Map<String, Object> query = new LinkedHashMap<>(filters);
        if (polled.detection() == ChangeDetection.UPDATED_SINCE_FILTER) {
            query.put("lastupdatefromdate", HaloTimestamps.format(from));
        }
        if (polled.hidesInactiveRecords()) {
            query.putIfAbsent("includeinactive", "true"); // a deactivation is a change too
        }
        if (sweeping || sweptUpTo != null) {
            // a sweep under way (stored before a restart, or a burst's) goes on to its end
            return sweep(query, from, deliveredUpTo, delivered, limit, sweptUpTo);
        }
        if (polled.sorts() && !orderRefused) {
            query.put("order", field);
            query.put("orderdesc", "true");
        }
        readsById = 0;
        try {
            return readRefusingOrder(query, from, deliveredUpTo, delivered, limit);
        } catch (SweepNeeded e) {
            if (e.burst) {
                if (!burstReported) {
                    burstReported = true;
                    notice("More than " + sweepSize + " records of /" + polled.path() + " changed at once and "
                           + "its list items have no readable '" + field + "': halo-poll:" + polled.name()
                           + " sweeps the changed records, reading at most " + sweepSize + " by id a poll "
                           + "(sweepSize), then reads as before");
                }
                return sweep(query, from, deliveredUpTo, delivered, limit, null);
            }
            sweeping = true;
            notice("Halo's list of /" + polled.path() + " has no readable '" + field + "' on its items and "
                   + (polled.paginated()
                           ? "Halo neither " + (polled.detection() == ChangeDetection.UPDATED_SINCE_FILTER
                                   ? "filters it with lastupdatefromdate" : "filters it")
                             + " nor sorts it"
                           : "it is one unpaged list")
                   + ": halo-poll:" + polled.name() + " sweeps it, reading at most " + sweepSize + " records by id "
                   + "a poll (sweepSize), so a change arrives within (records / sweepSize) polls instead of on the "
                   + "next one");
            return sweep(query, from, deliveredUpTo, delivered, limit, sweptUpTo);
        }
    }

    /** A read as asked, and once more without the sort key if Halo answers 400 to it. */
    private Changes readRefusingOrder(
            Map<String, Object> query, Instant from, Instant deliveredUpTo, Predicate<String> delivered, int limit)
            throws Exception {
        String field = polled.lastModifiedField();
        try {
            return read(query, from, deliveredUpTo, delivered, limit);
        } catch (HaloApiException e) {
            if (e.getStatusCode() != 400 || !query.containsKey("order")) {
                throw e;
            }
            // an unknown sort key: read again without it; remembered once Halo answered the read without it
            query.remove("order");
            query.remove("orderdesc");
            Changes changes;
            try {
                changes = read(query, from, deliveredUpTo, delivered, limit);
            } finally {
                if (!orderRefused) {
                    orderRefused = true;
                    notice("Halo answers 400 to order=" + field + " on /" + polled.path() + ": halo-poll:"
                           + polled.name() + " reads the list unsorted, every page on each poll (no change is "
                           + "missed, but polls cost the pages of the whole list)");
                }
            }
            return changes;
        }
    }

    /**
     * One poll of a sweep: reads every page of the list (unsorted), keeps the changes the list shows with their
     * last-modified value, and reads by id the next {@code sweepSize} slim items by id after {@code sweptUpTo}.
     */
    private Changes sweep(
            Map<String, Object> query, Instant from, Instant deliveredUpTo, Predicate<String> delivered, int limit,
            Long sweptUpTo)
            throws Exception {
        Map<String, Object> unsorted = new LinkedHashMap<>(query);
        unsorted.remove("order"); // the order is of no use to a sweep: it is not asked (Halo may refuse it)
        unsorted.remove("orderdesc");
        Kept kept = new Kept(delivered, limit);
        TreeMap<Long, Map<String, Object>> next = new TreeMap<>();
        int[] beyond = new int[1];
        pager.forEachPage(polled.list(), unsorted, pageSize, new HaloPager.PageHandler() {
            @Override
            public boolean onPage(List<Map<String, Object>> page) throws Exception {
                for (Map<String, Object> listed : page) {
                    if (HaloChange.isReadable(polled.kind(), listed)) {
                        kept.offer(HaloChange.of(polled.kind(), listed, deliveredUpTo), from);
                    } else {
                        Long id = listed.get(polled.kind().idField()) instanceof Number n ? n.longValue() : null;
                        if (id == null) {
                            throw noReadableLastModified(listed, null);
                        }
                        if (sweptUpTo == null || id > sweptUpTo) {
                            beyond[0]++;
                            next.put(id, listed);
                            if (next.size() > sweepSize) {
                                next.pollLastEntry();
                            }
                        }
                    }
                }
                return true;
            }

            @Override
            public boolean restarted() {
                kept.clear();
                next.clear();
                beyond[0] = 0;
                return true;
            }
        });
        for (Map<String, Object> listed : next.values()) {
            kept.offer(HaloChange.of(polled.kind(), readById(listed), deliveredUpTo), from);
        }
        Long upTo = next.isEmpty() ? sweptUpTo : next.lastKey();
        return kept.changes(new Sweep(upTo, beyond[0] <= sweepSize));
    }

    /** The oldest {@code limit} changes offered at or after 'from' and not delivered yet, each version once. */
    private static final class Kept {
        private final TreeSet<HaloChange> oldest = new TreeSet<>(OLDEST_FIRST);
        private final Set<String> keys = new HashSet<>();
        private final Predicate<String> delivered;
        private final int limit;
        private boolean dropped;

        Kept(Predicate<String> delivered, int limit) {
            this.delivered = delivered;
            this.limit = limit;
        }

        void offer(HaloChange change, Instant from) {
            if (HaloTimestamps.latestMeant(change.lastModified()).isBefore(from) || delivered.test(change.key())
                    || !keys.add(change.key())) {
                return;
            }
            oldest.add(change);
            if (limit > 0 && oldest.size() > limit) {
                keys.remove(oldest.pollLast().key());
                dropped = true;
            }
        }

        void clear() {
            oldest.clear();
            keys.clear();
            dropped = false;
        }

        Changes changes(Sweep sweep) {
            return new Changes(new ArrayList<>(oldest), !dropped, sweep);
        }
    }

    /**
     * Slim items that only a read of every record by id could date (or, {@code burst}, more changed records than
     * {@code sweepSize} on a filtered list): the feed sweeps instead.
     */
    private static final class SweepNeeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean burst;

        SweepNeeded(boolean burst) {
            super(null, null, false, false);
            this.burst = burst;
        }
    }

    private Changes read(
            Map<String, Object> query, Instant from, Instant deliveredUpTo, Predicate<String> delivered, int limit)
            throws Exception {
        Kept kept = new Kept(delivered, limit);
        Instant[] previous = new Instant[1];
        List<Map<String, Object>> firstPage = new ArrayList<>();
        pager.forEachPage(polled.list(), query, pageSize, new HaloPager.PageHandler() {
            @Override
            public boolean onPage(List<Map<String, Object>> page) throws Exception {
                if (firstPage.isEmpty()) {
                    firstPage.addAll(page); // the order check compares its first record with the first ascending
                }
                boolean reachedOlder = false;
                for (Map<String, Object> listed : page) {
                    if (reachedOlder && !HaloChange.isReadable(polled.kind(), listed)
                            && stopsAtFirstOlder(firstPage, query)) {
                        break; // slim items, sorted newest first: the rest are older, not worth a read by id each
                    }
                    HaloChange change
                            = HaloChange.of(polled.kind(), withLastModified(listed, firstPage, query), deliveredUpTo);
                    checkOrder(previous[0], change.lastModified());
                    previous[0] = change.lastModified();
                    if (HaloTimestamps.latestMeant(change.lastModified()).isBefore(from)) {
                        reachedOlder = true;
                        filterIgnoredIf(query);
                        continue;
                    }
                    kept.offer(change, from);
                }
                // newest first: once a page reaches records older than 'from', later pages hold only older ones
                return !(reachedOlder && sortedNewestFirst(query));
            }

            @Override
            public boolean restarted() {
                previous[0] = null; // the read starts again from the newest: not a break in the order
                kept.clear(); // the new read is the list as it is now (a deleted record is no longer there)
                firstPage.clear();
                return true;
            }
        });
        return kept.changes(null);
    }

    /** Whether paging may stop at the first record older than 'from': the list is sorted newest first. */
    private boolean sortedNewestFirst(Map<String, Object> query) {
        return (polled.detection() == ChangeDetection.NEWEST_FIRST || filterIgnored) && !orderIgnored
                && query.containsKey("order");
    }

    /**
     * A record older than {@code lastupdatefromdate} came back: Halo ignores the filter on this resource. Said once;
     * from then on paging stops at the first older record, as for a newest-first resource.
     */
    private void filterIgnoredIf(Map<String, Object> query) {
        if (!filterIgnored && query.containsKey("lastupdatefromdate")) {
            filterIgnored = true;
            notice("Halo ignores lastupdatefromdate on /" + polled.path() + " (a record older than it came back): "
                   + "halo-poll:" + polled.name() + " reads the list newest first and stops at the first older "
                   + "record instead");
        }
    }

    /**
     * Slim items only: whether the rest of a page, past a record older than 'from', may be left unread (and paging
     * stopped). Needs a list sorted newest first, which slim items cannot show: it is checked once with one request,
     * the first record ascending is not the first of the read (descending).
     */
    private boolean stopsAtFirstOlder(List<Map<String, Object>> firstPage, Map<String, Object> query)
            throws Exception {
        if (!sortedNewestFirst(query)) {
            return false;
        }
        if (orderChecked == null) {
            Map<String, Object> ascending = new LinkedHashMap<>(query);
            ascending.put("orderdesc", "false");
            List<Map<String, Object>> first = pager.readAll(polled.list(), ascending, 1, 1);
            boolean sorted = first.isEmpty() || firstPage.size() < 2
                    || !String.valueOf(first.get(0).get(polled.kind().idField()))
                            .equals(String.valueOf(firstPage.get(0).get(polled.kind().idField())));
            orderChecked = sorted;
            if (!sorted) {
                orderIgnored = true;
                notice("Halo ignores order=" + polled.lastModifiedField() + " on /" + polled.path()
                       + " (the first record is the same ascending and descending)");
            }
        }
        return orderChecked && !orderIgnored;
    }

    private void notice(String text) {
        LOG.warn(text);
        notices.accept(text);
    }

    /**
     * Halo was asked for newest first: a record newer than the one before it means it ignores the order (on this
     * resource), so stopping at the first older record could miss changes. Only matters where paging stops early.
     */
    private void checkOrder(Instant previous, Instant current) {
        if (previous != null && current.isAfter(previous) && !orderIgnored && !orderRefused
                && (polled.detection() == ChangeDetection.NEWEST_FIRST || filterIgnored)) {
            orderIgnored = true;
            notice("Halo ignores order=" + polled.lastModifiedField() + "&orderdesc=true on /" + polled.path()
                   + ": halo-poll:" + polled.name() + " now reads every page of the list on each poll (no change "
                   + "is missed, but polls cost more requests)");
        }
    }

    /**
     * The record with its last-modified value: the listed item when it has one, else the full record read by id (Halo's
     * list items may carry fewer fields than the record).
     *
     * @throws HaloApiException when even the full record has no readable last-modified value
     */
    private Map<String, Object> withLastModified(
            Map<String, Object> listed, List<Map<String, Object>> firstPage, Map<String, Object> query)
            throws Exception {
        if (HaloChange.isReadable(polled.kind(), listed)) {
            return listed;
        }
        // a filtered list holds only changed records (swept, a few a poll, when more than sweepSize); sorted newest first,
        // the read stops at the first older one; else (or an unpaged list: agents, teams, a ticket's actions) only a
        // sweep tells what changed at a bounded cost
        boolean filtered = polled.detection() == ChangeDetection.UPDATED_SINCE_FILTER && !filterIgnored;
        if (!polled.paginated() || !filtered && !stopsAtFirstOlder(firstPage, query)) {
            throw new SweepNeeded(false);
        }
        if (filtered && ++readsById > sweepSize) {
            throw new SweepNeeded(true); // a burst of changes: a sweep of the filtered list reads them a few a poll
        }
        if (!slimItemsReported) {
            slimItemsReported = true;
            notice("Halo's list of /" + polled.path() + " has no readable '" + polled.lastModifiedField()
                   + "' on its items: halo-poll:" + polled.name() + " reads each changed record by id (and "
                   + "the first unchanged one)");
        }
        return readById(listed);
    }

    /**
     * The full record of a slim list item, read by id.
     *
     * @throws HaloApiException when even the full record has no readable last-modified value
     */
    private Map<String, Object> readById(Map<String, Object> listed) throws Exception {
        Object listedId = listed.get(polled.kind().idField());
        Long id = listedId instanceof Number n ? n.longValue() : null;
        Map<String, Object> full = null;
        if (id != null && polled.byId() != null) {
            Object ticketId = listed.get("ticket_id") != null ? listed.get("ticket_id") : filters.get("ticket_id");
            List<Map<String, Object>> read = HaloJson.toRecords(
                    polled.byId().read(client, id, ticketId, timeout).json());
            full = read.isEmpty() ? null : read.get(0);
        }
        if (full == null || !HaloChange.isReadable(polled.kind(), full)) {
            throw noReadableLastModified(listed, id);
        }
        return full;
    }

    private HaloApiException noReadableLastModified(Map<String, Object> listed, Long id) {
        String why = "halo-poll:" + polled.name() + " cannot tell when record " + listed.get(polled.kind().idField())
                     + " changed: it has no readable '" + polled.lastModifiedField() + "', in the list or read by id. "
                     + "The poll stops here rather than drop the record; see docs/HALO-FACTS.md";
        return HaloApiException.unusableReply("GET", "/api/" + polled.path() + (id == null ? "" : "/" + id), why);
    }
}
