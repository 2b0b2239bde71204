package io.camelhalo.component.halo.tracing;

import io.camelhalo.component.halo.apipath.HaloApiEndpoint;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.telemetry.Span;

/**
 * Spans of the halo-api producer: the description's path and the HTTP method before the call, the record id and Halo's
 * HTTP status after it, also when Halo answered an error.
 */
public class HaloApiSpanDecorator extends AbstractHaloSpanDecorator {

    @Override
    public String getComponent() {
        return "halo-api";
    }

    @Override
    public String getComponentClassName() {
        return "io.camelhalo.component.halo.apipath.HaloApiComponent";
    }

    @Override
    public void beforeTracingEvent(Span span, Exchange exchange, Endpoint endpoint) {
        super.beforeTracingEvent(span, exchange, endpoint);
        if (endpoint instanceof HaloApiEndpoint api) {
            tag(span, HaloSpanTags.PATH, api.describedPath());
            tag(span, HaloSpanTags.OPERATION, api.httpMethod());
        }
    }

    @Override
    public void afterTracingEvent(Span span, Exchange exchange) {
        super.afterTracingEvent(span, exchange);
        tagOutcome(span, exchange);
    }
}
