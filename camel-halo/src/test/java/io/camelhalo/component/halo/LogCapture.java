package io.camelhalo.component.halo;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures what the component logs (logger {@code io.camelhalo}, every level) while open, for tests that assert what a
 * user reads in the log.
 */
public final class LogCapture implements AutoCloseable {

    /** One captured event. */
    public record Line(Level level, String logger, String message, Throwable thrown) {
        @Override
        public String toString() {
            return level + " " + logger + " " + message + (thrown == null ? "" : " [" + thrown + "]");
        }
    }

    private final String name = "capture-" + System.nanoTime();
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final LoggerContext logContext = (LoggerContext) LogManager.getContext(false);
    private final Appender appender;

    public LogCapture() {
        appender = new AbstractAppender(name, null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                lines.add(new Line(
                        event.getLevel(), event.getLoggerName(), event.getMessage().getFormattedMessage(),
                        event.getThrown()));
            }
        };
        appender.start();
        Configuration config = logContext.getConfiguration();
        config.getLoggerConfig("io.camelhalo").addAppender(appender, Level.ALL, null);
        logContext.updateLoggers();
    }

    /** The lines captured at a level from a logger whose name ends with {@code loggerSuffix}. */
    public List<Line> lines(Level level, String loggerSuffix) {
        return lines.stream().filter(l -> l.level() == level && l.logger().endsWith(loggerSuffix))
                .collect(Collectors.toList());
    }

    /** Forgets what was captured so far. */
    public void clear() {
        lines.clear();
    }

    @Override
    public void close() {
        logContext.getConfiguration().getLoggerConfig("io.camelhalo").removeAppender(name);
        logContext.updateLoggers();
        appender.stop();
    }
}
