package io.camelhalo.component.halo.poll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelhalo.component.halo.api.ChangeDetection;
import io.camelhalo.component.halo.api.HaloResource;
import io.camelhalo.component.halo.api.HaloTimestamps;
import io.camelhalo.component.halo.client.HaloPager;

/**
 * Finds the records of one resource changed since an instant, as the resource table's {@link ChangeDetection} says:
 * <ul>
 * <li>{@code UPDATED_SINCE_FILTER}: Halo filters with {@code lastupdatefromdate}; every page is read.</li>
 * <li>{@code NEWEST_FIRST}: Halo sorts by the last-modified field, newest first; paging stops at the first record
 * older than the instant.</li>
 * <li>{@code FULL_SCAN}: the unpaged list is read whole and filtered here.</li>
 * </ul>
 * Paged reads go newest first in every case: a record changed while the pages are read moves to the front, so the
 * records behind it shift back and at worst appear twice (dropped here), never skipped. The result is sorted oldest
 * first, by last-modified then id.
 */
final class HaloChangeFeed {

    private final HaloPager pager;
    private final HaloResource resource;
    private final Map<String, Object> filters;
    private final int pageSize;

    HaloChangeFeed(HaloPager pager, HaloResource resource, Map<String, Object> filters, int pageSize) {
        if (!resource.pollable()) {
            throw new IllegalArgumentException(resource.uriName() + " has no change detection");
        }
        this.pager = pager;
        this.resource = resource;
        this.filters = filters;
        this.pageSize = pageSize;
    }

    /** The records whose last-modified value is at or after {@code from}, oldest first, each version once. */
    List<Map<String, Object>> changedSince(Instant from) throws Exception {
        String field = resource.lastModifiedField();
        Map<String, Object> query = new LinkedHashMap<>(filters);
        if (resource.changeDetection() == ChangeDetection.UPDATED_SINCE_FILTER) {
            query.put("lastupdatefromdate", HaloTimestamps.format(from));
        }
        if (resource.paginated()) {
            query.put("order", field);
            query.put("orderdesc", "true");
        }
        Map<String, Map<String, Object>> changed = new LinkedHashMap<>();
        pager.forEachPage(resource, query, pageSize, page -> {
            boolean reachedOlder = false;
            for (Map<String, Object> record : page) {
                Instant lastModified = HaloTimestamps.parse(record.get(field));
                if (lastModified == null || lastModified.isBefore(from)) {
                    reachedOlder = true;
                    continue;
                }
                changed.putIfAbsent(versionKey(record), record);
            }
            // newest first: once a page reaches records older than 'from', later pages hold only older ones
            return !(reachedOlder && resource.changeDetection() == ChangeDetection.NEWEST_FIRST);
        });
        List<Map<String, Object>> oldestFirst = new ArrayList<>(changed.values());
        oldestFirst.sort(Comparator.comparing((Map<String, Object> r) -> HaloTimestamps.parse(r.get(field)))
                .thenComparing(r -> String.valueOf(r.get("ticket_id")))
                .thenComparing(r -> r.get("id") instanceof Number n ? n.longValue() : Long.MAX_VALUE));
        return oldestFirst;
    }

    /** The key of one version of a record: its id (per ticket for actions) and its last-modified value. */
    String versionKey(Map<String, Object> record) {
        String id = String.valueOf(record.get("id"));
        if (resource == HaloResource.ACTIONS) {
            id = record.get("ticket_id") + ":" + id;
        }
        return id + "@" + record.get(resource.lastModifiedField());
    }

    /** The last-modified instant of a record. */
    Instant lastModified(Map<String, Object> record) {
        return HaloTimestamps.parse(record.get(resource.lastModifiedField()));
    }
}
