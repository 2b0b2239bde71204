package io.camelhalo.component.halo;

import java.util.Map;

import org.apache.camel.spi.EndpointServiceLocation;

/**
 * Where a Halo endpoint connects, for Camel's service-location reporting: the same for the halo, halo-poll and
 * halo-webhook endpoints.
 */
public interface HaloServiceLocation extends EndpointServiceLocation {

    /** The connection options of the endpoint. */
    HaloConfiguration getConfiguration();

    @Override
    default String getServiceUrl() {
        return getConfiguration().getBaseUrl();
    }

    @Override
    default String getServiceProtocol() {
        return "rest";
    }

    @Override
    default Map<String, String> getServiceMetadata() {
        String tenant = getConfiguration().getTenant();
        return tenant != null ? Map.of("tenant", tenant) : null;
    }
}
