package io.camelhalo.component.halo.poll;

import java.util.List;
import java.util.Map;

import io.camelhalo.component.halo.HaloConsumerComponent;
import io.camelhalo.component.halo.api.HaloIds;
import io.camelhalo.component.halo.api.HaloQuery;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.util.PropertiesHelper;

/**
 * The halo-poll component: {@code halo-poll:<resource>}, or {@code halo-poll:api/<path>} for any list of Halo's API.
 * Its connection options are the halo component's, with each one set on this component laid over them
 * ({@link HaloConsumerComponent}).
 */
@Component("halo-poll")
public class HaloPollComponent extends HaloConsumerComponent {

    @Metadata(label = "consumer")
    private StateRepository<String, String> stateRepository;
    @Metadata(label = "consumer")
    private IdempotentRepository idempotentRepository;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        // halo-poll:api/SalesOrder is halo-poll:api?path=SalesOrder
        String prefix = HaloPollEndpoint.ANY_LIST + "/";
        boolean anyList = remaining.regionMatches(true, 0, prefix, 0, prefix.length());
        HaloPollEndpoint endpoint = new HaloPollEndpoint(
                uri, this, anyList ? HaloPollEndpoint.ANY_LIST : remaining, endpointConfiguration());
        Map<String, Object> query = PropertiesHelper.extractProperties(parameters, "query.");
        HaloIds.checkUriWholeNumbers(parameters, List.of("ticketId"),
                Map.of("pageSize", "1 to " + HaloQuery.MAX_PAGE_SIZE, "maxMessagesPerPoll", "0 for all, or more",
                        "sweepSize", "1 to " + HaloPollEndpoint.MAX_SWEEP_SIZE));
        // the component's defaults first: an endpoint option of the same name overrides them
        endpoint.setStateRepository(stateRepository);
        endpoint.setIdempotentRepository(idempotentRepository);
        setProperties(endpoint, parameters);
        if (anyList) {
            if (endpoint.getPath() != null) {
                throw new IllegalArgumentException(
                        "halo-poll:" + remaining + " names its list twice (option path=" + endpoint.getPath()
                                                   + "): write halo-poll:" + remaining + " or halo-poll:api?path=...");
            }
            endpoint.setPath(remaining.substring(prefix.length()));
        }
        endpoint.getQuery().putAll(query);
        endpoint.validate();
        return endpoint;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    /**
     * The default state repository of every halo-poll endpoint that sets none: where progress is kept, keyed by
     * connection, resource, filters and route id (so one repository serves all routes). E.g. a FileStateRepository to
     * survive restarts, or a shared JdbcStateRepository for a cluster. Default: in memory.
     */
    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    /**
     * The default idempotent repository of every halo-poll endpoint that sets none: the change versions delivered,
     * shared with halo-webhook routes so a change fires once whichever path saw it first. Default: none.
     */
    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }
}
