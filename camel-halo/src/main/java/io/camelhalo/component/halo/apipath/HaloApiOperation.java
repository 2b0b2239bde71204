package io.camelhalo.component.halo.apipath;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.camelhalo.component.halo.api.HaloResource;

/**
 * One operation of Halo's API description: a method on a path template, with its path parameters (name to declared
 * type), its query parameter names (matched without regard to case, as Halo binds them) and the shape of its request
 * body.
 *
 * @param method            GET, POST or DELETE
 * @param template          e.g. {@code /Timesheet/{id}}
 * @param body              what the request body is declared as
 * @param pathParameters    path parameter name to its declared type ({@code integer} or {@code string}), in path order
 * @param query             the declared query parameter names
 * @param lastModifiedField for a list (a GET without path parameters), the last-modified field of the schema its path's
 *                          POST takes, else {@code null}
 */
public record HaloApiOperation(String method, String template, Body body, Map<String, String> pathParameters,
        Set<String> query, String lastModifiedField) {

    /**
     * The names Halo gives a record's change stamp, as the 22 resources and the description's schemas show them:
     * {@code last_update}, {@code last_updated}, {@code last_modified}, {@code lastmodified}, {@code last_update_time},
     * with a one-letter table prefix ({@code alastupdate}, {@code ulastupdate}), or {@code date_updated}. Not the sync,
     * login or creation stamps ({@code last_synced}, {@code lastcreated}).
     */
    public static final Pattern LAST_MODIFIED_NAMES
            = Pattern.compile("[a-z]?last_?(update|updated|modified|update_time)|date_updated");

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

    /** Whether this is a list: a GET of a path without path parameters. */
    public boolean list() {
        return "GET".equals(method) && pathParameters.isEmpty() && !template.contains("{");
    }

    /** Whether the list sorts by a field ({@code order}, {@code orderdesc}). */
    public boolean ordered() {
        return "GET".equals(method) && query.contains("order") && query.contains("orderdesc");
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

    /** The scope a 403 names: the resource table's for the 22 resources' paths, else Halo's area pattern. */
    public String scope() {
        boolean write = !"GET".equals(method);
        for (HaloResource resource : HaloResource.values()) {
            if (resource.path().equalsIgnoreCase(area())) {
                return resource.scope(write);
            }
        }
        return (write ? "edit" : "read") + ":<area of /" + area() + "> (or admin)";
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}
