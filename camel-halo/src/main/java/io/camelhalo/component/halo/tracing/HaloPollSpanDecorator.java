package io.camelhalo.component.halo.tracing;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.telemetry.Span;

/**
 * Spans of halo-poll: the changed record's resource, id and event, as the consumer delivers it.
 */
public class HaloPollSpanDecorator extends AbstractHaloSpanDecorator {

    @Override
    public String getComponent() {
        return "halo-poll";
    }

    @Override
    public String getComponentClassName() {
        return "io.camelhalo.component.halo.poll.HaloPollComponent";
    }

    @Override
    public void beforeTracingEvent(Span span, Exchange exchange, Endpoint endpoint) {
        super.beforeTracingEvent(span, exchange, endpoint);
        tagChange(span, exchange);
    }
}
