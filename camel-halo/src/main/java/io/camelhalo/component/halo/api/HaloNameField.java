package io.camelhalo.component.halo.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.camelhalo.component.halo.api.HaloResource.AGENTS;
import static io.camelhalo.component.halo.api.HaloResource.CLIENTS;
import static io.camelhalo.component.halo.api.HaloResource.OPPORTUNITIES;
import static io.camelhalo.component.halo.api.HaloResource.PRIORITIES;
import static io.camelhalo.component.halo.api.HaloResource.PROJECTS;
import static io.camelhalo.component.halo.api.HaloResource.SITES;
import static io.camelhalo.component.halo.api.HaloResource.STATUSES;
import static io.camelhalo.component.halo.api.HaloResource.TEAMS;
import static io.camelhalo.component.halo.api.HaloResource.TICKETS;
import static io.camelhalo.component.halo.api.HaloResource.TICKET_TYPES;
import static io.camelhalo.component.halo.api.HaloResource.USERS;

/**
 * The companion table of {@link HaloResource} for names instead of ids: which of Halo's own name fields of a record the
 * producer resolves, through which resource's list, into which id field. This is the one place that says so.
 * <p>
 * Columns: the name field, the id field it fills ({@code null}: the name is Halo's own field and is only checked to
 * exist, as {@code team} on a ticket, which has no {@code team_id}), the resource listed, the field of a listed record
 * that holds the id, the record field that scopes the list and the query parameter it is sent as ({@code null}: none),
 * whether the list is asked with {@code search=<name>} (large lists) rather than read whole, and the resources whose
 * writes carry the field. The order is the order of resolving: a client before its site and user, so the client's id
 * scopes them.
 */
public enum HaloNameField {

    CLIENT("client_name", "client_id", CLIENTS, "id", null, null, true, faultsAnd(USERS, SITES)),
    SITE("site_name", "site_id", SITES, "id", "client_id", "client_id", true, faultsAnd(USERS)),
    USER("user_name", "user_id", USERS, "id", "client_id", "client_id", true, faults()),
    STATUS("status_name", "status_id", STATUSES, "id", null, null, false, faults()),
    TICKET_TYPE("tickettype_name", "tickettype_id", TICKET_TYPES, "id", null, null, false, faults()),
    AGENT("agent_name", "agent_id", AGENTS, "id", null, null, false, faults()),
    // Halo keeps priorities per SLA: a ticket's priority_id is a Policy row's priorityid (verify), within sla_id
    PRIORITY("priority_name", "priority_id", PRIORITIES, "priorityid" /* verify */, "sla_id", "slaid", false, faults()),
    // the ticket body (schema Faults) names its team: there is no team_id to fill, the name is checked to exist
    TEAM("team", null, TEAMS, "id", null, null, false, faults());

    private final String nameField;
    private final String idField;
    private final HaloResource listedResource;
    private final String listedIdField;
    private final String scopeField;
    private final String scopeParameter;
    private final boolean searched;
    private final Set<HaloResource> writtenOn;

    HaloNameField(String nameField, String idField, HaloResource listedResource, String listedIdField, String scopeField,
                  String scopeParameter, boolean searched, Set<HaloResource> writtenOn) {
        this.nameField = nameField;
        this.idField = idField;
        this.listedResource = listedResource;
        this.listedIdField = listedIdField;
        this.scopeField = scopeField;
        this.scopeParameter = scopeParameter;
        this.searched = searched;
        this.writtenOn = writtenOn;
    }

    /** The name fields resolved on a write of {@code resource}, in resolving order (empty: none). */
    public static List<HaloNameField> on(HaloResource resource) {
        return EnumSet.allOf(HaloNameField.class).stream().filter(f -> f.writtenOn.contains(resource)).toList();
    }

    /** The field whose list is {@code resource}'s (its scope applies to that list), or {@code null}: none. */
    public static HaloNameField listing(HaloResource resource) {
        for (HaloNameField field : values()) {
            if (field.listedResource == resource) {
                return field;
            }
        }
        return null;
    }

    /** Halo's name field in the written record, e.g. {@code status_name}. */
    public String nameField() {
        return nameField;
    }

    /** The id field the name fills, e.g. {@code status_id}; {@code null} when the name is only checked. */
    public String idField() {
        return idField;
    }

    /** The resource whose list holds the names, e.g. statuses. */
    public HaloResource listedResource() {
        return listedResource;
    }

    /** The field of a listed record holding the id to fill, usually {@code id}. */
    public String listedIdField() {
        return listedIdField;
    }

    /** The written record's field that narrows the list (e.g. a site within {@code client_id}), or {@code null}. */
    public String scopeField() {
        return scopeField;
    }

    /** The list's query parameter for {@link #scopeField()}, e.g. {@code slaid}, or {@code null}. */
    public String scopeParameter() {
        return scopeParameter;
    }

    /** Whether the list is asked with {@code search=<name>} instead of being read whole (lists that grow large). */
    public boolean searched() {
        return searched;
    }

    private static Set<HaloResource> faults() {
        return EnumSet.of(TICKETS, PROJECTS, OPPORTUNITIES);
    }

    private static Set<HaloResource> faultsAnd(HaloResource... more) {
        Set<HaloResource> set = faults();
        set.addAll(List.of(more));
        return set;
    }
}
