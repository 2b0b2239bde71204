package io.camelhalo.component.halo.poll;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * halo-poll's exception handler when the route sets none: a failing poll (Halo unreachable, credentials refused) logs
 * one WARN line per failure with the reason, the stack trace only at DEBUG, and one INFO line when a poll succeeds
 * again; Camel's {@code LoggingExceptionHandler} would log a full stack trace at every poll. A route's failure on one
 * change (with its exchange) still goes to Camel's handler, as before.
 */
final class PollFailureLog implements ExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(HaloPollConsumer.class);

    private final ExceptionHandler camels;
    private final String consumer;
    private final AtomicInteger failuresInARow = new AtomicInteger();

    /**
     * @param camels   Camel's handler, for failures with an exchange
     * @param consumer the consumer, for the messages (e.g. "halo-poll:tickets (route notes)")
     */
    PollFailureLog(ExceptionHandler camels, String consumer) {
        this.camels = camels;
        this.consumer = consumer;
    }

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        if (exchange != null) {
            camels.handleException(message, exchange, exception);
            return;
        }
        int failures = failuresInARow.incrementAndGet();
        LOG.warn("{}: poll failed{}: {}; trying again at the next poll (stack trace at DEBUG)", consumer,
                failures == 1 ? "" : " (" + failures + " in a row)", reason(exception));
        LOG.debug("{}: {}", consumer, message, exception);
    }

    /** A poll succeeded: says so once when polls were failing. */
    void pollSucceeded() {
        int failures = failuresInARow.getAndSet(0);
        if (failures > 0) {
            LOG.info("{}: polling works again, after {} failed poll{}", consumer, failures, failures == 1 ? "" : "s");
        }
    }

    /** The exception's message on one line, with its type when it has none. */
    private static String reason(Throwable exception) {
        if (exception == null) {
            return "unknown reason";
        }
        String text = exception.getMessage();
        if (text == null || text.isBlank()) {
            return exception.getClass().getName();
        }
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
