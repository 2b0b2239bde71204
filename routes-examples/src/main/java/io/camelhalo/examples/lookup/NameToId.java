package io.camelhalo.examples.lookup;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Turns names people use ("Closed", "Escalations") into Halo ids, from Halo's own lists. Each list is read once and
 * cached; a name not in the cache makes it read the list again (someone may have added it in Halo since), and a name
 * still unknown after that fails with the names Halo knows.
 */
public class NameToId {

    private final Function<String, List<Map<String, Object>>> lists;
    private final Map<String, Map<String, Long>> cache = new ConcurrentHashMap<>();

    /** @param lists reads all records of a resource (e.g. {@code statuses}, {@code teams}) */
    public NameToId(Function<String, List<Map<String, Object>>> lists) {
        this.lists = lists;
    }

    /** Reads the lists through {@code halo:<resource>/list}. */
    public static NameToId fromHalo(HaloCalls halo) {
        return new NameToId(resource -> halo.list(resource, Map.of()));
    }

    /**
     * @return the id of the record of {@code resource} whose {@code name} is {@code name} (ignoring case)
     * @throws IllegalArgumentException naming the known names when there is none
     */
    public long id(String resource, String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        Long id = cache.computeIfAbsent(resource, this::load).get(key);
        if (id == null) {
            Map<String, Long> fresh = load(resource);
            cache.put(resource, fresh);
            id = fresh.get(key);
        }
        if (id == null) {
            throw new IllegalArgumentException("Unknown " + resource + " name '" + name + "'; Halo knows: "
                    + String.join(", ", namesOf(resource)));
        }
        return id;
    }

    /** Drops a cached list, e.g. from a test or after an admin change. */
    public void forget(String resource) {
        cache.remove(resource);
    }

    private List<String> namesOf(String resource) {
        return lists.apply(resource).stream().map(r -> String.valueOf(r.get("name"))).sorted().toList();
    }

    private Map<String, Long> load(String resource) {
        Map<String, Long> byName = new TreeMap<>();
        for (Map<String, Object> rec : lists.apply(resource)) {
            if (rec.get("name") != null && HaloCalls.id(rec, "id") != null) {
                byName.put(rec.get("name").toString().trim().toLowerCase(Locale.ROOT), HaloCalls.id(rec, "id"));
            }
        }
        return byName;
    }
}
