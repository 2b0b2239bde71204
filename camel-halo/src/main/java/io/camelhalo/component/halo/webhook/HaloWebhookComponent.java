package io.camelhalo.component.halo.webhook;

import java.util.Map;

import io.camelhalo.component.halo.HaloConsumerComponent;
import io.camelhalo.component.halo.api.HaloResource;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/**
 * The halo-webhook component: {@code halo-webhook:<resource>}. Its connection options (used only to register the
 * webhook and to read a record a payload lacks) are the halo component's, with each one set on this component laid over
 * them ({@link HaloConsumerComponent}), as halo-poll's are.
 */
@Component("halo-webhook")
public class HaloWebhookComponent extends HaloConsumerComponent {

    @Metadata(label = "consumer")
    private IdempotentRepository idempotentRepository;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        HaloResource resource = HaloResource.fromUriName(remaining);
        HaloWebhookEndpoint endpoint = new HaloWebhookEndpoint(uri, this, resource, endpointConfiguration());
        endpoint.setIdempotentRepository(idempotentRepository); // the component's default; the URI's overrides it
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    /**
     * The default idempotent repository of every halo-webhook endpoint that sets none: the change versions delivered,
     * so a re-sent delivery is dropped. Default: one in memory per endpoint (10000 versions). Use a persistent one
     * (FileIdempotentRepository, JdbcMessageIdRepository) to survive restarts, shared with halo-poll routes.
     */
    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }
}
