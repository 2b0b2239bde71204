package io.camelhalo.component.halo.lookup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.camelhalo.component.halo.api.HaloIds;
import io.camelhalo.component.halo.api.HaloNameField;
import io.camelhalo.component.halo.api.HaloOperation;
import io.camelhalo.component.halo.api.HaloQuery;
import io.camelhalo.component.halo.api.HaloResource;
import io.camelhalo.component.halo.client.HaloPager;
import io.camelhalo.component.halo.error.HaloValidationException;

/**
 * Create unless it exists (option {@code matchExisting}): before a create, the record of the same resource whose match
 * field has the same value (ignoring case and surrounding blanks) is looked for, within the record's client where Halo
 * scopes the resource by client (sites, users: the scope column of {@link HaloNameField}). Found, it is the answer and
 * nothing is created; two found is ambiguous and fails before anything is sent.
 * <p>
 * The list is read fresh (never from the lookup cache: a record created a moment ago must be seen) and with inactive
 * records, so a deactivated client is not created twice. {@code search=} narrows it only for the fields Halo's search
 * is known to match (HALO-FACTS: names and email addresses); any other field reads the whole (scoped) list, so a field
 * Halo's search does not index can never cause a duplicate.
 */
public final class HaloExistingRecords {

    /** The fields Halo's {@code search=} matches (peer-confirmed, HALO-FACTS); the one place to widen it. */
    private static final Set<String> SEARCHED_FIELDS = Set.of("name", "emailaddress");

    private final HaloPager pager;

    public HaloExistingRecords(HaloPager pager) {
        this.pager = pager;
    }

    /**
     * Which of the records of one create are already in Halo, and which repeat an earlier record of the same write (the
     * same value within the same scope): those are created once, and the repeat is answered with that record.
     */
    public Plan plan(HaloResource resource, List<Map<String, Object>> records, String field) throws Exception {
        List<Map<String, Object>> found = new ArrayList<>(records.size());
        int[] sameAs = new int[records.size()];
        Map<String, Integer> firstByIdentity = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            Map<String, Object> record = records.get(i);
            String identity = identity(resource, record, field);
            Integer first = identity == null ? null : firstByIdentity.putIfAbsent(identity, i);
            sameAs[i] = first == null ? -1 : first;
            found.add(first != null ? found.get(first) : find(resource, record, field)); // one look-up per identity
        }
        return new Plan(records, found, sameAs);
    }

    /**
     * The outcome of {@link #plan}: per record, the record found in Halo (or null), and the earlier record of the same
     * write it repeats (or -1).
     */
    public record Plan(List<Map<String, Object>> records, List<Map<String, Object>> found, int[] sameAs) {

        private boolean creates(int i) {
            return found.get(i) == null && sameAs[i] < 0;
        }

        /** The records to send: neither in Halo nor repeating an earlier one. */
        public List<Map<String, Object>> toCreate() {
            List<Map<String, Object>> toCreate = new ArrayList<>(records.size());
            for (int i = 0; i < records.size(); i++) {
                if (creates(i)) {
                    toCreate.add(records.get(i));
                }
            }
            return toCreate;
        }

        /** The answer in input order: found records where found, created ones (as Halo answered) in the gaps. */
        public List<Map<String, Object>> inInputOrder(List<Map<String, Object>> created) {
            List<Map<String, Object>> all = new ArrayList<>(records.size());
            int next = 0;
            for (int i = 0; i < records.size(); i++) {
                if (found.get(i) != null) {
                    all.add(found.get(i));
                } else if (sameAs[i] >= 0 && sameAs[i] < all.size()) {
                    all.add(all.get(sameAs[i]));
                } else if (next < created.size()) {
                    all.add(created.get(next++));
                }
            }
            all.addAll(created.subList(next, created.size()));
            return all;
        }

        /** Per record, whether this write created it (header CamelHaloCreated). */
        public List<Boolean> created() {
            List<Boolean> created = new ArrayList<>(records.size());
            for (int i = 0; i < records.size(); i++) {
                created.add(creates(i));
            }
            return created;
        }
    }

    /** The value and scope that identify the record, or {@code null} when it has no value to match on. */
    private static String identity(HaloResource resource, Map<String, Object> record, String field) {
        Object given = record.get(field);
        if (given == null || given.toString().isBlank()) {
            return null;
        }
        HaloNameField scope = HaloNameField.listing(resource);
        Object scopeValue = scope == null || scope.scopeField() == null ? null : record.get(scope.scopeField());
        return (scopeValue == null ? "" : scopeValue.toString().trim()) + '\u0000'
               + given.toString().trim().toLowerCase(Locale.ROOT);
    }

    /**
     * @param  resource                the resource about to be created
     * @param  record                  the record about to be created
     * @param  field                   the field that identifies an existing record, e.g. {@code name}
     * @return                         the existing record, or {@code null} when there is none (or the record has no
     *                                 such value)
     * @throws HaloValidationException when more than one record matches
     */
    public Map<String, Object> find(HaloResource resource, Map<String, Object> record, String field) throws Exception {
        Object given = record.get(field);
        if (given == null || given.toString().isBlank()) {
            return null; // nothing to match on: the record is created as asked
        }
        String wanted = given.toString().trim();
        Map<String, Object> query = query(resource, record, field, wanted);
        List<Map<String, Object>> matches = pager.readAll(resource, query, HaloQuery.MAX_PAGE_SIZE, 0).stream()
                .filter(r -> r.get(field) != null && r.get(field).toString().trim().equalsIgnoreCase(wanted))
                .toList();
        if (matches.size() > 1) {
            throw HaloValidationException.refused("POST", "/api/" + resource.path(),
                    "matchExisting=" + field + ": " + matches.size() + " " + resource.uriName() + " have " + field
                                                                                     + " '" + wanted + "' (ids "
                                                                                     + matches.stream().map(r -> r.get("id"))
                                                                                             .toList()
                                                                                     + "), so it is not known which one is meant; nothing was created");
        }
        return matches.isEmpty() ? null : matches.get(0);
    }

    private static Map<String, Object> query(
            HaloResource resource, Map<String, Object> record, String field,
            String wanted) {
        Map<String, Object> query = new LinkedHashMap<>();
        HaloNameField scope = HaloNameField.listing(resource);
        if (scope != null && scope.scopeField() != null && record.get(scope.scopeField()) != null) {
            query.put(scope.scopeParameter(), HaloIds.parse(record.get(scope.scopeField()), "field " + scope.scopeField()));
        }
        if (SEARCHED_FIELDS.contains(field) && HaloQuery.declares(resource, HaloOperation.LIST, "search")) {
            query.put("search", wanted);
        }
        if (resource.hidesInactiveRecords()) {
            query.put("includeinactive", "true");
        }
        return query;
    }
}
