package io.camelhalo.component.halo.change;

import java.time.Instant;
import java.util.Map;

import io.camelhalo.component.halo.api.HaloRecordKind;
import io.camelhalo.component.halo.api.HaloTimestamps;

/**
 * One version of one record, as both change paths (halo-poll and halo-webhook) deliver it: made once per record, with
 * its key, last-modified instant and event type, and read from here by everything after.
 * <p>
 * The key is {@code <resource>/<id>@<last-modified instant>} (the id per ticket for actions: {@code <ticket>:<id>}; a
 * list path's name for one beyond the 22 resources, {@code api/SalesOrder}). The instant is normalised, so a list reply
 * and a webhook payload that write the same stamp differently give the same key, and an idempotent repository shared by
 * both paths drops a version either path delivered.
 *
 * @param resource     the record's resource (or list path)
 * @param record       the record as read from Halo (the exchange's body)
 * @param key          the version's key
 * @param lastModified when the record changed, as Halo stamped it
 * @param eventType    {@value #CREATED}, {@value #UPDATED} or {@value #DELETED}
 */
public record HaloChange(HaloRecordKind resource, Map<String, Object> record, String key, Instant lastModified,
        String eventType) {

    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String DELETED = "deleted";

    /**
     * The change a record stands for.
     *
     * @param  deliveredUpTo            the instant up to which the consumer had delivered changes before this one
     *                                  (halo-poll's watermark), or {@code null} for a change that arrives alone (a
     *                                  webhook delivery)
     * @throws IllegalArgumentException when the record has no id or no readable last-modified value (see
     *                                  {@link #isReadable})
     */
    public static HaloChange of(HaloRecordKind resource, Map<String, Object> record, Instant deliveredUpTo) {
        Instant lastModified = lastModifiedOf(resource, record);
        if (record.get(resource.idField()) == null || lastModified == null) {
            throw new IllegalArgumentException(
                    resource.uriName() + " record " + record.get(resource.idField()) + " has no '"
                                               + resource.idField() + "' or no "
                                               + "readable '" + resource.lastModifiedField() + "'");
        }
        Instant created = resource.createdField() == null
                ? null : HaloTimestamps.parse(record.get(resource.createdField()));
        return new HaloChange(
                resource, record, key(resource, record, lastModified), lastModified,
                eventType(created, lastModified, deliveredUpTo));
    }

    /**
     * The deletion of a record Halo no longer has, as a webhook announced it: keyed by the instant Halo raised the
     * event, so a re-sent announcement is the same change.
     *
     * @param record what is known of the record (at least its id)
     */
    public static HaloChange deleted(HaloRecordKind resource, Map<String, Object> record, Instant at) {
        return new HaloChange(resource, record, key(resource, record, at), at, DELETED);
    }

    /** This change with the event type its source reported (Halo's webhook event), where it reported one. */
    public HaloChange withEventType(String reported) {
        return reported == null || reported.equals(eventType)
                ? this
                : new HaloChange(resource, record, key, lastModified, reported);
    }

    /** Whether a record has what a change needs: an id and a readable last-modified value. */
    public static boolean isReadable(HaloRecordKind resource, Map<String, Object> record) {
        return record.get(resource.idField()) != null && lastModifiedOf(resource, record) != null;
    }

    /** The last-modified instant of a record, or {@code null} when it has none readable. */
    public static Instant lastModifiedOf(HaloRecordKind resource, Map<String, Object> record) {
        return resource.lastModifiedField() == null ? null : HaloTimestamps.parse(record.get(resource.lastModifiedField()));
    }

    /** The record's id as Halo gives it (a number, or a string on some tenants). */
    public Object id() {
        return record.get(resource.idField());
    }

    /**
     * The one rule for {@code CamelHaloEventType}: {@code created} when the record was created after what the consumer
     * had delivered before this change, so the route sees its creation once, whichever path brings it. A change that
     * arrives alone covers the second before it (a creation stamped within a second of the change is that change).
     */
    static String eventType(Instant created, Instant lastModified, Instant deliveredUpTo) {
        if (created == null) {
            return UPDATED;
        }
        if (deliveredUpTo != null) {
            return created.isBefore(deliveredUpTo) ? UPDATED : CREATED;
        }
        return created.isAfter(lastModified.minusSeconds(1)) ? CREATED : UPDATED;
    }

    /** The key of a record's version at a last-modified instant: what {@link #key()} is for that version. */
    static String versionKey(HaloRecordKind resource, Map<String, Object> record, Instant lastModified) {
        return key(resource, record, lastModified);
    }

    private static String key(HaloRecordKind resource, Map<String, Object> record, Instant lastModified) {
        return resource.uriName() + "/" + resource.recordId(record) + "@" + lastModified;
    }
}
