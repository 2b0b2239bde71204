package io.camelhalo.component.halo.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import io.camelhalo.component.halo.api.HaloJson;
import io.camelhalo.component.halo.api.HaloResource;
import io.camelhalo.component.halo.error.HaloApiException;
import io.camelhalo.component.halo.http.HaloHttpClient;
import io.camelhalo.component.halo.http.HaloReply;

/**
 * Reads a Halo list across its pages, following Halo's real paging contract: {@code pageinate=true} with a 1-based
 * {@code page_no} and {@code page_size} on every request (without {@code pageinate} Halo silently returns its default
 * page); pages are capped at 100; past the last page Halo repeats the last page instead of answering an empty one.
 * Reading stops on an empty, short or repeated page, and fails when fewer records arrived than {@code record_count}
 * promised, rather than returning a truncated list.
 * <p>
 * A record deleted while a later page is read shifts the records behind it forward, one of them onto a page already
 * read, where the reader never sees it; the pages after it then hold one record fewer and report a lower
 * {@code record_count}, so the end-of-list check alone would pass. A page whose {@code record_count} is lower than the
 * first page's therefore starts the read again from page 1 (the handler is told, see {@link PageHandler#restarted()}),
 * at most {@value #MAX_RESTARTS} times in one read, then the read fails.
 */
public final class HaloPager {

    /** How often one read starts again because records were deleted while it was paging, before it fails. */
    static final int MAX_RESTARTS = 5;

    private final HaloHttpClient client;
    private final Duration timeout;
    private final Consumer<HaloReply> replies;

    public HaloPager(HaloHttpClient client, Duration timeout) {
        this(client, timeout, reply -> {
        });
    }

    /** @param replies sees every list reply as it arrives (halo-poll reads Halo's clock from its Date header) */
    public HaloPager(HaloHttpClient client, Duration timeout, Consumer<HaloReply> replies) {
        this.client = client;
        this.timeout = timeout;
        this.replies = replies;
    }

    /** Receives the pages of a list, in order; returns {@code false} to stop reading. */
    @FunctionalInterface
    public interface PageHandler {
        boolean onPage(List<Map<String, Object>> records) throws Exception;

        /**
         * The list shrank while it was read, so records may have shifted onto pages already read: may the read start
         * again from the first page, handing over the pages again? A handler that cannot take pages back (a list
         * already streamed to a route) says no, and the read goes on as before.
         *
         * @return {@code true} when the handler dropped what it had (or drops repeated records) and the read starts
         *         again
         */
        default boolean restarted() {
            return false;
        }
    }

    /**
     * Reads the records of a resource.
     *
     * @param resource   the resource
     * @param query      Halo's filters; the paging parameters are added here
     * @param pageSize   records per page, 1 to 100
     * @param maxResults the most records to return, 0 for all
     */
    public List<Map<String, Object>> readAll(
            HaloResource resource, Map<String, Object> query, int pageSize,
            int maxResults)
            throws Exception {
        return readAll(HaloList.of(resource), query, pageSize, maxResults);
    }

    /** {@link #readAll(HaloResource, Map, int, int)} for any list. */
    public List<Map<String, Object>> readAll(
            HaloList resource, Map<String, Object> query, int pageSize,
            int maxResults)
            throws Exception {
        List<Map<String, Object>> records = new ArrayList<>();
        forEachPage(resource, query, maxResults > 0 ? Math.min(pageSize, maxResults) : pageSize, new PageHandler() {
            @Override
            public boolean onPage(List<Map<String, Object>> page) {
                records.addAll(page);
                return maxResults <= 0 || records.size() < maxResults;
            }

            @Override
            public boolean restarted() {
                records.clear();
                return true;
            }
        });
        return limit(records, maxResults);
    }

    /**
     * Reads the records of a resource lazily, for {@code split(body()).streaming()}: a task on {@code executor} walks
     * the pages with {@link #forEachPage} one page ahead of the reader. Returns once the first page has arrived.
     *
     * @param  resource   the resource
     * @param  query      Halo's filters; the paging parameters are added here
     * @param  pageSize   records per page, 1 to 100
     * @param  maxResults the most records to return, 0 for all
     * @param  executor   runs the background task, one thread per open iterator
     * @throws Exception  the first request's error, as {@link #forEachPage} throws it
     */
    public HaloListIterator iterator(
            HaloResource resource, Map<String, Object> query, int pageSize, int maxResults,
            Executor executor)
            throws Exception {
        return iterator(HaloList.of(resource), query, pageSize, maxResults, executor);
    }

    /** {@link #iterator(HaloResource, Map, int, int, Executor)} for any list. */
    public HaloListIterator iterator(
            HaloList resource, Map<String, Object> query, int pageSize, int maxResults,
            Executor executor)
            throws Exception {
        int size = maxResults > 0 ? Math.min(pageSize, maxResults) : pageSize;
        HaloListIterator iterator = new HaloListIterator(
                this, (pager, handler) -> pager.forEachPage(resource, query, size, handler), maxResults, executor);
        try {
            iterator.awaitFirstPage();
        } catch (Exception e) {
            iterator.close();
            throw e;
        }
        return iterator;
    }

