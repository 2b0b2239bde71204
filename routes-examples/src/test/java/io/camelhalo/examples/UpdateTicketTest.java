package io.camelhalo.examples;

import java.util.Map;

import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Route 6, routes/update-ticket.yaml: escalate and close by name, resolved by the halo component itself; only the given
 * fields change, and a warm escalation is one request.
 */
class UpdateTicketTest {

    @Test
    void escalatingSetsPriorityAndTeamByNameAndLeavesTheRestAlone() throws Exception {
        try (RunningExamples app = RunningExamples.start()) {
            Map<String, Object> before = app.halo().record("tickets", 2);

            app.producer().requestBody("direct:update-ticket",
                    Map.of("id", 2, "priority_name", "High", "team", "escalations"));

            Map<String, Object> after = app.halo().record("tickets", 2);
            assertEquals(2L, ((Number) after.get("priority_id")).longValue());
            assertEquals("Escalations", after.get("team"), "Halo's ticket names its team; there is no team_id");
            assertEquals(before.get("status_id"), after.get("status_id"), "status not given, not changed");
            assertEquals(before.get("summary"), after.get("summary"));
            assertEquals(before.get("client_id"), after.get("client_id"));
        }
    }

    @Test
    void aWarmEscalationByNamesIsOneRequest() throws Exception {
        try (RunningExamples app = RunningExamples.start()) {
            app.producer().requestBody("direct:update-ticket", Map.of("id", 1, "status_name", "In Progress",
                    "priority_name", "Low", "agent_name", "API Agent", "team", "Service Desk"));
            app.halo().resetCounters();

            app.producer().requestBody("direct:update-ticket", Map.of("id", 2, "status_name", "Action Required",
                    "priority_name", "Critical", "agent_name", "Alice Agent", "team", "Escalations"));

            assertEquals(1, app.halo().apiRequestCount(), app.halo().requests().toString());
            Map<String, Object> ticket = app.halo().record("tickets", 2);
            assertEquals(3L, ((Number) ticket.get("status_id")).longValue());
            assertEquals(1L, ((Number) ticket.get("priority_id")).longValue());
            assertEquals(2L, ((Number) ticket.get("agent_id")).longValue());
        }
    }

    @Test
    void closingSetsTheClosedStatusIdFromHalosList() throws Exception {
        try (RunningExamples app = RunningExamples.start()) {
            Map<String, Object> before = app.halo().record("tickets", 1);
            app.producer().requestBody("direct:update-ticket", Map.of("id", 1, "status_name", "closed"));
            Map<String, Object> after = app.halo().record("tickets", 1);
            assertEquals(9L, ((Number) after.get("status_id")).longValue());
            assertEquals(before.get("priority_id"), after.get("priority_id"));
            assertEquals(before.get("team"), after.get("team"));
        }
    }

    @Test
    void anUnknownStatusFailsWithTheKnownNamesAndChangesNothing() throws Exception {
        try (RunningExamples app = RunningExamples.start()) {
            Map<String, Object> before = app.halo().record("tickets", 2);
            CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> app.producer()
                    .requestBody("direct:update-ticket", Map.of("id", 2, "status_name", "Parked", "team", "Escalations")));
            String message = e.getCause().getMessage();
            assertTrue(message.contains("'Parked'"), message);
            assertTrue(message.contains("Closed") && message.contains("Resolved") && message.contains("New"), message);
            assertEquals(before, app.halo().record("tickets", 2), "nothing was written");
        }
    }

    @Test
    void aStatusAddedInHaloAfterTheListWasCachedIsFoundOnTheMiss() throws Exception {
        try (RunningExamples app = RunningExamples.start()) {
            app.producer().requestBody("direct:update-ticket", Map.of("id", 2, "status_name", "In Progress"));
            app.halo().put("statuses", new java.util.HashMap<>(Map.of("id", 12, "name", "Waiting on Customer")));
            app.producer().requestBody("direct:update-ticket", Map.of("id", 2, "status_name", "Waiting on Customer"));
            assertEquals(12L, ((Number) app.halo().record("tickets", 2).get("status_id")).longValue());
        }
    }
}
