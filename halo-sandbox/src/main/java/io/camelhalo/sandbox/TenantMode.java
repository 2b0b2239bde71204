package io.camelhalo.sandbox;

import java.util.Set;

/**
 * How a real tenant may answer where Halo's documentation leaves a fact uncertain. By default the sandbox answers as
 * {@code halo-api.md} documents; each mode switches one uncertain fact to the other way a real tenant may behave, so a
 * test can prove the component copes with both. Set them with {@link HaloSandboxOptions#withModes},
 * {@link HaloSandbox#setModes}, {@code --mode NAME} on the command line, or {@code PUT /sandbox/modes} with a JSON
 * array of names. A mode may be scoped to some resources only, as a real tenant may honour a parameter on one list and
 * ignore it on another: {@link HaloSandboxOptions#withModeFor}, {@link HaloSandbox#setModeFor},
 * {@code --mode NAME:users,clients}, {@code "NAME:users,clients"} in the JSON array; it then applies to the requests on
 * those resources only. {@link #evidence()} says what public evidence there is for each (docs/HALO-FACTS.md).
 */
public enum TenantMode {

    /** {@code order} and {@code orderdesc} are ignored: lists come in id order whatever was asked. */
    ORDER_IGNORED,

    /**
     * List items are slim: only the list view's fields ({@link #LIST_VIEW_FIELDS}); the last-modified and creation
     * fields and everything else come only from {@code GET /<Path>/{id}}.
     */
    SLIM_LIST_ITEMS,

    /** Timestamps carry an offset: {@code 2025-01-06T09:15:00.000Z} instead of {@code 2025-01-06T09:15:00.000}. */
    TIMESTAMPS_WITH_OFFSET,

    /** Timestamps carry no fraction: {@code 2025-01-06T09:15:00}. */
    TIMESTAMPS_WITHOUT_FRACTION,

    /** Timestamps carry .NET's seven fraction digits: {@code 2025-01-06T09:15:00.1230000}. */
    TIMESTAMPS_SEVEN_DIGIT_FRACTION,

    /** {@code record_count} is approximate: one less than the records that match (when any match). */
    RECORD_COUNT_APPROXIMATE,

    /** Records with {@code inactive: true} are left out of lists unless {@code includeinactive=true} is asked. */
    INACTIVE_HIDDEN,

    /**
     * {@code GET /Tickets/{id}} also answers a project or an opportunity, as all three are Halo tickets sharing one id
     * sequence.
     */
    TICKET_PATH_SERVES_PROJECTS,

    /** Adding an action stamps its ticket's {@code last_update}, so the ticket counts as changed. */
    ACTION_BUMPS_TICKET,

    /** {@code GET /Attachment/{id}} answers the file's bytes with its content type, not a JSON record. */
    ATTACHMENT_GET_ANSWERS_BYTES,

    /**
     * {@code GET /Client?domain=} is ignored: all clients are listed. Halo's description declares the parameter without
     * saying what it does; by default the sandbox takes it as a filter on the client's {@code domain} (unverified).
     */
    CLIENT_DOMAIN_IGNORED,

    /**
     * {@code lastupdatefromdate} and {@code lastupdatetodate} are ignored: a list answers every record, as Halo's
     * description reads for {@code /Client}, {@code /Site}, {@code /Users} and {@code /Asset} ("include the field in
     * the response"), where only tickets have public evidence of the filter.
     */
    UPDATED_FILTER_IGNORED,

    /** An {@code order} key other than {@code id} answers 400 (an unknown sort key), on every resource that sorts. */
    UNKNOWN_ORDER_REFUSED;

    /** What public evidence there is that a real tenant answers this way (as docs/HALO-FACTS.md gives it). */
    public String evidence() {
        return switch (this) {
            case ORDER_IGNORED -> "unverified (the description declares order/orderdesc; that Halo honours them is not shown)";
            case SLIM_LIST_ITEMS -> "unverified (list views carry fewer fields than the record)";
            case TIMESTAMPS_WITH_OFFSET, TIMESTAMPS_WITHOUT_FRACTION, TIMESTAMPS_SEVEN_DIGIT_FRACTION ->
                "unverified (peer clients read stamps without an offset, with milliseconds)";
            case RECORD_COUNT_APPROXIMATE -> "unverified";
            case INACTIVE_HIDDEN -> "unverified (the description declares includeinactive; its default is not given)";
            case TICKET_PATH_SERVES_PROJECTS -> "unverified (the description gives tickets, projects and "
                                                + "opportunities one schema, Faults)";
            case ACTION_BUMPS_TICKET -> "unverified";
            case ATTACHMENT_GET_ANSWERS_BYTES -> "peer (a client downloads attachments from it); unverified in detail";
            case CLIENT_DOMAIN_IGNORED -> "unverified (the description declares domain on GET /Client without saying "
                                          + "what it does)";
            case UPDATED_FILTER_IGNORED -> "unverified (the description reads \"include the field in the response\" "
                                           + "on /Client, /Site, /Users, /Asset; only tickets have public evidence "
                                           + "of the filter, a sync library)";
            case UNKNOWN_ORDER_REFUSED -> "unverified (the description declares order without its values; only "
                                          + "tickets' last_update key has public evidence, a sync library)";
        };
    }

    /** The fields a list item keeps under {@link #SLIM_LIST_ITEMS}. */
    public static final Set<String> LIST_VIEW_FIELDS = Set.of(
            "id", "ticket_id", "summary", "name", "client_id", "client_name", "site_id", "site_name", "user_id",
            "status_id", "tickettype_id", "filename", "invoicenumber", "title", "ref", "inactive");
}
