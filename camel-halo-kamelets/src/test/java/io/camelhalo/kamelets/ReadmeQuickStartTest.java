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
import java.util.Map;
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
    void theQuickStartRouteNotesAChangedTicketOnceAndTheDevConsoleShowsIt() throws Exception {
        String quickStart = quickStart();
        Path route = dir.resolve("tickets.yaml");
        Files.writeString(route, block(quickStart, "yaml"));
        Properties properties = new Properties();
        properties.load(new StringReader(block(quickStart, "properties")));
        int management = KameletMains.freePort();

        // when the README's route runs with the README's properties, on the sandbox, the management server on (its
        // progress file in a temporary folder, its poll delay short)
        main = new KameletMain("camel.jbang");
        main.setDownload(false);
        properties.forEach((k, v) -> main.addInitialProperty((String) k, (String) v));
        main.addOverrideProperty("camel.main.routes-include-pattern", "file:" + route);
        main.addOverrideProperty("quickstart.progress-file", dir.resolve("progress.dat").toString());
        main.addOverrideProperty("quickstart.poll-delay", "300");
        KameletMains.connect(main, sandbox);
        main.addOverrideProperty("camel.management.enabled", "true");
        main.addOverrideProperty("camel.management.host", "127.0.0.1");
        main.addOverrideProperty("camel.management.port", String.valueOf(management));
        main.addOverrideProperty("camel.management.devConsoleEnabled", "true");
        main.addOverrideProperty("camel.main.devConsoleEnabled", "true");
        main.start();

        // then it starts from now: a ticket changed after the start gets the note, once; none before it
        long ticket = ((Number) sandbox.records("tickets").get(0).get("id")).longValue();
        await().atMost(Duration.ofSeconds(30)).until(() -> consolePolled(management));
        sandbox.put("tickets", Map.of("id", ticket, "details", "changed by the test"));
        await().atMost(Duration.ofSeconds(30)).until(() -> notes() >= 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> notes() == 1);
        assertEquals(1, notesOn(ticket), "one note, on the changed ticket");

        // and the halo dev console names the poll and what it delivered
        HttpResponse<String> console = console(management);
        assertEquals(200, console.statusCode(), console.body());
        assertTrue(console.body().contains("(halo-poll:tickets)") && console.body().contains("Delivered: 1"),
                console.body());
    }

    /** Whether the dev console answers and the poll has run once (the route's "now" is set). */
    private static boolean consolePolled(int management) {
        try {
            HttpResponse<String> console = console(management);
            return console.statusCode() == 200 && console.body().contains("(halo-poll:tickets)")
                    && !console.body().contains("not polled yet");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static HttpResponse<String> console(int management) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + management + "/q/dev/halo")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private long notes() {
        return sandbox.records("actions").stream().filter(a -> "Seen by camel-halo".equals(a.get("note"))).count();
    }

    private long notesOn(long ticket) {
        return sandbox.records("actions").stream()
                .filter(a -> "Seen by camel-halo".equals(a.get("note")))
                .filter(a -> ((Number) a.get("ticket_id")).longValue() == ticket).count();
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
