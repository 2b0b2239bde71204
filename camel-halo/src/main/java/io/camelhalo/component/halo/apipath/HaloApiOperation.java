package io.camelhalo.component.halo.apipath;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One operation of Halo's API description: a method on a path template, with its path parameters (name to declared
 * type), its query parameter names (matched without regard to case, as Halo binds them) and the shape of its request
 * body.
 *
 * @param method         GET, POST or DELETE
 * @param template       e.g. {@code /Timesheet/{id}}
 * @param body           what the request body is declared as
 * @param pathParameters path parameter name to its declared type ({@code integer} or {@code string}), in path order
 * @param query          the declared query parameter names
 */
public record HaloApiOperation(String method, String template, Body body, Map<String, String> pathParameters,
        Set<String> query) {

    /** The declared shape of a request body. */
    public enum Body {
        /** No body. */
        NONE,
        /** A JSON array of records: a single record is sent as an array of one. */
        ARRAY,
        /** A JSON object. */
        OBJECT
    }

    /** Whether the path's list pages: its GET declares both {@code page_no} and {@code page_size}. */
    public boolean paged() {
        return "GET".equals(method) && query.contains("page_no") && query.contains("page_size");
    }

    /** Whether the list can be asked for the records changed since a time ({@code lastupdatefromdate}). */
    public boolean lastModifiedFilter() {
        return "GET".equals(method) && query.contains("lastupdatefromdate");
    }

    /** Whether the template ends in a path parameter: the operation names one record. */
    public boolean oneRecord() {
        return template.endsWith("}");
    }

    /** The first path segment, lower case, e.g. {@code timesheet}. */
    public String area() {
        int end = template.indexOf('/', 1);
        return (end < 0 ? template.substring(1) : template.substring(1, end)).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}
