package io.camelhalo.component.halo.poll;

import java.util.List;
import java.util.Map;

import io.camelhalo.component.halo.HaloComponent;
import io.camelhalo.component.halo.HaloConfiguration;
import io.camelhalo.component.halo.api.HaloIds;
import io.camelhalo.component.halo.api.HaloQuery;
import io.camelhalo.component.halo.api.HaloResource;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.PropertiesHelper;

/**
 * The halo-poll component: {@code halo-poll:<resource>}. Its connection options default to the halo component's,
 * so {@code camel.component.halo.*} configures both; it shares the halo component's connections (HTTP client and
 * token manager).
 */
@Component("halo-poll")
public class HaloPollComponent extends HealthCheckComponent {

    @Metadata(description = "The connection configuration: each option set here overrides the halo component's")
    private HaloConfiguration configuration;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        HaloResource resource = HaloResource.fromUriName(remaining);
        HaloPollEndpoint endpoint = new HaloPollEndpoint(uri, this, resource, baseConfiguration());
        Map<String, Object> query = PropertiesHelper.extractProperties(parameters, "query.");
        HaloIds.checkUriWholeNumbers(parameters, List.of("ticketId"),
                Map.of("pageSize", "1 to " + HaloQuery.MAX_PAGE_SIZE, "maxMessagesPerPoll", "0 for all, or more"));
        setProperties(endpoint, parameters);
        endpoint.getQuery().putAll(query);
        endpoint.validate();
        return endpoint;
    }

    /**
     * A copy of the halo component's configuration with every option set on this component laid over it, so a
     * partial {@code camel.component.halo-poll.*} configuration (only a client id, say) changes just those options.
     */
    private HaloConfiguration baseConfiguration() {
        HaloConfiguration halo = getCamelContext().getComponent("halo", HaloComponent.class).getConfiguration();
        return configuration == null ? halo.copy() : configuration.overriding(halo);
    }

    public HaloConfiguration getConfiguration() {
        return configuration;
    }

    /** The connection configuration: each option set here overrides the halo component's. */
    public void setConfiguration(HaloConfiguration configuration) {
        this.configuration = configuration;
    }
}
