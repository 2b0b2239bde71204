package io.camelhalo.component.halo.lookup;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.camelhalo.component.halo.api.HaloResource;
import io.camelhalo.component.halo.client.HaloPager;
import org.apache.camel.RuntimeCamelException;

/**
 * Halo's lists of names (statuses, agents, teams, priorities, clients found by name...), read once per connection and
 * kept for a while, so that a run of writes by name reads each list once. One instance per connection: the component
 * keeps it beside the connection. A list is read again when it is older than the caller's time to live, or when the
 * caller asks (a name was not found: someone may have added it in Halo since).
 */
public final class HaloLookupCache {

    /** A list as read, and whether it was read from Halo by this very call. */
    public record Lookup(List<Map<String, Object>> records, boolean fresh) {
    }

    private record Key(HaloResource resource, Map<String, Object> query) {
    }

    private record Entry(List<Map<String, Object>> records, long loadedAt) {
    }

    private final HaloPager pager;
    private final LongSupplier clockMillis;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    /**
     * @param pager       reads a whole list, page by page
     * @param clockMillis the clock ages are measured on
     */
    public HaloLookupCache(HaloPager pager, LongSupplier clockMillis) {
        this.pager = pager;
        this.clockMillis = clockMillis;
    }

    /**
     * The records of {@code resource} matching {@code query}: from the cache when read less than {@code ttl} ago, else
     * from Halo. Concurrent callers for the same list wait for one read.
     */
    public Lookup list(HaloResource resource, Map<String, Object> query, Duration ttl) throws Exception {
        Key key = new Key(resource, new TreeMap<>(query));
        boolean[] loaded = { false };
        Entry entry = compute(key, e -> {
            if (e != null && clockMillis.getAsLong() - e.loadedAt() < ttl.toMillis()) {
                return e;
            }
            loaded[0] = true;
            return load(key);
        });
        return new Lookup(entry.records(), loaded[0]);
    }

    /** Reads the list from Halo again, whatever its age. */
    public List<Map<String, Object>> reload(HaloResource resource, Map<String, Object> query) throws Exception {
        Key key = new Key(resource, new TreeMap<>(query));
        return compute(key, e -> load(key)).records();
    }

    private interface Loader {
        Entry apply(Entry current) throws Exception;
    }

    private Entry compute(Key key, Loader loader) throws Exception {
        try {
            return entries.compute(key, (k, current) -> {
                try {
                    return loader.apply(current);
                } catch (Exception e) {
                    throw new LoadFailed(e);
                }
            });
        } catch (LoadFailed e) {
            throw (Exception) e.getCause();
        }
    }

    private Entry load(Key key) throws Exception {
        List<Map<String, Object>> records = pager.readAll(key.resource(), new TreeMap<>(key.query()), 100, 0);
        return new Entry(List.copyOf(records), clockMillis.getAsLong());
    }

    /** Carries a checked failure out of {@code Map.compute}. */
    private static final class LoadFailed extends RuntimeCamelException {
        private static final long serialVersionUID = 1L;

        LoadFailed(Exception cause) {
            super(cause);
        }
    }
}
