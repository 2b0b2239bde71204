package io.camelhalo.component.halo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.camelhalo.component.halo.api.HaloIds;
import io.camelhalo.component.halo.api.HaloOperation;
import io.camelhalo.component.halo.api.HaloResource;
import io.camelhalo.component.halo.http.HaloConnection;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.PropertiesHelper;

/**
 * The Halo component: {@code halo:<resource>/<operation>}. It keeps one {@link HaloConnection} (HTTP client and
 * token manager) per tenant and application, shared by all its endpoints.
 */
@Component("halo")
public class HaloComponent extends HealthCheckComponent {

    @Metadata(description = "The shared configuration; every option can also be set on its own")
    private HaloConfiguration configuration = new HaloConfiguration();

    private final Map<HaloConnection.Key, HaloConnection> connections = new ConcurrentHashMap<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        String[] parts = remaining.split("/", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException(
                    "Invalid Halo URI path '" + remaining + "': expected halo:<resource>/<operation>, e.g. "
                                               + "halo:tickets/create. Resources: " + HaloResource.URI_NAMES.replace(",", ", ")
                                               + ". Operations: " + HaloOperation.URI_NAMES.replace(",", ", "));
        }
        HaloResource resource = HaloResource.fromUriName(parts[0]);
        HaloOperation operation = HaloOperation.fromUriName(parts[1]);
        resource.requireSupported(operation);

        HaloConfiguration endpointConfiguration = configuration.copy();
        HaloEndpoint endpoint = new HaloEndpoint(uri, this, resource.uriName(), operation.uriName(),
                                                 endpointConfiguration);
        Map<String, Object> query = PropertiesHelper.extractProperties(parameters, "query.");
        requireWholeNumbers(parameters);
        setProperties(endpoint, parameters);
        endpoint.getProducerConfiguration().getQuery().putAll(query);
        endpoint.validate();
        return endpoint;
    }

    /**
     * Checks the raw text of the whole-number options. Camel reads a Long or int URI option through its duration
     * parser, so {@code id=abc} would silently become 0 and {@code id=5s} 5000; an id goes into a URL path.
     */
    private static void requireWholeNumbers(Map<String, Object> parameters) {
        for (String option : new String[] { "id", "ticketId" }) {
            Object raw = parameters.get(option);
            if (raw != null) {
                HaloIds.parse(raw, "option " + option);
            }
        }
        for (String option : new String[] { "pageSize", "maxResults" }) {
            Object raw = parameters.get(option);
            if (raw instanceof String text && !text.trim().matches("-?\\d{1,9}")) {
                throw new IllegalArgumentException(
                        "Invalid " + option + " '" + text + "': expected a whole number ("
                                                   + ("pageSize".equals(option) ? "1 to " + HaloConfiguration.MAX_PAGE_SIZE
                                                           : "0 for all, or more")
                                                   + ")");
            }
        }
    }

    /** The connection for a configuration, shared by every endpoint with the same tenant and application. */
    public HaloConnection connection(HaloConfiguration endpointConfiguration) {
        return connections.computeIfAbsent(HaloConnection.Key.of(endpointConfiguration),
                key -> new HaloConnection(endpointConfiguration));
    }

    @Override
    protected void doStop() throws Exception {
        connections.clear();
        super.doStop();
    }

    public HaloConfiguration getConfiguration() {
        return configuration;
    }

    /** The shared configuration; every option can also be set on its own. */
    public void setConfiguration(HaloConfiguration configuration) {
        this.configuration = configuration;
    }
}
