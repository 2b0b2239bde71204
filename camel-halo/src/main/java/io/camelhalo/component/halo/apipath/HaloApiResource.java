package io.camelhalo.component.halo.apipath;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.camelhalo.component.halo.api.HaloNames;
import io.camelhalo.component.halo.api.HaloOperation;

/**
 * The paths beyond the 22 resources that Halo integrators ask for most, named as the halo component names its resources
 * and reached with its operations: {@code halo-api:timeentries/list}, {@code halo-api:customfields/get}. Each operation
 * is a request of Halo's description: list is {@code GET /<Path>}, get {@code GET /<Path>/{id}}, create and update
 * {@code POST /<Path>} (an array), delete {@code DELETE /<Path>/{id}}; a resource has the operations whose request the
 * description declares.
 */
public enum HaloApiResource {

    // uri name, collection path (null: none), one record's path
    /** Agents' timesheets (one per agent and day). */
    TIMESHEETS("timesheets", "/Timesheet", "/Timesheet/{id}"),
    /** Time entries: the events on a timesheet, with start, end and time taken. */
    TIME_ENTRIES("timeentries", "/TimesheetEvent", "/TimesheetEvent/{id}"),
    /** Field definitions, custom fields among them (schema FieldInfo, flag custom). */
    CUSTOM_FIELDS("customfields", "/FieldInfo", "/FieldInfo/{id}"),
    /** A published report's data, by its published id: one request instead of paging. */
    REPORT_DATA("reportdata", null, "/ReportData/{publishedid}");

    /** Every name, in URI form, comma separated. */
    public static final String URI_NAMES = "timesheets,timeentries,customfields,reportdata";

    private final String uriName;
    private final String collection;
    private final String item;

    HaloApiResource(String uriName, String collection, String item) {
        this.uriName = uriName;
        this.collection = collection;
        this.item = item;
    }

    public String uriName() {
        return uriName;
    }

    /** The method and path template of an operation, or empty when Halo's description has no such request. */
    public Optional<String[]> request(HaloOperation operation) {
        String[] request = switch (operation) {
            case LIST -> collection == null ? null : new String[] { "GET", collection };
            case GET -> new String[] { "GET", item };
            case CREATE, UPDATE -> collection == null ? null : new String[] { "POST", collection };
            case DELETE -> new String[] { "DELETE", item };
        };
        if (request == null) {
            return Optional.empty();
        }
        boolean declared = HaloApiPaths.get().all().stream()
                .anyMatch(op -> op.method().equals(request[0]) && op.template().equals(request[1]));
        return declared ? Optional.of(request) : Optional.empty();
    }

    /** The operations Halo's description has for this resource. */
    public List<HaloOperation> operations() {
        List<HaloOperation> all = new ArrayList<>();
        for (HaloOperation op : HaloOperation.values()) {
            if (request(op).isPresent()) {
                all.add(op);
            }
        }
        return all;
    }

    /**
     * A path {@code <resource>/<operation>} as a route writes it, or empty when the path does not start with one of
     * these names (then it is a path of Halo's description).
     *
     * @throws IllegalArgumentException for an operation the resource does not have
     */
    static Optional<Named> parse(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        int slash = p.indexOf('/');
        if (slash < 0 || p.indexOf('/', slash + 1) >= 0) {
            return Optional.empty();
        }
        String name = p.substring(0, slash).toLowerCase(Locale.ROOT);
        for (HaloApiResource r : values()) {
            if (r.uriName.equals(name)) {
                String opName = p.substring(slash + 1);
                List<String> allowed = r.operations().stream().map(HaloOperation::uriName).toList();
                HaloOperation op = null;
                for (HaloOperation candidate : r.operations()) {
                    if (candidate.uriName().equalsIgnoreCase(opName)) {
                        op = candidate;
                    }
                }
                if (op == null) {
                    throw new IllegalArgumentException(
                            "halo-api:" + r.uriName + " has no operation '" + opName + "'."
                                                       + HaloNames.didYouMean(opName, allowed) + " Its operations: "
                                                       + String.join(", ", allowed));
                }
                String[] request = r.request(op).orElseThrow();
                return Optional.of(new Named(r, op, request[0], request[1]));
            }
        }
        return Optional.empty();
    }

    /** A resource and operation, and the request of Halo's description they stand for. */
    record Named(HaloApiResource resource, HaloOperation operation, String method, String template) {
    }
}
