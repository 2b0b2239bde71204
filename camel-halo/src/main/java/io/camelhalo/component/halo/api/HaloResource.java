package io.camelhalo.component.halo.api;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.camelhalo.component.halo.api.ChangeDetection.FULL_SCAN;
import static io.camelhalo.component.halo.api.ChangeDetection.NEWEST_FIRST;
import static io.camelhalo.component.halo.api.ChangeDetection.NONE;
import static io.camelhalo.component.halo.api.ChangeDetection.UPDATED_SINCE_FILTER;
import static io.camelhalo.component.halo.api.HaloOperation.DELETE;
import static io.camelhalo.component.halo.api.HaloOperation.GET;
import static io.camelhalo.component.halo.api.HaloOperation.LIST;

/**
 * The resource table: every Halo resource the component knows, with the facts about Halo's API that differ between
 * resources. This is the one place those facts live; a fact marked "verify" in the project's API notes is one cell
 * here.
 * <p>
 * Columns: URI name, Halo path under {@code /api}, list envelope key ({@code null}: the list is a bare JSON array),
 * whether the list takes {@code pageinate/page_size/page_no}, the last-modified field ({@code null}: none), whether the
 * creation-date field, how halo-poll detects changes, the OAuth scope area, and which operations need a ticket id.
 * Every resource supports all five operations: Halo's API description has GET and POST on {@code /<Path>} and GET and
 * DELETE on {@code /<Path>/{id}} for each.
 */
public enum HaloResource implements HaloRecordKind {

    // uri name, Halo path, list key (null: bare array), paged, last-modified field, created field,
    // change detection for halo-poll, OAuth scope area (null: not known), operations that need the ticket id
    // Action ids are unique only within a ticket: get, delete and list need the ticket id.
    ACTIONS("actions", "Actions", "actions", false, "last_updated", "actiondatecreated", FULL_SCAN, "tickets",
            EnumSet.of(GET, LIST, DELETE)),
    AGENTS("agents", "Agent", null, false, "last_modified", "datecreated", FULL_SCAN, "agents"),
    // Appointments: wrapped under 'appointments' in a published sync library; a bare array is read too (HaloPager)
    APPOINTMENTS("appointments", "Appointment", "appointments", true, "last_modified", null, NEWEST_FIRST, "calendar"),
    ASSETS("assets", "Asset", "assets", true, "last_modified" /* or dlastupdate: verify */, null, UPDATED_SINCE_FILTER,
           "assets"),
    // Attachments are listed per ticket only: no tenant-wide change feed.
    ATTACHMENTS("attachments", "Attachment", "attachments", false, "last_updated", "datecreated", NONE, "tickets",
                EnumSet.of(LIST)),
    CLIENTS("clients", "Client", "clients", true, "alastupdate" /* verify */, "datecreated", UPDATED_SINCE_FILTER,
            "customers"),
    CLIENT_CONTRACTS("clientcontracts", "ClientContract", "contracts", true, "last_modified", null, NEWEST_FIRST,
                     "contracts"),
    INVOICES("invoices", "Invoice", "invoices", true, "last_modified", "date_created", NEWEST_FIRST, "invoices"),
    ITEMS("items", "Item", "items", true, "lastmodified", "datecreated", NEWEST_FIRST, "items"),
    KB_ARTICLES("kbarticles", "KBArticle", "articles", true, null, "date_created", NONE, "kb"),
    OPPORTUNITIES("opportunities", "Opportunities", "tickets", true, "last_update", "dateoccurred", UPDATED_SINCE_FILTER,
                  "tickets"),
    // Priorities are kept per SLA (schema Policy: slaid, priorityid, name); no paging, bare array (verify)
    PRIORITIES("priorities", "Priority", null /* verify: bare array */, false, null, null, NONE, null),
    PROJECTS("projects", "Projects", "tickets", true, "last_update", "dateoccurred", UPDATED_SINCE_FILTER, "tickets"),
    QUOTATIONS("quotations", "Quotation", "quotes", true, "last_update_time", null, NEWEST_FIRST, "quotes"),
    REPORTS("reports", "Report", "reports", true, null, null, NONE, "reporting"),
    SITES("sites", "Site", "sites", true, "slastupdate" /* verify */, "datecreated", UPDATED_SINCE_FILTER, "customers"),
    STATUSES("statuses", "Status", null, false, null, null, NONE, null),
    SUPPLIERS("suppliers", "Supplier", "suppliers", true, "last_modified", "datecreated", NEWEST_FIRST, "suppliers"),
    TEAMS("teams", "Team", null, false, "last_modified", null, FULL_SCAN, "teams"),
    TICKET_TYPES("tickettypes", "TicketType", null, false, null, null, NONE, null),
    TICKETS("tickets", "Tickets", "tickets", true, "last_update", "dateoccurred", UPDATED_SINCE_FILTER, "tickets"),
    USERS("users", "Users", "users", true, "ulastupdate" /* verify */, "datecreated", UPDATED_SINCE_FILTER, "customers");

    /** Every resource name, in URI form, comma separated; the same list the URI path enum declares. */
    public static final String URI_NAMES
            = "actions,agents,appointments,assets,attachments,clients,clientcontracts,invoices,items,kbarticles,"
              + "opportunities,priorities,projects,quotations,reports,sites,statuses,suppliers,teams,tickettypes,tickets,users";

