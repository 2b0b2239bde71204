package io.camelhalo.component.halo.tracing;

/**
 * The span tags the Halo span decorators set, named in the style of Camel's own decorators
 * ({@code <component>.<what>}), and the exchange property the producer leaves Halo's status in for them. No telemetry
 * type here: the producer reads this class whether or not camel-telemetry is on the classpath.
 */
public final class HaloSpanTags {

    /**
     * The Halo resource, e.g. {@code tickets}: the endpoint's or the exchange's override (producer), the changed
     * record's (consumers).
     */
    public static final String RESOURCE = "halo.resource";
    /**
     * halo: the operation, {@code create}, {@code update}, {@code get}, {@code list} or {@code delete}; halo-api: the
     * HTTP method, {@code GET}, {@code POST} or {@code DELETE}.
     */
    public static final String OPERATION = "halo.operation";
    /**
     * The record id: the one read, written or deleted (producer; comma-separated for a list written), the changed one
     * (consumers).
     */
    public static final String ID = "halo.id";
    /**
     * halo and halo-api: the HTTP status Halo answered a get, create, update or delete (halo-api: any call but a paged
     * list), and any call Halo refused (a list reads many pages, so a list that succeeds has none).
     */
    public static final String STATUS = "halo.status";
    /**
     * halo-api: the path of Halo's API description called, e.g. {@code /Timesheet/{id}} (the description's template, so
     * one value per endpoint whatever its path parameters).
     */
    public static final String PATH = "halo.path";
    /** halo-poll and halo-webhook: {@code created}, {@code updated} or {@code deleted}. */
    public static final String EVENT = "halo.event";

    /** halo-webhook: the Halo delivery's own id (its GUID in Halo's delivery log). */
    public static final String DELIVERY_ID = "halo.delivery.id";

    /** The exchange property the producer sets to Halo's HTTP status of its last call (an Integer). */
    public static final String STATUS_PROPERTY = "CamelHaloHttpStatus";

    private HaloSpanTags() {
    }
}
