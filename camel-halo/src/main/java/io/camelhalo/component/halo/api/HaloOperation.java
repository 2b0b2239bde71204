package io.camelhalo.component.halo.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The operations of the {@code halo:} producer, as written in the URI ({@code halo:tickets/create}).
 */
public enum HaloOperation {

    /** POST a new record (an array element without an id). */
    CREATE,
    /** POST changes to an existing record (an array element with its id); only the fields sent change. */
    UPDATE,
    /** GET one record by id. */
    GET,
    /** GET all records, page by page, optionally filtered by Halo's own query parameters. */
    LIST,
    /** DELETE one record by id. */
    DELETE;

    /** Every operation name, in URI form, comma separated; the same list the URI path enum declares. */
    public static final String URI_NAMES = "create,update,get,list,delete";

    private final String uriName = name().toLowerCase(Locale.ROOT);

    /** The name used in URIs and headers. */
    public String uriName() {
        return uriName;
    }

    /**
     * Looks an operation up by its URI name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the bad value and the allowed ones
     */
    public static HaloOperation fromUriName(String name) {
        if (name != null) {
            for (HaloOperation op : values()) {
                if (op.uriName().equalsIgnoreCase(name.trim())) {
                    return op;
                }
            }
        }
        throw new IllegalArgumentException(
                "Unknown Halo operation '" + name + "'."
                                           + HaloNames.didYouMean(name,
                                                   Arrays.stream(values()).map(HaloOperation::uriName).toList())
                                           + " Allowed: "
                                           + Arrays.stream(values()).map(HaloOperation::uriName)
                                                   .collect(Collectors.joining(", ")));
    }
}
