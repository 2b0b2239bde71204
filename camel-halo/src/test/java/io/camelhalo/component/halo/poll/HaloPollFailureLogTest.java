package io.camelhalo.component.halo.poll;

import java.util.List;

import io.camelhalo.component.halo.HaloSandboxExtension;
import io.camelhalo.component.halo.LogCapture;
import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A failing poll logs one WARN line per failure, without a stack trace (that is at DEBUG), and one INFO line when polls
 * work again; a route with its own exception handler keeps it.
 */
class HaloPollFailureLogTest {

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest().withoutContext()
            .configure(cfg -> cfg.setMaxRetries(0));

    private HaloPollConsumer pollRoute(String options) throws Exception {
        CamelContext context = halo.startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("halo-poll:tickets?startScheduler=false" + options).routeId("poll").to("log:tickets");
            }
        });
        return PollTestSupport.consumer(context, "poll", halo.sandbox());
    }

    @Test
    void oneLinePerFailedPollAndOneWhenItRecovers() throws Exception {
        HaloSandbox sandbox = halo.sandbox();
        HaloPollConsumer consumer = pollRoute("");
        try (LogCapture log = new LogCapture()) {
            // given Halo failing the next two polls
            sandbox.failNext(2, 500);

            // when the scheduler runs four polls
            consumer.run();
            consumer.run();
            consumer.run();
            consumer.run();

            // then two WARN lines, each without a stack trace, and the trace at DEBUG
            List<LogCapture.Line> warnings = log.lines(Level.WARN, "HaloPollConsumer");
            assertEquals(2, warnings.size(), String.valueOf(warnings));
            for (LogCapture.Line warning : warnings) {
                assertNull(warning.thrown(), "no stack trace at WARN: " + warning);
                assertTrue(warning.message().startsWith("halo-poll://tickets (route poll): poll failed"), warning.message());
                assertTrue(warning.message().contains("HTTP 500"), warning.message());
                assertTrue(!warning.message().contains("\n"), warning.message());
            }
            assertTrue(warnings.get(1).message().contains("(2 in a row)"), warnings.get(1).message());
            List<LogCapture.Line> traces = log.lines(Level.DEBUG, "HaloPollConsumer").stream()
                    .filter(l -> l.thrown() != null).toList();
            assertEquals(2, traces.size(), String.valueOf(traces));
            // and one INFO line when the third poll worked, none after the fourth
            List<LogCapture.Line> recovered = log.lines(Level.INFO, "HaloPollConsumer").stream()
                    .filter(l -> l.message().contains("polling works again")).toList();
            assertEquals(1, recovered.size(), String.valueOf(recovered));
            assertTrue(recovered.get(0).message().contains("after 2 failed polls"), recovered.get(0).message());
            // nothing else logged a stack trace at WARN or above
            assertTrue(log.lines(Level.WARN, "").stream().allMatch(l -> l.thrown() == null),
                    String.valueOf(log.lines(Level.WARN, "")));
            assertTrue(log.lines(Level.ERROR, "").isEmpty(), String.valueOf(log.lines(Level.ERROR, "")));
        }
    }

    @Test
    void aRoutesOwnExceptionHandlerIsKept() throws Exception {
        CamelContext probe = halo.newContext();
        probe.getRegistry().bind("mine", new org.apache.camel.spi.ExceptionHandler() {
            @Override
            public void handleException(Throwable exception) {
            }

            @Override
            public void handleException(String message, Throwable exception) {
            }

            @Override
            public void handleException(String message, org.apache.camel.Exchange exchange, Throwable exception) {
            }
        });
        probe.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("halo-poll:tickets?startScheduler=false&exceptionHandler=#mine").routeId("own").to("log:x");
            }
        });
        probe.start();

        HaloPollConsumer consumer = (HaloPollConsumer) probe.getRoute("own").getConsumer();

        assertNotNull(consumer.getExceptionHandler());
        assertTrue(!(consumer.getExceptionHandler() instanceof PollFailureLog), "the route's own handler stays");
    }
}
