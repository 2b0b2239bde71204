package io.camelhalo.component.halo;

import org.apache.camel.Exchange;
import org.apache.camel.spi.Metadata;

/**
 * The message headers of the Halo component.
 */
public final class HaloConstants {

    @Metadata(description = "The Halo resource for this exchange, overriding the one in the URI, e.g. `tickets`.",
              javaType = "String")
    public static final String RESOURCE = "CamelHaloResource";

    @Metadata(description = "The operation for this exchange, overriding the one in the URI: `create`, `update`, "
                            + "`get`, `list` or `delete`.",
              javaType = "String")
    public static final String OPERATION = "CamelHaloOperation";

    @Metadata(description = "The record id. In: the record to get, update or delete (before the `id` option). "
                            + "Out: the id of the record created, updated or read (a List of ids when a List was "
                            + "written).",
              javaType = "Long")
    public static final String ID = "CamelHaloId";

    @Metadata(description = "The ticket id an action belongs to: Halo action ids are unique only within a ticket, so "
                            + "get, list and delete of `actions` (and list of `attachments`) need it.",
              javaType = "Long")
    public static final String TICKET_ID = "CamelHaloTicketId";

    @Metadata(description = "Halo query parameters for this exchange, added to (and overriding) the endpoint's "
                            + "`query.` options, e.g. `{client_id: 12, open_only: true}`.",
              javaType = "java.util.Map<String, Object>")
    public static final String QUERY = "CamelHaloQuery";

    @Metadata(description = "The number of records a `list` returned.", javaType = "Integer")
    public static final String RECORD_COUNT = "CamelHaloRecordCount";

    @Metadata(description = "The HTTP status Halo answered; set when `throwExceptionOnFailure=false`.",
              javaType = "Integer")
    public static final String HTTP_RESPONSE_CODE = Exchange.HTTP_RESPONSE_CODE;

    private HaloConstants() {
    }
}
