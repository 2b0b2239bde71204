package io.camelhalo.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP request the sandbox received, as the client sent it.
 *
 * @param method        the HTTP method, e.g. {@code GET}
 * @param path          the decoded path, e.g. {@code /api/Tickets/12}
 * @param query         the raw (still URL-encoded) query string, or {@code null} when there was none
 * @param headers       the request headers; names are looked up case-insensitively
 * @param body          the request body as UTF-8 text ({@code ""} when empty)
 * @param receivedNanos when it arrived, on {@link System#nanoTime()}'s clock (to count requests per window)
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
        String body, long receivedNanos) {

    /** Copies the headers into an unmodifiable, case-insensitive map. */
    public RecordedRequest {
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> h.put(k, List.copyOf(v == null ? new ArrayList<>() : v)));
        }
        headers = Collections.unmodifiableMap(h);
        body = body == null ? "" : body;
    }

    /** The query parameters, URL-decoded; the first value wins when a name repeats. */
    public Map<String, String> queryParams() {
        return Collections.unmodifiableMap(Forms.parse(query));
    }

    /** The first value of a header (case-insensitive name), or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
