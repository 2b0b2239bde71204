package io.camelhalo.component.halo.apipath;

import java.time.Duration;
import java.util.Map;

import io.camelhalo.component.halo.client.HaloList;
import io.camelhalo.component.halo.http.HaloHttpClient;
import io.camelhalo.component.halo.http.HaloReply;

/**
 * A list of any path of Halo's description, for the pager (halo-api's list, halo-poll:api).
 *
 * @param path      the path under {@code /api/}, its segments encoded, e.g. {@code SalesOrder}
 * @param listKey   the envelope key holding the records, or {@code null}: a bare array, or an envelope's only array
 * @param scope     the OAuth scope a 403 names
 * @param paginated whether {@code pageinate}, {@code page_no} and {@code page_size} apply
 */
public record HaloApiList(String path, String listKey, String scope, boolean paginated) implements HaloList {

    /** The list of a described GET without path parameters ({@link HaloApiPaths#listPath}). */
    public static HaloApiList of(HaloApiOperation list, String listKey) {
        return new HaloApiList(list.template().substring(1), listKey, list.scope(), list.paged());
    }

    @Override
    public String name() {
        return path;
    }

    @Override
    public HaloReply fetch(HaloHttpClient client, Map<String, Object> query, Duration timeout) throws Exception {
        return client.callAnyPath("GET", path, scope, query, null, timeout);
    }

    /** Reads one record of the list by id, when Halo's description has {@code GET /<path>/{id}}. */
    public HaloReply read(HaloHttpClient client, Object id, Duration timeout) throws Exception {
        return client.callAnyPath("GET", path + "/" + id, scope, Map.of(), null, timeout);
    }
}
