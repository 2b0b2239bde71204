package io.camelhalo.kamelets;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.main.KameletMain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quick start of the README (its {@code application.properties} and its YAML route, read from README.md) run as
 * {@code camel run tickets.yaml application.properties --dep io.camelhalo:camel-halo:<version>} runs it: by
 * camel-jbang's {@link KameletMain}, camel-halo from this build's classpath, against the sandbox on loopback. With the
 * management server on (what {@code camel run --console} turns on), the halo dev console answers at /q/dev/halo.
 */
class ReadmeQuickStartTest {

    private static final Pattern QUICK_START = Pattern.compile("(?s)\n## Quick start\n(.*?)\n## ");

    @TempDir
    Path dir;

    private final HaloSandbox sandbox = HaloSandbox.start(0);
    private KameletMain main;

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
        sandbox.close();
    }

    @Test
    void theQuickStartRouteWritesANoteOnEveryTicketAndTheDevConsoleShowsIt() throws Exception {
        String quickStart = quickStart();
        Path route = dir.resolve("tickets.yaml");
        Files.writeString(route, block(quickStart, "yaml"));
        Properties properties = new Properties();
        properties.load(new StringReader(block(quickStart, "properties")));
        int tickets = sandbox.count("tickets");
        int management = KameletMains.freePort();

        // when the README's route runs with the README's properties, on the sandbox, the management server on
        main = new KameletMain("camel.jbang");
        main.setDownload(false);
        properties.forEach((k, v) -> main.addInitialProperty((String) k, (String) v));
        main.addOverrideProperty("camel.main.routes-include-pattern", "file:" + route);
        KameletMains.connect(main, sandbox);
        main.addOverrideProperty("camel.management.enabled", "true");
        main.addOverrideProperty("camel.management.host", "127.0.0.1");
        main.addOverrideProperty("camel.management.port", String.valueOf(management));
        main.addOverrideProperty("camel.management.devConsoleEnabled", "true");
        main.addOverrideProperty("camel.main.devConsoleEnabled", "true");
        main.start();

        // then every ticket gets the note
        await().atMost(Duration.ofSeconds(30)).until(() -> notes() >= tickets);
        assertEquals(tickets, notes(), "one note per ticket");

        // and the halo dev console names the poll and what it delivered
        HttpResponse<String> console = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + management + "/q/dev/halo")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, console.statusCode(), console.body());
        assertTrue(console.body().contains("(halo-poll:tickets)") && console.body().contains("Delivered: " + tickets),
                console.body());
    }

    private long notes() {
        return sandbox.records("actions").stream().filter(a -> "Seen by camel-halo".equals(a.get("note"))).count();
    }

    /** The README's Quick start section. */
    private static String quickStart() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher m = QUICK_START.matcher(readme);
        assertTrue(m.find(), "README.md has a '## Quick start' section");
        return m.group(1);
    }

    /** The first fenced block of that language in the text, its indentation removed. */
    private static String block(String text, String language) {
        Matcher m = Pattern.compile("(?s)\n( *)```" + language + "\n(.*?)\n *```").matcher(text);
        assertTrue(m.find(), "the Quick start has a ```" + language + " block");
        String indent = m.group(1);
        StringBuilder out = new StringBuilder();
        for (String line : m.group(2).split("\n")) {
            out.append(line.startsWith(indent) ? line.substring(indent.length()) : line.strip()).append('\n');
        }
        return out.toString();
    }
}
