package io.camelhalo.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The sandbox's data: one ordered table per resource, guarded by this object's lock. Records are plain JSON-shaped
 * maps; every value handed out or taken in is deep-copied, so callers can never alter the store behind its back.
 */
final class RecordStore {

    /** A record's key. {@code ticketId} is 0 except for actions, whose ids are unique only per ticket. */
    record Key(long ticketId, long id) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(ticketId, o.ticketId);
            return c != 0 ? c : Long.compare(id, o.id);
        }
    }

    private final Map<SandboxResource, TreeMap<Key, Map<String, Object>>> tables = new EnumMap<>(SandboxResource.class);
    /** Sequence name to the last id it issued; ids are never reused, as in a database identity column. */
    private final Map<String, Long> lastIds = new HashMap<>();
    /** Text ids ({@link SandboxResource#textIds()}), by resource name and lower-case id, to their negative keys. */
    private final Map<String, Long> textKeys = new HashMap<>();
    private final Supplier<Instant> clock;
    private final Function<SandboxResource, Set<TenantMode>> modes;

    RecordStore(Supplier<Instant> clock, Function<SandboxResource, Set<TenantMode>> modes) {
        this.clock = clock;
        this.modes = modes;
        for (SandboxResource r : SandboxResource.values()) {
            tables.put(r, new TreeMap<>());
        }
    }

    synchronized Map<String, Object> get(SandboxResource r, long ticketId, long id) {
        Map<String, Object> rec = tables.get(r).get(new Key(r.keyedByTicket() ? ticketId : 0, id));
        return rec == null ? null : copy(rec);
    }

    synchronized List<Map<String, Object>> all(SandboxResource r) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> rec : tables.get(r).values()) {
            out.add(copy(rec));
        }
        return out;
    }

    synchronized int count(SandboxResource r) {
        return tables.get(r).size();
    }

    synchronized boolean remove(SandboxResource r, long ticketId, long id) {
        return tables.get(r).remove(new Key(r.keyedByTicket() ? ticketId : 0, id)) != null;
    }

    /** The key of a record stored with the text id {@code id}, or {@code null} when none was. */
    synchronized Long textKey(SandboxResource r, String id) {
        return textKeys.get(r.resourceName() + "/" + id.trim().toLowerCase(java.util.Locale.ROOT));
    }

    /** The text id of {@code rawId} when {@code r} takes text ids and it is not a whole number; else {@code null}. */
    private static String textId(SandboxResource r, Object rawId) {
        return r.textIds() && rawId instanceof String s && !s.isBlank() && asLong(s) == null ? s.trim() : null;
    }

    private long textKeyFor(SandboxResource r, String id) {
        return textKeys.computeIfAbsent(r.resourceName() + "/" + id.toLowerCase(java.util.Locale.ROOT),
                k -> -(textKeys.size() + 1L));
    }

    /** Stores a record exactly as given (seed data): no stamping; the id sequence moves past its id. */
    synchronized void load(SandboxResource r, Map<String, Object> rec) {
        Map<String, Object> stored = copy(rec);
        String text = textId(r, stored.get("id"));
        if (text != null) {
            stored.put("id", text);
            tables.get(r).put(new Key(0, textKeyFor(r, text)), stored);
            return;
        }
        long id = requireLong(stored, "id");
        stored.put("id", id);
        long ticketId = 0;
        if (r.keyedByTicket()) {
            ticketId = requireLong(stored, "ticket_id");
            stored.put("ticket_id", ticketId);
        }
        tables.get(r).put(new Key(ticketId, id), stored);
        lastIds.merge(sequence(r, ticketId), id, Math::max);
    }

    /**
     * Direct insert or update, bypassing HTTP and validation: an existing id is shallow-merged, an absent or unknown id
     * is inserted. Stamps last-modified (and the creation field on insert).
     */
    synchronized Map<String, Object> put(SandboxResource r, Map<String, Object> fields) {
        Map<String, Object> in = copy(fields);
        Instant now = clock.get();
        long ticketId = 0;
        if (r.keyedByTicket()) {
            Long t = asLong(in.get("ticket_id"));
            if (t == null) {
                throw new IllegalArgumentException("actions need a numeric ticket_id");
            }
            ticketId = t;
        }
        String text = textId(r, in.get("id"));
        if (text != null) {
            Key key = new Key(0, textKeyFor(r, text));
            if (tables.get(r).containsKey(key)) {
                return copy(update(r, key, in, now));
            }
            Map<String, Object> rec = insert(r, 0, key.id(), in, now);
            rec.put("id", text);
            return copy(rec);
        }
        Long id = asLong(in.get("id"));
        if (id != null && id > 0) {
            Key key = new Key(ticketId, id);
            if (tables.get(r).containsKey(key)) {
                return copy(update(r, key, in, now));
            }
            lastIds.merge(sequence(r, ticketId), id, Math::max);
            return copy(insert(r, ticketId, id, in, now));
        }
        return copy(create(r, in, now));
    }

    /**
     * {@code POST /api/<Path>}: validates the whole batch first, so an invalid element saves nothing, then creates (no
     * id, or id &lt;= 0) or updates (existing id; only the fields sent change).
     */
    synchronized List<Map<String, Object>> save(SandboxResource r, List<?> elements) throws SandboxError {
        if (elements.isEmpty()) {
            throw SandboxError.badRequest("No records were sent"); // verify what Halo does with []
        }
        List<Map<String, Object>> batch = new ArrayList<>();
        List<Key> targets = new ArrayList<>(); // null: create
        for (Object element : elements) {
            if (!(element instanceof Map)) {
                throw SandboxError.badRequest("Each record must be a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = copy((Map<String, Object>) element);
            Object rawId = fields.get("id");
            Long id = asLong(rawId);
            Long textKey = textId(r, rawId) == null ? null : textKey(r, (String) rawId);
            if (textKey != null) {
                targets.add(new Key(0, textKey));
                batch.add(fields);
                continue;
            }
            if (rawId != null && id == null) {
                throw SandboxError.badRequest("For field id, '" + rawId + "' is not a valid number");
            }
            if (id != null && id > 0) {
                targets.add(existingKey(r, fields, id));
            } else {
                validateCreate(r, fields);
                targets.add(null);
            }
            batch.add(fields);
        }
        Instant now = clock.get();
        List<Map<String, Object>> saved = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Key key = targets.get(i);
            Map<String, Object> rec = key == null ? create(r, batch.get(i), now) : update(r, key, batch.get(i), now);
            saved.add(copy(rec));
        }
        return saved;
    }

    private Key existingKey(SandboxResource r, Map<String, Object> fields, long id) throws SandboxError {
        long ticketId = 0;
        if (r.keyedByTicket()) {
            Long t = asLong(fields.get("ticket_id"));
            if (t == null) {
                throw SandboxError.badRequest("ticket_id is required to update an action");
            }
            ticketId = t;
        }
        Key key = new Key(ticketId, id);
        if (!tables.get(r).containsKey(key)) {
            // Halo's behaviour for an unknown id is not documented: refusing is the safe guess (verify)
            throw SandboxError.badRequest("Record not found");
        }
        return key;
    }

    /** Halo's required fields, kept minimal: only what every client of the sandbox relies on. */
    private void validateCreate(SandboxResource r, Map<String, Object> fields) throws SandboxError {
        if (r.isTicketLike() && isBlank(fields.get("summary"))) {
            throw SandboxError.badRequest("Please enter a summary");
        }
        if (r == SandboxResource.ACTIONS || r == SandboxResource.ATTACHMENTS) {
            Long ticketId = asLong(fields.get("ticket_id"));
            if (ticketId == null || !ticketExists(ticketId)) {
                throw SandboxError.badRequest("Please specify a valid ticket_id");
            }
        }
        if (r == SandboxResource.ATTACHMENTS) {
            if (isBlank(fields.get("filename"))) {
                throw SandboxError.badRequest("Please specify a filename");
            }
            Object data = fields.get("data_base64");
            if (!(data instanceof String)) {
                throw SandboxError.badRequest("Please specify data_base64");
            }
            try {
                Base64.getDecoder().decode((String) data);
            } catch (IllegalArgumentException e) {
                throw SandboxError.badRequest("data_base64 is not valid base64");
            }
        }
    }

    private boolean ticketExists(long id) {
        Key key = new Key(0, id);
        return tables.get(SandboxResource.TICKETS).containsKey(key)
                || tables.get(SandboxResource.PROJECTS).containsKey(key)
                || tables.get(SandboxResource.OPPORTUNITIES).containsKey(key);
    }

    private Map<String, Object> create(SandboxResource r, Map<String, Object> fields, Instant now) {
        long ticketId = r.keyedByTicket() ? asLong(fields.get("ticket_id")) : 0;
        long id = lastIds.merge(sequence(r, ticketId), 1L, Long::sum);
        return insert(r, ticketId, id, fields, now);
    }

    private Map<String, Object> insert(SandboxResource r, long ticketId, long id, Map<String, Object> fields, Instant now) {
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("id", id);
        if (r.keyedByTicket()) {
            rec.put("ticket_id", ticketId);
        }
        fields.forEach((k, v) -> {
            if (!"id".equals(k) && !(r.keyedByTicket() && "ticket_id".equals(k))) {
                rec.put(k, v);
            }
        });
        String stamp = HaloTime.format(now);
        if (r.createdField() != null && rec.get(r.createdField()) == null) {
            rec.put(r.createdField(), stamp);
        }
        if (r.lastModifiedField() != null) {
            rec.put(r.lastModifiedField(), stamp);
        }
        tables.get(r).put(new Key(ticketId, id), rec);
        if (r == SandboxResource.ACTIONS && modes.apply(r).contains(TenantMode.ACTION_BUMPS_TICKET)) {
            bumpTicket(ticketId, stamp);
        }
        return rec;
    }

    /** A new action makes its ticket (or project, or opportunity) count as changed. */
    private void bumpTicket(long ticketId, String stamp) {
        for (SandboxResource t : List.of(SandboxResource.TICKETS, SandboxResource.PROJECTS,
                SandboxResource.OPPORTUNITIES)) {
            Map<String, Object> ticket = tables.get(t).get(new Key(0, ticketId));
            if (ticket != null) {
                ticket.put(t.lastModifiedField(), stamp);
            }
        }
    }

    private Map<String, Object> update(SandboxResource r, Key key, Map<String, Object> fields, Instant now) {
        Map<String, Object> rec = tables.get(r).get(key);
        fields.forEach((k, v) -> {
            if (!"id".equals(k) && !(r.keyedByTicket() && "ticket_id".equals(k))) {
                rec.put(k, v); // shallow: a nested value (e.g. customfields) is replaced whole, as in Halo
            }
        });
        if (r.lastModifiedField() != null) {
            rec.put(r.lastModifiedField(), HaloTime.format(now));
        }
        return rec;
    }

    /** Tickets, projects and opportunities share Halo's one ticket sequence; action ids count per ticket. */
    private static String sequence(SandboxResource r, long ticketId) {
        if (r.isTicketLike()) {
            return "faults";
        }
        return r.keyedByTicket() ? "actions/" + ticketId : r.resourceName();
    }

    private static long requireLong(Map<String, Object> rec, String field) {
        Long v = asLong(rec.get(field));
        if (v == null) {
            throw new IllegalArgumentException("record needs a numeric " + field + ": " + rec);
        }
        return v;
    }

    private static boolean isBlank(Object v) {
        return v == null || v.toString().isBlank();
    }

    /** A JSON number or numeric string as a long; {@code null} for anything else. */
    static Long asLong(Object v) {
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> copy(Map<String, Object> rec) {
        return (Map<String, Object>) deepCopy(rec);
    }

    private static Object deepCopy(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), deepCopy(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(deepCopy(x)));
            return out;
        }
        return v;
    }
}
