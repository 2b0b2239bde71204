package io.camelhalo.component.halo.tracing;

import io.camelhalo.component.halo.HaloConstants;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.telemetry.Span;

/**
 * Spans of halo-webhook: the changed record's resource, id and event, and the id of the Halo delivery that brought it.
 */
public class HaloWebhookSpanDecorator extends AbstractHaloSpanDecorator {

    @Override
    public String getComponent() {
        return "halo-webhook";
    }

    @Override
    public String getComponentClassName() {
        return "io.camelhalo.component.halo.webhook.HaloWebhookComponent";
    }

    @Override
    public void beforeTracingEvent(Span span, Exchange exchange, Endpoint endpoint) {
        super.beforeTracingEvent(span, exchange, endpoint);
        tagChange(span, exchange);
        tag(span, HaloSpanTags.DELIVERY_ID, exchange.getMessage().getHeader(HaloConstants.DELIVERY_ID));
    }
}
