package io.camelhalo.component.halo.poll;

import java.time.Duration;
import java.util.Map;

import io.camelhalo.component.halo.api.ChangeDetection;
import io.camelhalo.component.halo.api.HaloOperation;
import io.camelhalo.component.halo.api.HaloRecordKind;
import io.camelhalo.component.halo.api.HaloResource;
import io.camelhalo.component.halo.apipath.HaloApiList;
import io.camelhalo.component.halo.apipath.HaloApiOperation;
import io.camelhalo.component.halo.apipath.HaloApiPaths;
import io.camelhalo.component.halo.client.HaloList;
import io.camelhalo.component.halo.http.HaloHttpClient;
import io.camelhalo.component.halo.http.HaloReply;

/**
 * What halo-poll polls: one of the 22 resources, as the resource table says, or any list path of Halo's description
 * ({@code halo-poll:api/SalesOrder}), as the description says. {@link HaloChangeFeed} reads it through this alone.
 *
 * @param kind                 how its records' versions are named (id, last-modified field)
 * @param list                 the list the pager reads
 * @param detection            how changes are found
 * @param sorts                whether the list is asked newest first ({@code order=<field>&orderdesc=true})
 * @param hidesInactiveRecords whether the list is asked with {@code includeinactive=true}
 * @param byId                 reads one record by id (for slim list items), or {@code null} when the list has no such
 *                             read
 */
record PolledList(HaloRecordKind kind, HaloList list, ChangeDetection detection, boolean sorts,
        boolean hidesInactiveRecords,
        RecordReader byId) {

    /** Reads one record by id; {@code ticketId} is the record's ticket (actions), else {@code null}. */
    @FunctionalInterface
    interface RecordReader {
        HaloReply read(HaloHttpClient client, Object id, Object ticketId, Duration timeout) throws Exception;
    }

    /** One of the 22 resources. */
    static PolledList of(HaloResource resource) {
        return new PolledList(
                resource, HaloList.of(resource), resource.changeDetection(), resource.paginated(),
                resource.hidesInactiveRecords(),
                (client, id, ticketId, timeout) -> client.call("GET", resource, id,
                        resource.needsTicketId(HaloOperation.GET) && ticketId != null
                                ? Map.of("ticket_id", ticketId) : Map.of(),
                        null, timeout));
    }

    /**
     * A list path of Halo's description: its changes are found with {@code lastupdatefromdate} when its GET declares
     * it, else newest first when it declares {@code order}, else by reading it whole.
     *
     * @param  list                     the list's GET ({@link HaloApiPaths#listPath})
     * @param  lastModifiedField        the records' last-modified field, or {@code null} for the one the description's
     *                                  schema names
     * @param  idField                  the records' id field
     * @throws IllegalArgumentException when no last-modified field is known
     */
    static PolledList of(HaloApiOperation list, String lastModifiedField, String idField) {
        String name = "api" + list.template();
        String field = lastModifiedField != null ? lastModifiedField : list.lastModifiedField();
        if (field == null) {
            throw new IllegalArgumentException(
                    "halo-poll:" + name + " needs the last-modified field of its records: Halo's API description names "
                                               + "none for " + list.template() + " (no date-time field such as "
                                               + "last_update or last_modified in the schema its POST takes). Set "
                                               + "option lastModifiedField to the field Halo stamps on every change");
        }
        ChangeDetection detection = list.lastModifiedFilter() ? ChangeDetection.UPDATED_SINCE_FILTER
                : list.ordered() && list.paged() ? ChangeDetection.NEWEST_FIRST : ChangeDetection.FULL_SCAN;
        HaloApiList halo = HaloApiList.of(list, null);
        boolean readable = HaloApiPaths.get().all().stream()
                .anyMatch(op -> "GET".equals(op.method()) && op.oneRecord() && op.pathParameters().size() == 1
                        && op.template().equalsIgnoreCase(list.template() + "/{id}"));
        HaloRecordKind kind = new PathKind(name, field, idField);
        return new PolledList(
                kind, halo, detection, list.ordered() && list.paged(), list.query().contains("includeinactive"),
                readable ? (client, id, ticketId, timeout) -> halo.read(client, id, timeout) : null);
    }

    /** The name in change keys, headers and messages, e.g. {@code tickets} or {@code api/SalesOrder}. */
    String name() {
        return kind.uriName();
    }

    /** The path under {@code /api/}, e.g. {@code SalesOrder}. */
    String path() {
        return list.path();
    }

    String lastModifiedField() {
        return kind.lastModifiedField();
    }

    boolean paginated() {
        return list.paginated();
    }

    /** A list path's records: no creation field is known, so every change is an update. */
    private record PathKind(String uriName, String lastModifiedField, String idField) implements HaloRecordKind {
        @Override
        public String createdField() {
            return null;
        }
    }
}
