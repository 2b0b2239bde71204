package io.camelhalo.sandbox;

/**
 * A request the sandbox received that Halo's API description does not declare.
 *
 * @param method  the HTTP method
 * @param path    the request path, e.g. {@code /api/Tickets/12}
 * @param query   the raw query string, or {@code null}
 * @param problem what is outside the description, e.g. {@code query parameter 'client-id' is not declared
 *                for GET /Tickets}
 */
public record Violation(String method, String path, String query, String problem) {

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query) + ": " + problem;
    }
}
