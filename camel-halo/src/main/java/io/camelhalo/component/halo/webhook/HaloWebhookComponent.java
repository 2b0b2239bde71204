package io.camelhalo.component.halo.webhook;

import java.util.Map;

import io.camelhalo.component.halo.HaloConsumerComponent;
import io.camelhalo.component.halo.api.HaloResource;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;

/**
 * The halo-webhook component: {@code halo-webhook:<resource>}. Its connection options (used only to register the
 * webhook and to read a record a payload lacks) are the halo component's, with each one set on this component laid over
 * them ({@link HaloConsumerComponent}), as halo-poll's are.
 */
@Component("halo-webhook")
public class HaloWebhookComponent extends HaloConsumerComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        HaloResource resource = HaloResource.fromUriName(remaining);
        HaloWebhookEndpoint endpoint = new HaloWebhookEndpoint(uri, this, resource, endpointConfiguration());
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }
}
