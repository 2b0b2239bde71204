package io.camelhalo.kamelets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.Exchange;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.CamelLogger;
import org.apache.camel.spi.LogListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Pipe {@code examples/halo-tickets-to-log.yaml} stopped, a ticket changed in Halo, the Pipe started again: the
 * change is delivered, once, although halo-source starts from "now" when it has no progress. Each run is a new Camel
 * application, as a restarted process is: only the state file carries the progress over.
 */
class HaloSourceRestartTest {

    @TempDir
    Path dir;

    private final HaloSandbox sandbox = HaloSandbox.start(0);
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private Main main;

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
        sandbox.close();
    }

    @Test
    void aChangeMadeWhileThePipeIsStoppedIsDeliveredOnceWhenItStartsAgain() throws Exception {
        Path state = dir.resolve("halo-source-tickets.state");

        // given the Pipe ran (from now: nothing to deliver) and stored its progress
        main = start(state);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(state) && Files.size(state) > 0);
        main.stop();
        main = null;
        assertTrue(logged.isEmpty(), "nothing changed while it ran: " + logged);

        // when a ticket changes while the Pipe is stopped
        String summary = "changed while stopped " + UUID.randomUUID();
        sandbox.put("tickets", Map.of("id", 3, "summary", summary));

        // then the Pipe, started again, delivers that change, and only once
        main = start(state);
        await().atMost(Duration.ofSeconds(20)).until(() -> !logged.isEmpty());
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> logged.size() == 1);
        assertTrue(logged.get(0).contains(summary), logged.get(0));
        assertTrue(logged.get(0).contains("halo-id=3"), logged.get(0));
        assertEquals(1, logged.size());
    }

    /** The Pipe as examples/ has it, on the sandbox, polling often, its progress in the given file. */
    private Main start(Path state) {
        Main app = new Main();
        app.setPropertyPlaceholderLocations("file:examples/application.properties");
        app.addInitialProperty("camel.main.routes-include-pattern", "file:examples/halo-tickets-to-log.yaml");
        app.addOverrideProperty("camel.server.enabled", "false");
        app.addOverrideProperty("camel.component.halo.base-url", sandbox.baseUrl());
        app.addOverrideProperty("camel.component.halo.client-id", sandbox.clientId());
        app.addOverrideProperty("camel.component.halo.client-secret", sandbox.clientSecret());
        app.addOverrideProperty("camel.kamelet.halo-source.delay", "200");
        app.addOverrideProperty("camel.kamelet.halo-source.stateFile", state.toString());
        app.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                configured.getCamelContext().getCamelContextExtension().addLogListener(new LogListener() {
                    @Override
                    public String onLog(Exchange exchange, CamelLogger logger, String message) {
                        logged.add(message);
                        return message;
                    }
                });
            }
        });
        app.start();
        return app;
    }
}
