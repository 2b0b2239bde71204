package io.camelhalo.quickstart;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.camelhalo.sandbox.HaloSandbox;

import static org.awaitility.Awaitility.await;

/**
 * What the quick-start tests (Camel Main and Spring Boot) do to the sandbox and read from it; a test source of both
 * modules (build-helper-maven-plugin).
 */
final class QuickStartChecks {

    /** The note the quick-start route writes. */
    static final String NOTE = "Seen by camel-halo";

    private QuickStartChecks() {
    }

    /**
     * The properties that point the quick start at {@code sandbox}, keep its progress in {@code progressFile} and poll
     * every 200 ms (the only differences from application.properties).
     */
    static Map<String, String> properties(HaloSandbox sandbox, Path progressFile) {
        return Map.of("camel.component.halo.base-url", sandbox.baseUrl(),
                "camel.component.halo.client-id", sandbox.clientId(),
                "camel.component.halo.client-secret", sandbox.clientSecret(),
                "quickstart.progress-file", progressFile.toString(),
                "quickstart.poll-delay", "200");
    }

    static List<Long> ticketIds(HaloSandbox sandbox) {
        return sandbox.records("tickets").stream().map(t -> ((Number) t.get("id")).longValue()).toList();
    }

    /** A change by someone else: the ticket's details and last-modified time. */
    static void change(HaloSandbox sandbox, long ticketId) {
        sandbox.put("tickets", Map.of("id", ticketId, "details", "changed by the test at " + sandbox.now()));
    }

    /** The quick start's notes, counted per ticket. */
    static Map<Long, Integer> notesPerTicket(HaloSandbox sandbox) {
        Map<Long, Integer> notes = new TreeMap<>();
        sandbox.records("actions").stream().filter(a -> NOTE.equals(a.get("note")))
                .forEach(a -> notes.merge(((Number) a.get("ticket_id")).longValue(), 1, Integer::sum));
        return notes;
    }

    /** Waits until the route has listed tickets {@code polls} more times from now. */
    static void awaitPolls(HaloSandbox sandbox, int polls) {
        long before = ticketLists(sandbox);
        await().atMost(Duration.ofSeconds(20)).until(() -> ticketLists(sandbox) >= before + polls);
    }

    private static long ticketLists(HaloSandbox sandbox) {
        return sandbox.requests().stream()
                .filter(r -> r.method().equals("GET") && r.path().equalsIgnoreCase("/api/Tickets")).count();
    }
}
