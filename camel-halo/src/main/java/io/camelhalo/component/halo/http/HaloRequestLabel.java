package io.camelhalo.component.halo.http;

import java.util.Locale;

import io.camelhalo.component.halo.api.HaloResource;

/**
 * What a request is, as the connection's statistics and meters count it: the resource's URI name and the operation Halo
 * sees ({@code get}, {@code list}, {@code write}, {@code delete}, or {@code token} for the token endpoint). Made by the
 * caller, which knows both, once per resource and operation: the transport never takes a path apart per call.
 *
 * @param resource  e.g. {@code tickets}
 * @param operation e.g. {@code get}
 */
public record HaloRequestLabel(String resource, String operation) {

    /** A request to the token endpoint (or to its discovery). */
    public static final HaloRequestLabel TOKEN = new HaloRequestLabel("token", "token");

    private static final String[] OPERATIONS = { "get", "list", "write", "delete" };
    private static final HaloRequestLabel[][] TABLE = table();

    private static HaloRequestLabel[][] table() {
        HaloResource[] resources = HaloResource.values();
        HaloRequestLabel[][] table = new HaloRequestLabel[resources.length][OPERATIONS.length];
        for (HaloResource resource : resources) {
            for (int op = 0; op < OPERATIONS.length; op++) {
                table[resource.ordinal()][op] = new HaloRequestLabel(resource.uriName(), OPERATIONS[op]);
            }
        }
        return table;
    }

    /**
     * @param method    GET, POST or DELETE
     * @param oneRecord whether the request names one record (a path with an id)
     */
    public static HaloRequestLabel of(HaloResource resource, String method, boolean oneRecord) {
        int op = index(method, oneRecord);
        return op < 0
                ? new HaloRequestLabel(resource.uriName(), method.toLowerCase(Locale.ROOT))
                : TABLE[resource.ordinal()][op];
    }

    /** For a path outside the resource table, e.g. {@code Webhook/3}: its first segment in lower case. */
    public static HaloRequestLabel of(String method, String path) {
        int end = path.length();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '/' || c == '?') {
                end = i;
                break;
            }
        }
        String first = path.substring(0, end);
        boolean oneRecord = end < path.length() && path.charAt(end) == '/';
        for (HaloResource resource : HaloResource.values()) {
            if (resource.path().equalsIgnoreCase(first)) {
                return of(resource, method, oneRecord);
            }
        }
        int op = index(method, oneRecord);
        return new HaloRequestLabel(
                first.toLowerCase(Locale.ROOT),
                op < 0 ? method.toLowerCase(Locale.ROOT) : OPERATIONS[op]);
    }

    private static int index(String method, boolean oneRecord) {
        return switch (method) {
            case "GET" -> oneRecord ? 0 : 1;
            case "POST" -> 2;
            case "DELETE" -> 3;
            default -> -1;
        };
    }
}
