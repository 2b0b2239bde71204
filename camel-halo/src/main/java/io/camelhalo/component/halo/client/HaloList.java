package io.camelhalo.component.halo.client;

import java.time.Duration;
import java.util.Map;

import io.camelhalo.component.halo.api.HaloResource;
import io.camelhalo.component.halo.http.HaloHttpClient;
import io.camelhalo.component.halo.http.HaloReply;

/**
 * A list {@link HaloPager} reads: one of the 22 resources, or any path of Halo's description (halo-api). It says how a
 * reply holds the records and sends the request for one page.
 */
public interface HaloList {

    /** The name messages use, e.g. {@code tickets} or {@code Timesheet}. */
    String name();

    /** The path under {@code /api/}, for messages, e.g. {@code Tickets}. */
    String path();

    /** The envelope key holding the records, or {@code null}: a bare array, or an envelope's only array. */
    String listKey();

    /** Whether {@code pageinate}, {@code page_no} and {@code page_size} apply. */
    boolean paginated();

    /** Sends the GET for one page (or the whole list when not paginated). */
    HaloReply fetch(HaloHttpClient client, Map<String, Object> query, Duration timeout) throws Exception;

    /** The list of one of the 22 resources. */
    static HaloList of(HaloResource resource) {
        return new HaloList() {
            @Override
            public String name() {
                return resource.uriName();
            }

            @Override
            public String path() {
                return resource.path();
            }

            @Override
            public String listKey() {
                return resource.listKey();
            }

            @Override
            public boolean paginated() {
                return resource.paginated();
            }

            @Override
            public HaloReply fetch(HaloHttpClient client, Map<String, Object> query, Duration timeout)
                    throws Exception {
                return client.call("GET", resource, null, query, null, timeout);
            }
        };
    }
}
