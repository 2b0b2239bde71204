package io.camelhalo.component.halo.poll;

import java.util.List;
import java.util.Map;

import io.camelhalo.component.halo.HaloConsumerComponent;
import io.camelhalo.component.halo.api.HaloIds;
import io.camelhalo.component.halo.api.HaloQuery;
import io.camelhalo.component.halo.api.HaloResource;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.util.PropertiesHelper;

/**
 * The halo-poll component: {@code halo-poll:<resource>}. Its connection options are the halo component's, with each one
 * set on this component laid over them ({@link HaloConsumerComponent}).
 */
@Component("halo-poll")
public class HaloPollComponent extends HaloConsumerComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        HaloResource resource = HaloResource.fromUriName(remaining);
        HaloPollEndpoint endpoint = new HaloPollEndpoint(uri, this, resource, endpointConfiguration());
        Map<String, Object> query = PropertiesHelper.extractProperties(parameters, "query.");
        HaloIds.checkUriWholeNumbers(parameters, List.of("ticketId"),
                Map.of("pageSize", "1 to " + HaloQuery.MAX_PAGE_SIZE, "maxMessagesPerPoll", "0 for all, or more",
                        "sweepSize", "1 to " + HaloPollEndpoint.MAX_SWEEP_SIZE));
        setProperties(endpoint, parameters);
        endpoint.getQuery().putAll(query);
        endpoint.validate();
        return endpoint;
    }
}
