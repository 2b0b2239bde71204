package io.camelhalo.component.halo.api;

import java.util.Map;

/**
 * A kind of Halo record whose changes the component follows: one of the 22 resources, or a list path of Halo's API
 * description (halo-poll:api). It says how a record's version is named: its id and last-modified stamp.
 */
public interface HaloRecordKind {

    /** The name in change keys, headers and messages, e.g. {@code tickets} or {@code api/SalesOrder}. */
    String uriName();

    /** The record field Halo stamps on every change, or {@code null} when there is none. */
    String lastModifiedField();

    /** The record field holding the creation date, or {@code null} when there is none. */
    String createdField();

    /** The record field holding its id. */
    default String idField() {
        return "id";
    }

    /** The record's id within this kind, as a change key names it. */
    default String recordId(Map<String, Object> record) {
        return String.valueOf(record.get(idField()));
    }
}
