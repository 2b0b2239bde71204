package io.camelhalo.component.halo.apipath;

import io.camelhalo.component.halo.HaloConstants;
import org.apache.camel.spi.Metadata;

/**
 * The message headers of the halo-api component: the halo component's where they mean the same, and the path
 * parameters.
 */
public final class HaloApiConstants {

    @Metadata(label = "producer",
              description = "Values of the path's parameters for this exchange, by name, e.g. `{id: 12}` for "
                            + "`Timesheet/{id}`; before the `pathParam.` options and values written in the URI path.",
              javaType = "java.util.Map<String, Object>")
    public static final String PATH_PARAMS = "CamelHaloPathParams";

    @Metadata(label = "producer", description = "In: the value of a path parameter named `id` when "
                                                + "`CamelHaloPathParams` does not give it; out: the `id` of the record "
                                                + "Halo answered (a List of ids for an array).",
              javaType = "Object")
    public static final String ID = HaloConstants.ID;

    @Metadata(label = "producer",
              description = "Halo query parameters for this exchange, added to (and overriding) the endpoint's "
                            + "`query.` options, e.g. `{agent_id: 3}`; names are checked against the path's declared "
                            + "ones before anything is sent.",
              javaType = "java.util.Map<String, Object>")
    public static final String QUERY = HaloConstants.QUERY;

    @Metadata(label = "producer", description = "The number of records a paged list returned (not set with "
                                                + "`streamList=true`).",
              javaType = "Integer")
    public static final String RECORD_COUNT = HaloConstants.RECORD_COUNT;

    @Metadata(label = "producer", description = "The HTTP status of Halo's reply, set when "
                                                + "`throwExceptionOnFailure=false`.",
              javaType = "Integer")
    public static final String HTTP_RESPONSE_CODE = HaloConstants.HTTP_RESPONSE_CODE;

    private HaloApiConstants() {
    }
}
