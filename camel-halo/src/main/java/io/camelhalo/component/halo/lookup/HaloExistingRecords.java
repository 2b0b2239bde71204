package io.camelhalo.component.halo.lookup;

import java.util.LinkedHashMap;
import java.util.List;
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
 * Create unless it exists (option {@code matchExisting}): before a create, the record of the same resource whose
 * match field has the same value (ignoring case and surrounding blanks) is looked for, within the record's client
 * where Halo scopes the resource by client (sites, users: the scope column of {@link HaloNameField}). Found, it is
 * the answer and nothing is created; two found is ambiguous and fails before anything is sent.
 * <p>
 * The list is read fresh (never from the lookup cache: a record created a moment ago must be seen) and with inactive
 * records, so a deactivated client is not created twice. {@code search=} narrows it only for the fields Halo's
 * search is known to match (HALO-FACTS: names and email addresses); any other field reads the whole (scoped) list,
 * so a field Halo's search does not index can never cause a duplicate.
 */
public final class HaloExistingRecords {

    /** The fields Halo's {@code search=} matches (peer-confirmed, HALO-FACTS); the one place to widen it. */
    private static final Set<String> SEARCHED_FIELDS = Set.of("name", "emailaddress");

    private final HaloPager pager;

    public HaloExistingRecords(HaloPager pager) {
        this.pager = pager;
    }

    /**
     * @param  resource the resource about to be created
     * @param  record   the record about to be created
     * @param  field    the field that identifies an existing record, e.g. {@code name}
     * @return          the existing record, or {@code null} when there is none (or the record has no such value)
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
                                                                                     + matches.stream().map(r -> r.get("id")).toList()
                                                                                     + "), so it is not known which one is meant; nothing was created");
        }
        return matches.isEmpty() ? null : matches.get(0);
    }

    private static Map<String, Object> query(HaloResource resource, Map<String, Object> record, String field,
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
