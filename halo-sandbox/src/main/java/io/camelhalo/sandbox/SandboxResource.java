package io.camelhalo.sandbox;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static io.camelhalo.sandbox.SandboxResource.Filter.CLIENT_ID;
import static io.camelhalo.sandbox.SandboxResource.Filter.COUNT;
import static io.camelhalo.sandbox.SandboxResource.Filter.DOMAIN;
import static io.camelhalo.sandbox.SandboxResource.Filter.OPEN_ONLY;
import static io.camelhalo.sandbox.SandboxResource.Filter.ORDER;
import static io.camelhalo.sandbox.SandboxResource.Filter.SEARCH;
import static io.camelhalo.sandbox.SandboxResource.Filter.SITE_ID;
import static io.camelhalo.sandbox.SandboxResource.Filter.SLA_ID;
import static io.camelhalo.sandbox.SandboxResource.Filter.TICKET_ID;
import static io.camelhalo.sandbox.SandboxResource.Filter.TICKET_ID_REQUIRED;
import static io.camelhalo.sandbox.SandboxResource.Filter.UPDATED;
import static io.camelhalo.sandbox.SandboxResource.Filter.USER_ID;

/**
 * The one table of Halo resources the sandbox serves (the sandbox's own, not camel-halo's {@code HaloResource}): path
 * under {@code /api}, list envelope key, whether lists page, the last-modified and creation-date fields, and the list
 * filters Halo offers.
 *
 * <p>
 * Paths, fields and filters come from Halo's OpenAPI description ("Halo API v2"); envelope keys from the HaloAPI
 * PowerShell module. Filters are only those the OpenAPI lists for the resource and the seeded records carry; any other
 * query parameter is ignored, as Halo ignores unknown ones (and, when Halo's description does not declare it, recorded
 * as a {@link Violation}).
 *
 * <p>
 * Tickets, projects and opportunities are all Halo tickets (schema {@code Faults}). The sandbox keeps them in separate
 * stores (so {@code GET /Tickets/{projectId}} is a 404 here unless {@link TenantMode#TICKET_PATH_SERVES_PROJECTS} is
 * on) but draws their ids from one shared sequence, so an id names at most one of them and actions or attachments can
 * point at any of them through {@code ticket_id}.
 */
public enum SandboxResource {
    // name, Halo path, envelope key (null = bare array), paginated, last-modified field, creation field, filters
    ACTIONS("actions", "Actions", "actions", false, "last_updated", "actiondatecreated",
            EnumSet.of(TICKET_ID_REQUIRED, TICKET_ID, COUNT)),
    AGENTS("agents", "Agent", null, false, "last_modified", "datecreated",
           EnumSet.of(SEARCH)),
    APPOINTMENTS("appointments", "Appointment", null, true, "last_modified", null, // bare array: verify
                 EnumSet.of(CLIENT_ID, TICKET_ID, ORDER, SEARCH)),
    ASSETS("assets", "Asset", "assets", true, "last_modified", null,
           EnumSet.of(CLIENT_ID, SITE_ID, USER_ID, UPDATED, ORDER, SEARCH)),
    ATTACHMENTS("attachments", "Attachment", "attachments", false, "last_updated", "datecreated",
                EnumSet.of(TICKET_ID_REQUIRED, TICKET_ID, ORDER)),
    CLIENTS("clients", "Client", "clients", true, "alastupdate", "datecreated",
            EnumSet.of(UPDATED, ORDER, SEARCH, DOMAIN)),
    CLIENTCONTRACTS("clientcontracts", "ClientContract", "contracts", true, "last_modified", null,
                    EnumSet.of(CLIENT_ID, SITE_ID, ORDER, SEARCH)),
    // Halo has no updated-since filter on invoices: clients must order by last_modified instead.
    INVOICES("invoices", "Invoice", "invoices", true, "last_modified", "date_created",
             EnumSet.of(CLIENT_ID, SITE_ID, USER_ID, TICKET_ID, ORDER, SEARCH)),
    ITEMS("items", "Item", "items", true, "lastmodified", "datecreated",
          EnumSet.of(ORDER, SEARCH)),
    KBARTICLES("kbarticles", "KBArticle", "articles", true, null, "date_created",
               EnumSet.of(ORDER, SEARCH)),
    OPPORTUNITIES("opportunities", "Opportunities", "tickets", true, "last_update", "dateoccurred",
                  EnumSet.of(CLIENT_ID, SITE_ID, USER_ID, OPEN_ONLY, UPDATED, ORDER, SEARCH)),
    // Halo keeps priorities per SLA (schema Policy: slaid, priorityid, name); GET /Priority?slaid= lists one SLA's
    PRIORITIES("priorities", "Priority", null, false, null, null, // bare array: verify
               EnumSet.of(SLA_ID)),
    PROJECTS("projects", "Projects", "tickets", true, "last_update", "dateoccurred",
             EnumSet.of(CLIENT_ID, SITE_ID, USER_ID, OPEN_ONLY, UPDATED, ORDER, SEARCH)),
    QUOTATIONS("quotations", "Quotation", "quotes", true, "last_update_time", null,
               EnumSet.of(CLIENT_ID, SITE_ID, USER_ID, TICKET_ID, ORDER, SEARCH)),
    REPORTS("reports", "Report", "reports", true, null, null,
            EnumSet.of(ORDER, SEARCH)),
    SITES("sites", "Site", "sites", true, "slastupdate", "datecreated",
          EnumSet.of(CLIENT_ID, UPDATED, ORDER, SEARCH)),
    STATUSES("statuses", "Status", null, false, null, null,
             EnumSet.noneOf(Filter.class)),
    SUPPLIERS("suppliers", "Supplier", "suppliers", true, "last_modified", "datecreated",
              EnumSet.of(ORDER, SEARCH)),
    TEAMS("teams", "Team", null, false, "last_modified", null,
          EnumSet.noneOf(Filter.class)),
    TICKETTYPES("tickettypes", "TicketType", null, false, null, null,
                EnumSet.noneOf(Filter.class)),
    TICKETS("tickets", "Tickets", "tickets", true, "last_update", "dateoccurred",
            EnumSet.of(CLIENT_ID, SITE_ID, USER_ID, OPEN_ONLY, UPDATED, ORDER, SEARCH)),
    USERS("users", "Users", "users", true, "ulastupdate", "datecreated",
          EnumSet.of(CLIENT_ID, SITE_ID, UPDATED, ORDER, SEARCH));

