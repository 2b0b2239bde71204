package io.camelhalo.component.halo.tracing;

import io.camelhalo.component.halo.HaloConstants;
import io.camelhalo.component.halo.HaloEndpoint;
import io.camelhalo.component.halo.api.HaloOperation;
import io.camelhalo.component.halo.api.HaloResource;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.telemetry.Span;

/**
 * Spans of the halo producer: the resource and operation before the call (the exchange's overrides first, as the
 * producer reads them), the record id and Halo's HTTP status after it, also when Halo answered an error.
 */
public class HaloSpanDecorator extends AbstractHaloSpanDecorator {

    @Override
    public String getComponent() {
        return "halo";
    }

    @Override
    public String getComponentClassName() {
        return "io.camelhalo.component.halo.HaloComponent";
    }

    @Override
    public void beforeTracingEvent(Span span, Exchange exchange, Endpoint endpoint) {
        super.beforeTracingEvent(span, exchange, endpoint);
        Object resource = exchange.getMessage().getHeader(HaloConstants.RESOURCE);
        Object operation = exchange.getMessage().getHeader(HaloConstants.OPERATION);
        if (endpoint instanceof HaloEndpoint halo) {
            resource = resource != null ? resource : uriName(halo.getResource());
            operation = operation != null ? operation : uriName(halo.getOperation());
        }
        tag(span, HaloSpanTags.RESOURCE, resource);
        tag(span, HaloSpanTags.OPERATION, operation);
    }

    @Override
    public void afterTracingEvent(Span span, Exchange exchange) {
        super.afterTracingEvent(span, exchange);
        tagOutcome(span, exchange);
    }

    private static String uriName(Object value) {
        if (value instanceof HaloResource resource) {
            return resource.uriName();
        }
        if (value instanceof HaloOperation operation) {
            return operation.uriName();
        }
        return null;
    }
}
