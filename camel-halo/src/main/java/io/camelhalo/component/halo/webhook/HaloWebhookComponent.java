package io.camelhalo.component.halo.webhook;

import java.util.Map;

import io.camelhalo.component.halo.HaloComponent;
import io.camelhalo.component.halo.HaloConfiguration;
import io.camelhalo.component.halo.api.HaloResource;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * The halo-webhook component: {@code halo-webhook:<resource>}. Its connection options (used only to register the
 * webhook and to read a record a payload lacks) default to the halo component's, as halo-poll's do.
 */
@Component("halo-webhook")
public class HaloWebhookComponent extends DefaultComponent {

    @Metadata(description = "The connection configuration: each option set here overrides the halo component's")
    private HaloConfiguration configuration;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        HaloResource resource = HaloResource.fromUriName(remaining);
        HaloConfiguration halo = getCamelContext().getComponent("halo", HaloComponent.class).getConfiguration();
        HaloWebhookEndpoint endpoint = new HaloWebhookEndpoint(uri, this, resource,
                configuration == null ? halo.copy() : configuration.overriding(halo));
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    public HaloConfiguration getConfiguration() {
        return configuration;
    }

    /** The connection configuration: each option set here overrides the halo component's. */
    public void setConfiguration(HaloConfiguration configuration) {
        this.configuration = configuration;
    }
}
