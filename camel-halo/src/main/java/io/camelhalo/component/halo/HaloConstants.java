package io.camelhalo.component.halo;

import org.apache.camel.Exchange;
import org.apache.camel.spi.Metadata;

/**
 * The message headers of the Halo component.
 */
public final class HaloConstants {

    @Metadata(label = "producer", description = "The Halo resource for this exchange, overriding the one in the URI, "
                                                + "e.g. `tickets`. Only a route sets it: halo-poll and halo-webhook "
                                                + "report the resource of a changed record in "
                                                + "`CamelHaloRecordResource`, so a record received from one "
                                                + "resource never redirects a write to another.",
              javaType = "String")
    public static final String RESOURCE = "CamelHaloResource";

    @Metadata(label = "producer",
              description = "The operation for this exchange, overriding the one in the URI: `create`, `update`, "
                            + "`get`, `list` or `delete`.",
              javaType = "String")
    public static final String OPERATION = "CamelHaloOperation";

    @Metadata(label = "producer", description = "The record id. In: the record to get, update or delete (before "
                                                + "the `id` option); out: the id of the record created, updated or "
                                                + "read (a List of ids when a List was written). A positive whole number; for `priorities`, "
                                                + "whose id is a string in Halo's API, also letters, digits and hyphens "
                                                + "(then a String).",
              javaType = "Long")
    public static final String ID = "CamelHaloId";

    @Metadata(label = "producer",
              description = "The ticket id an action belongs to: Halo action ids are unique only within a ticket, so "
                            + "get, list and delete of `actions` (and list of `attachments`) need it.",
              javaType = "Long")
    public static final String TICKET_ID = "CamelHaloTicketId";

    @Metadata(label = "producer", description = "The file name of an attachment: in, for `attachments/create` with a "
                                                + "`byte[]`, `File` or `InputStream` body; out, from `attachments/get`, "
                                                + "whose body is the file's bytes (the base name Halo's "
                                                + "Content-Disposition gives, without any path or control character).",
              javaType = "String")
    public static final String FILE_NAME = "CamelHaloFileName";

    @Metadata(label = "producer",
              description = "Halo query parameters for this exchange, added to (and overriding) the endpoint's "
                            + "`query.` options, e.g. `{client_id: 12, open_only: true}`.",
              javaType = "java.util.Map<String, Object>")
    public static final String QUERY = "CamelHaloQuery";

    @Metadata(label = "producer", description = "Out, on create with `matchExisting`: `true` when the record was "
                                                + "created, `false` when an existing record was found and returned "
                                                + "instead (a List of these when a List was written).",
              javaType = "Boolean")
    public static final String CREATED = "CamelHaloCreated";

    @Metadata(label = "producer", description = "The number of records a `list` returned (not set with `streamList=true`).",
              javaType = "Integer")
    public static final String RECORD_COUNT = "CamelHaloRecordCount";

    @Metadata(label = "producer", description = "The HTTP status Halo answered; set when `throwExceptionOnFailure=false`.",
              javaType = "Integer")
    public static final String HTTP_RESPONSE_CODE = Exchange.HTTP_RESPONSE_CODE;

    @Metadata(label = "consumer",
              description = "The resource of the changed record, e.g. `invoices` (`api/SalesOrder` for halo-poll:api). A report, "
                            + "never read by the producer.",
              javaType = "String")
    public static final String RECORD_RESOURCE = "CamelHaloRecordResource";

    @Metadata(label = "consumer", description = "The id of the changed record. A report, never read by the producer: "
                                                + "to read the full record, copy it to `CamelHaloId` "
                                                + "(`setHeader(CamelHaloId, header(CamelHaloRecordId))`).",
              javaType = "Long")
    public static final String RECORD_ID = "CamelHaloRecordId";

    @Metadata(label = "consumer", description = "`created`, `updated` or `deleted`. halo-webhook: as Halo's event "
                                                + "says (`deleted` also for a record Halo no longer has); without an "
                                                + "event, and for halo-poll: `created` when the record was created "
                                                + "after the changes the consumer had delivered before (halo-poll: "
                                                + "its watermark; halo-webhook: the second before the change), else "
                                                + "`updated`.",
              javaType = "String")
    public static final String EVENT_TYPE = "CamelHaloEventType";

    @Metadata(label = "consumer", description = "The record's last-modified time, as Halo stamped it (read as UTC).",
              javaType = "java.time.Instant")
    public static final String LAST_MODIFIED = "CamelHaloLastModified";

    @Metadata(label = "consumer", description = "`true` when this version of the record is the one a write by this "
                                                + "same route produced (its own note or update); set only with "
                                                + "`skipOwnWrites=false`, as such versions are skipped by default.",
              javaType = "Boolean")
    public static final String OWN_WRITE = "CamelHaloOwnWrite";

    @Metadata(label = "consumer", description = "halo-webhook: Halo's event text for the change, as the delivery "
                                                + "names it (e.g. New Ticket Logged); not set when the payload has "
                                                + "none.",
              javaType = "String")
    public static final String WEBHOOK_EVENT = "CamelHaloWebhookEvent";

    @Metadata(label = "consumer", description = "halo-webhook: the id of the Halo webhook that sent the delivery.",
              javaType = "String")
    public static final String WEBHOOK_ID = "CamelHaloWebhookId";

    @Metadata(label = "consumer", description = "halo-webhook: the delivery's own id (Halo's GUID for it, as its "
                                                + "delivery log shows it); never a record id.",
              javaType = "String")
    public static final String DELIVERY_ID = "CamelHaloDeliveryId";

    private HaloConstants() {
    }
}
