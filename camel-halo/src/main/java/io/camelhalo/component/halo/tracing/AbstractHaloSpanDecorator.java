package io.camelhalo.component.halo.tracing;

import java.util.Collection;
import java.util.stream.Collectors;

import io.camelhalo.component.halo.HaloConstants;
import io.camelhalo.component.halo.error.HaloApiException;
import org.apache.camel.Exchange;
import org.apache.camel.telemetry.Span;
import org.apache.camel.telemetry.decorators.AbstractSpanDecorator;
import org.apache.camel.util.ObjectHelper;

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

    /**
     * The tags of a producer's call once it is done: the record id, and Halo's HTTP status, the one of the error when
     * Halo answered one, else the one the producer left in {@link HaloSpanTags#STATUS_PROPERTY} (none for a list).
     */
    static void tagOutcome(Span span, Exchange exchange) {
        tag(span, HaloSpanTags.ID, exchange.getMessage().getHeader(HaloConstants.ID));
        HaloApiException failure = ObjectHelper.getException(HaloApiException.class, exchange.getException());
        tag(span, HaloSpanTags.STATUS, failure != null && failure.getStatusCode() > 0
                ? failure.getStatusCode() : exchange.getProperty(HaloSpanTags.STATUS_PROPERTY));
    }

    /** The tags of a change halo-poll or halo-webhook delivers, from the headers both set. */
    static void tagChange(Span span, Exchange exchange) {
        tag(span, HaloSpanTags.RESOURCE, exchange.getMessage().getHeader(HaloConstants.RECORD_RESOURCE));
        tag(span, HaloSpanTags.ID, exchange.getMessage().getHeader(HaloConstants.RECORD_ID));
        tag(span, HaloSpanTags.EVENT, exchange.getMessage().getHeader(HaloConstants.EVENT_TYPE));
    }
}
