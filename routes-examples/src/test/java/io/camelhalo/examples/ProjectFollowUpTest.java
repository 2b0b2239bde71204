package io.camelhalo.examples;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Route 2, routes/project-follow-up.yaml: one follow-up ticket per project change, linked to project and client. */
class ProjectFollowUpTest {

    @Test
    void eachProjectChangeCreatesExactlyOneLinkedFollowUpTicket() throws Exception {
        try (RunningExamples app = RunningExamples.start()) {
            int ticketsBefore = app.halo().count("tickets");
            app.halo().put("projects", Map.of("id", 6, "status_id", 3));
            await().atMost(Duration.ofSeconds(20)).until(() -> !followUps(app).isEmpty());

            List<Map<String, Object>> followUps = followUps(app);
            assertEquals(1, followUps.size(), followUps.toString());
            Map<String, Object> ticket = followUps.get(0);
            assertEquals(6L, ((Number) ticket.get("parent_id")).longValue(), "linked to the project");
            assertEquals(1L, ((Number) ticket.get("client_id")).longValue(), "for the project's client");
            assertTrue(ticket.get("summary").toString().contains("Office move to new building"));
            assertEquals(3L, ((Number) app.halo().record("projects", 6).get("status_id")).longValue(),
                    "the project itself is not overwritten");

            // many more polls: the same change never makes a second ticket
            long polls = app.halo().requests().stream().filter(r -> r.path().equals("/api/Projects")).count();
            await().atMost(Duration.ofSeconds(10)).until(() -> app.halo().requests().stream()
                    .filter(r -> r.path().equals("/api/Projects")).count() >= polls + 5);
            assertEquals(1, followUps(app).size());

            // a second change is a second follow-up
            app.halo().put("projects", Map.of("id", 6, "summary", "Office move to the \"new\" building"));
            await().atMost(Duration.ofSeconds(20)).until(() -> followUps(app).size() >= 2);
            assertEquals(2, followUps(app).size());
            assertTrue(followUps(app).get(1).get("summary").toString().contains("the \"new\" building"),
                    "a quote in the project name is carried, not a broken request");
            assertEquals(ticketsBefore + 2, app.halo().count("tickets"));
        }
    }

    private static List<Map<String, Object>> followUps(RunningExamples app) {
        return app.halo().records("tickets").stream().filter(t -> t.get("parent_id") != null).toList();
    }
}