    /**
     * Reads a list page by page until the handler stops it or the list ends. A resource without paging is one page.
     *
     * @throws HaloApiException when the list ended with fewer records than Halo's record_count promised
     */
    public void forEachPage(HaloResource resource, Map<String, Object> query, int pageSize, PageHandler handler)
            throws Exception {
        forEachPage(HaloList.of(resource), query, pageSize, handler);
    }

    /**
     * Reads a list page by page until the handler stops it or the list ends. A list without paging is one page.
     *
     * @throws HaloApiException when the list ended with fewer records than Halo's record_count promised
     */
    public void forEachPage(HaloList resource, Map<String, Object> query, int pageSize, PageHandler handler)
            throws Exception {
        if (!resource.paginated()) {
            handler.onPage(fetch(resource, query).records());
            return;
        }
        long read = 0;
        Long promised = null;
        Long firstCount = null;
        Object previousFirstId = null;
        int restarts = 0;
        for (int pageNo = 1;; pageNo++) {
            Map<String, Object> pageQuery = new LinkedHashMap<>(query);
            pageQuery.put("pageinate", "true");
            pageQuery.put("page_size", pageSize);
            pageQuery.put("page_no", pageNo);
            Page page = fetch(resource, pageQuery);
            if (pageNo == 1) {
                firstCount = page.recordCount();
            } else if (firstCount != null && page.recordCount() != null && page.recordCount() < firstCount
                    && handler.restarted()) {
                // records were deleted since page 1: one behind them may have moved onto a page already read
                if (++restarts > MAX_RESTARTS) {
                    throw HaloApiException.unusableReply("GET", "/api/" + resource.path(),
                            "Halo's list of " + resource.name() + " shrank while it was read, " + MAX_RESTARTS
                                                                                           + " reads in a row (record_count "
                                                                                           + firstCount + ", then "
                                                                                           + page.recordCount()
                                                                                           + "); refusing to return a list that may skip records");
                }
                pageNo = 0;
                read = 0;
                promised = null;
                previousFirstId = null;
                continue;
            }
            if (page.recordCount() != null) {
                promised = page.recordCount();
            }
            if (page.records().isEmpty()) {
                break;
            }
            Object firstId = page.records().get(0).get("id");
            if (pageNo > 1 && firstId != null && Objects.equals(firstId, previousFirstId)) {
                break; // Halo repeats the last page past the end
            }
            previousFirstId = firstId;
            read += page.records().size();
            if (!handler.onPage(page.records())) {
                return;
            }
            // a short page is the last one; a full page may be followed by more even once record_count is reached
            // (Halo's count is not relied on to stop: an approximate one would cut the list), so read on: past the
            // end Halo answers an empty page or repeats the last one
            if (page.records().size() < pageSize) {
                break;
            }
        }
        if (promised != null && read < promised) {
            throw HaloApiException.unusableReply("GET", "/api/" + resource.path(),
                    "Halo's record_count promised " + promised + " " + resource.name() + " but paging returned only "
                                                                                   + read
                                                                                   + "; refusing to return a truncated list (were records deleted while paging?)");
        }
    }

    private Page fetch(HaloList resource, Map<String, Object> query) throws Exception {
        HaloReply reply = resource.fetch(client, query, timeout);
        replies.accept(reply);
        return parsePage(resource, reply.json(), reply.target());
    }

    /** Reads the records of one list reply, enveloped or bare, from the resource table's envelope key. */
    static Page parsePage(HaloResource resource, Object reply, String target) throws HaloApiException {
        return parsePage(HaloList.of(resource), reply, target);
    }

    /** Reads the records of one list reply, enveloped or bare, from the list's envelope key. */
    static Page parsePage(HaloList resource, Object reply, String target) throws HaloApiException {
        if (reply == null) {
            return new Page(List.of(), null);
        }
        if (reply instanceof List) {
            return new Page(HaloJson.toRecords(reply), null);
        }
        if (reply instanceof Map<?, ?> envelope) {
            Long recordCount = envelope.get("record_count") instanceof Number n ? n.longValue() : null;
            Object records = resource.listKey() != null ? envelope.get(resource.listKey()) : null;
            if (records == null) {
                // a bare-array resource answering an envelope: take its only array
                List<?> arrays = envelope.values().stream().filter(List.class::isInstance).toList();
                if (resource.listKey() == null && arrays.size() == 1) {
                    records = arrays.get(0);
                }
            }
            if (records instanceof List) {
                return new Page(HaloJson.toRecords(records), recordCount);
            }
            throw HaloApiException.unusableReply("GET", target, "Halo's list reply for " + resource.name()
                                                                + " has no '" + resource.listKey() + "' array; its keys are "
                                                                + envelope.keySet());
        }
        throw HaloApiException.unusableReply("GET", target, "Halo's list reply for " + resource.name()
                                                            + " is neither an array nor an object",
                String.valueOf(reply), null);
    }

    private static List<Map<String, Object>> limit(List<Map<String, Object>> records, int maxResults) {
        return maxResults > 0 && records.size() > maxResults
                ? new ArrayList<>(records.subList(0, maxResults))
                : records;
    }

    /** One page: its records and the total Halo reported, if it did. */
    record Page(List<Map<String, Object>> records, Long recordCount) {
    }
}
