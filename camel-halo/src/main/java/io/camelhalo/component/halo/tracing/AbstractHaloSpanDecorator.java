package io.camelhalo.component.halo.tracing;

import java.util.Collection;
import java.util.stream.Collectors;

import io.camelhalo.component.halo.HaloConstants;
import org.apache.camel.Exchange;
import org.apache.camel.telemetry.Span;
import org.apache.camel.telemetry.decorators.AbstractSpanDecorator;

/**
 * What the Halo span decorators share: a tag only when its value is known, ids of a list written as one tag.
 */
abstract class AbstractHaloSpanDecorator extends AbstractSpanDecorator {

    static void tag(Span span, String tag, Object value) {
        if (value == null) {
            return;
        }
        String text = value instanceof Collection<?> values
                ? values.stream().map(String::valueOf).collect(Collectors.joining(","))
                : String.valueOf(value);
        if (!text.isEmpty()) {
            span.setTag(tag, clipMaxLength(text));
        }
    }

    /** The tags of a change halo-poll or halo-webhook delivers, from the headers both set. */
    static void tagChange(Span span, Exchange exchange) {
        tag(span, HaloSpanTags.RESOURCE, exchange.getMessage().getHeader(HaloConstants.RECORD_RESOURCE));
        tag(span, HaloSpanTags.ID, exchange.getMessage().getHeader(HaloConstants.RECORD_ID));
        tag(span, HaloSpanTags.EVENT, exchange.getMessage().getHeader(HaloConstants.EVENT_TYPE));
    }
}
