package io.camelhalo.quickstart;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelhalo.sandbox.HaloSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static io.camelhalo.quickstart.QuickStartChecks.awaitPolls;
import static io.camelhalo.quickstart.QuickStartChecks.change;
import static io.camelhalo.quickstart.QuickStartChecks.notesPerTicket;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quick start on Spring Boot as it is (application.properties, the YAML route, the starter and the BOMs), in this
 * JVM, against the sandbox, stopped and started again on the same progress file: each changed ticket is noted once, a
 * change made while it was stopped included; {@code GET /actuator/health} shows Halo's connection.
 */
class SpringBootQuickStartTest {

    @TempDir
    Path dir;

    @Test
    void notesEachChangedTicketOnceAcrossARestartWithHaloInTheActuatorsHealth() throws Exception {
        try (HaloSandbox sandbox = HaloSandbox.start(0)) {
            List<Long> tickets = QuickStartChecks.ticketIds(sandbox);

            // given the quick start running against the sandbox, its first poll done
            try (ConfigurableApplicationContext first = start(sandbox)) {
                awaitPolls(sandbox, 1);
                // when a ticket changes
                change(sandbox, tickets.get(0));
                // then it gets its note
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> notesPerTicket(sandbox).getOrDefault(tickets.get(0), 0) == 1);
                // and the actuator's health shows Halo's connection, UP
                String health = get(first, "/actuator/health");
                assertTrue(health.contains("\"halo-producer-" + sandbox.clientId() + "\":\"UP\""), health);
                assertTrue(health.startsWith("{\"status\":\"UP\""), health);
            }

            // when another ticket changes while the quick start is stopped, and it is started again
            change(sandbox, tickets.get(1));
            try (ConfigurableApplicationContext second = start(sandbox)) {
                // then the change made while it was stopped is noted, and one made now too
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> notesPerTicket(sandbox).getOrDefault(tickets.get(1), 0) == 1);
                change(sandbox, tickets.get(2));
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> notesPerTicket(sandbox).getOrDefault(tickets.get(2), 0) == 1);
                awaitPolls(sandbox, 3);
            }

            // and no ticket was noted twice, none that did not change
            assertEquals(Map.of(tickets.get(0), 1, tickets.get(1), 1, tickets.get(2), 1), notesPerTicket(sandbox));
        }
    }

    /** Starts the application as the quick start does, pointed at the sandbox, polling fast, on a free port. */
    private ConfigurableApplicationContext start(HaloSandbox sandbox) {
        List<String> args = new ArrayList<>(List.of("--server.address=127.0.0.1", "--server.port=0"));
        QuickStartChecks.properties(sandbox, dir.resolve("poll-progress.dat"))
                .forEach((key, value) -> args.add("--" + key + "=" + value));
        SpringApplication app = new SpringApplication(QuickStartApplication.class);
        app.setMainApplicationClass(QuickStartApplication.class);
        return app.run(args.toArray(new String[0]));
    }

    private static String get(ConfigurableApplicationContext app, String path) throws Exception {
        String port = app.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}
