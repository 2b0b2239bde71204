package io.camelhalo.component.halo.api;

/**
 * How {@code halo-poll} finds the records changed since its watermark; one cell of the resource table.
 */
public enum ChangeDetection {

    /**
     * The list takes {@code lastupdatefromdate}: ask for changes since the watermark, all pages, read newest first (a
     * record changed mid-read moves to the front and is read twice rather than skipped).
     */
    UPDATED_SINCE_FILTER,
    /**
     * No updated-since filter, but the list sorts: ask newest first ({@code order=<field>&orderdesc=true}) and stop
     * paging at the watermark (verify that Halo honours the order for each such resource).
     */
    NEWEST_FIRST,
    /** A list without paging: read it whole (one request) and keep the records changed since the watermark. */
    FULL_SCAN,
    /** The resource has no last-modified field: it cannot be polled for changes. */
    NONE
}
