package io.camelhalo.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** routes/timesheet-export.yaml: Halo's time entries, read through halo-api, land in the payroll outbox. */
class TimesheetExportTest {

    @Test
    void theTimeEntriesBetweenTwoDatesBecomeJsonLines() throws Exception {
        try (RunningExamples app = RunningExamples.start()) {
            // given two time entries logged in Halo
            app.producer().requestBody("halo-api:timeentries/create",
                    List.of(Map.of("subject", "Printer call", "agent_id", 3, "timetaken", 0.5),
                            Map.of("subject", "Server patching", "agent_id", 4, "timetaken", 2.0)));

            // when the export runs for January
            app.producer().sendBodyAndHeaders("direct:timesheet-export", null,
                    Map.of("from", "2025-01-01", "to", "2025-01-31"));

            // then Halo was asked with its own filters, and each entry is one JSON line
            assertTrue(app.halo().requests().stream()
                    .anyMatch(r -> r.method().equals("GET") && r.path().equalsIgnoreCase("/api/TimesheetEvent")
                            && r.query().contains("start_date=2025-01-01") && r.query().contains("end_date=2025-01-31")));
            Path file = app.dir("halo.payroll.outbox-dir").resolve("time-entries-2025-01-01.jsonl");
            List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
            List<Object> subjects = lines.stream().map(TimesheetExportTest::read).map(m -> (Object) m.get("subject"))
                    .toList();
            assertTrue(subjects.containsAll(List.of("Printer call", "Server patching")), lines + " in " + file);
            assertEquals(app.halo().violations(), List.of());
        }
    }

    private static Map<?, ?> read(String line) {
        try {
            return new ObjectMapper().readValue(line, Map.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