    /** The list query features a resource supports; everything else is ignored. */
    public enum Filter {
        /** {@code lastupdatefromdate} / {@code lastupdatetodate} on the last-modified field. */
        UPDATED,
        /** {@code order} and {@code orderdesc}. */
        ORDER,
        /** {@code search}: case-insensitive substring of summary, name, email, emailaddress or title. */
        SEARCH,
        /** Equality filter {@code client_id}. */
        CLIENT_ID,
        /** Equality filter {@code site_id}. */
        SITE_ID,
        /** Equality filter {@code user_id}. */
        USER_ID,
        /** Equality filter {@code slaid}. */
        SLA_ID,
        /** Equality filter {@code ticket_id}. */
        TICKET_ID,
        /** {@code ticket_id} must be present on list requests (400 otherwise). */
        TICKET_ID_REQUIRED,
        /** {@code open_only=true}: status_id other than 9 (Closed). */
        OPEN_ONLY,
        /** {@code count=N}: at most N records (resources without paging). */
        COUNT,
        /**
         * {@code domain=}: the clients whose {@code domain} (schema {@code Area}) is the value, case-insensitively.
         * Halo's description declares the parameter on {@code GET /Client} without saying what it does: unverified
         * ({@link TenantMode#CLIENT_DOMAIN_IGNORED} answers as if Halo ignored it).
         */
        DOMAIN
    }

    private final String resourceName;
    private final String path;
    private final String envelopeKey;
    private final boolean paginated;
    private final String lastModifiedField;
    private final String createdField;
    private final Set<Filter> filters;

    SandboxResource(String resourceName, String path, String envelopeKey, boolean paginated,
                    String lastModifiedField, String createdField, Set<Filter> filters) {
        this.resourceName = resourceName;
        this.path = path;
        this.envelopeKey = envelopeKey;
        this.paginated = paginated;
        this.lastModifiedField = lastModifiedField;
        this.createdField = createdField;
        this.filters = Set.copyOf(filters);
    }

    /** Our lowercase name, e.g. {@code tickets}. */
    public String resourceName() {
        return resourceName;
    }

    /** Halo's path segment under {@code /api}, e.g. {@code Tickets} (matched case-insensitively). */
    public String path() {
        return path;
    }

    /** The key holding the records in a list reply, or {@code null} when Halo answers a bare JSON array. */
    public String envelopeKey() {
        return envelopeKey;
    }

    /** Whether {@code pageinate}, {@code page_size} and {@code page_no} apply. */
    public boolean paginated() {
        return paginated;
    }

    /** The field stamped on every write, or {@code null} when the resource has none. */
    public String lastModifiedField() {
        return lastModifiedField;
    }

    /** The field stamped on create when the caller did not send it, or {@code null}. */
    public String createdField() {
        return createdField;
    }

    /** The list filters this resource honours. */
    public Set<Filter> filters() {
        return filters;
    }

    /**
     * Whether a record's id may be text: {@code /Priority/{id}} is a {@code string} in Halo's description (schema
     * {@code Policy}: {@code id} string, format uuid); every other {@code {id}} is an integer. Seeded priorities keep
     * whole-number ids; a priority put with a text id is found by it, case-insensitively.
     */
    public boolean textIds() {
        return this == PRIORITIES;
    }

    /** Actions are keyed by {@code (ticket_id, id)}: ids are unique only within a ticket. */
    public boolean keyedByTicket() {
        return this == ACTIONS;
    }

    /** Tickets, projects and opportunities: Halo "Faults", sharing one id sequence here. */
    public boolean isTicketLike() {
        return this == TICKETS || this == PROJECTS || this == OPPORTUNITIES;
    }

    /** Looks a resource up by our lowercase name. */
    public static Optional<SandboxResource> byName(String name) {
        for (SandboxResource r : values()) {
            if (r.resourceName.equals(name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Looks a resource up by its Halo path segment, case-insensitively as IIS does. */
    public static Optional<SandboxResource> byPath(String segment) {
        String wanted = segment.toLowerCase(Locale.ROOT);
        for (SandboxResource r : values()) {
            if (r.path.toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