    /**
     * The resources whose changes halo-poll and halo-webhook can follow ({@link #pollable()}), in URI form, comma
     * separated; the list both URI path enums declare.
     */
    public static final String POLLABLE_URI_NAMES
            = "actions,agents,appointments,assets,clients,clientcontracts,invoices,items,opportunities,projects,"
              + "quotations,sites,suppliers,teams,tickets,users";

    private final String uriName;
    private final String path;
    private final String listKey;
    private final boolean paginated;
    private final String lastModifiedField;
    private final String createdField;
    private final ChangeDetection changeDetection;
    private final String scopeArea;
    private final Set<HaloOperation> ticketScopedOperations;

    HaloResource(String uriName, String path, String listKey, boolean paginated, String lastModifiedField,
                 String createdField, ChangeDetection changeDetection, String scopeArea) {
        this(uriName, path, listKey, paginated, lastModifiedField, createdField, changeDetection, scopeArea,
             EnumSet.noneOf(HaloOperation.class));
    }

    HaloResource(String uriName, String path, String listKey, boolean paginated, String lastModifiedField,
                 String createdField, ChangeDetection changeDetection, String scopeArea,
                 Set<HaloOperation> ticketScopedOperations) {
        this.uriName = uriName;
        this.path = path;
        this.listKey = listKey;
        this.paginated = paginated;
        this.lastModifiedField = lastModifiedField;
        this.createdField = createdField;
        this.changeDetection = changeDetection;
        this.scopeArea = scopeArea;
        this.ticketScopedOperations = ticketScopedOperations;
    }

    /** The name used in URIs and headers, e.g. {@code clientcontracts}. */
    @Override
    public String uriName() {
        return uriName;
    }

    /** Halo's path under {@code /api}, without a leading slash, e.g. {@code ClientContract}. */
    public String path() {
        return path;
    }

    /** The key under which a list reply holds its records, or {@code null} when the reply is a bare array. */
    public String listKey() {
        return listKey;
    }

    /** Whether the list takes {@code pageinate=true&page_size&page_no}; otherwise it answers everything at once. */
    public boolean paginated() {
        return paginated;
    }

    /** The record field Halo stamps on every change, or {@code null} when the resource has none. */
    @Override
    public String lastModifiedField() {
        return lastModifiedField;
    }

    /** The record field holding the creation date, or {@code null} when the resource has none. */
    @Override
    public String createdField() {
        return createdField;
    }

    /** How halo-poll finds this resource's changed records. */
    public ChangeDetection changeDetection() {
        return changeDetection;
    }

    /** Whether halo-poll can watch this resource for changes. */
    public boolean pollable() {
        return changeDetection != ChangeDetection.NONE;
    }

    /**
     * Whether Halo's list leaves inactive records out unless asked with {@code includeinactive=true} (the resources
     * whose list declares that parameter in Halo's description; the default is unverified).
     */
    public boolean hidesInactiveRecords() {
        return this == CLIENTS || this == SITES || this == USERS || this == ASSETS || this == ITEMS || this == SUPPLIERS
                || this == CLIENT_CONTRACTS;
    }

    /** The id: an action's is unique only within its ticket, {@code <ticket>:<id>}. */
    @Override
    public String recordId(Map<String, Object> record) {
        return this == ACTIONS ? record.get("ticket_id") + ":" + record.get("id") : String.valueOf(record.get("id"));
    }

    /** Whether the operation needs the ticket id (query parameter {@code ticket_id}) for this resource. */
    public boolean needsTicketId(HaloOperation operation) {
        return ticketScopedOperations.contains(operation);
    }

    /**
     * The OAuth scope a call on this resource needs, e.g. {@code edit:tickets}, named when Halo answers 403. Halo's
     * scopes are per area: actions fall under tickets, sites and users under customers (verify the areas on a tenant).
     *
     * @param write whether the call changes data
     */
    public String scope(boolean write) {
        String access = write ? "edit" : "read";
        return scopeArea == null ? access + ":<area> (or admin)" : access + ":" + scopeArea;
    }

    /**
     * Looks a resource up by its URI name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the bad value and the allowed ones
     */
    public static HaloResource fromUriName(String name) {
        if (name != null) {
            for (HaloResource r : values()) {
                if (r.uriName.equalsIgnoreCase(name.trim())) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException(
                "Unknown Halo resource '" + name + "'."
                                           + HaloNames.didYouMean(name,
                                                   Arrays.stream(values()).map(HaloResource::uriName).toList())
                                           + " Allowed: "
                                           + Arrays.stream(values()).map(HaloResource::uriName)
                                                   .collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return uriName;
    }

    static {
        // keep the annotation enum list and the table in step
        String names = Arrays.stream(values()).map(HaloResource::uriName).collect(Collectors.joining(","));
        if (!names.equals(URI_NAMES)) {
            throw new ExceptionInInitializerError("HaloResource.URI_NAMES is out of step with the table: " + names);
        }
        String pollable = Arrays.stream(values()).filter(HaloResource::pollable).map(HaloResource::uriName)
                .collect(Collectors.joining(","));
        if (!pollable.equals(POLLABLE_URI_NAMES)) {
            throw new ExceptionInInitializerError(
                    "HaloResource.POLLABLE_URI_NAMES is out of step with the table: " + pollable);
        }
    }
}
