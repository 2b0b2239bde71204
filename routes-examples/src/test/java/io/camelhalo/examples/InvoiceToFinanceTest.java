package io.camelhalo.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Route 1, routes/invoice-to-finance.yaml: an invoice change lands in the outbox once and updates the report. */
class InvoiceToFinanceTest {

    @Test
    void aChangedInvoiceBecomesOneJsonLineAndUpdatesTheFinanceReport() throws Exception {
        try (RunningExamples app = RunningExamples.start()) {
            app.halo().put("invoices", Map.of("id", 2, "total", 1010.25));

            // the report is the route's last step
            await().atMost(Duration.ofSeconds(20)).until(() -> app.halo().record("reports", 2).get("description") != null);
            Path outbox = app.dir("halo.finance.outbox-dir");
            List<String> lines = jsonLines(outbox);
            assertEquals(1, lines.size(), "one line per change: " + lines);
            Map<?, ?> invoice = new ObjectMapper().readValue(lines.get(0), Map.class);
            assertEquals("INV-1002", invoice.get("invoicenumber"));
            assertEquals(1010.25, ((Number) invoice.get("total")).doubleValue());

            Map<String, Object> report = app.halo().record("reports", 2); // "Invoices this month"
            assertTrue(String.valueOf(report.get("description")).contains("INV-1002"), report.toString());
            assertEquals("Open tickets by client", app.halo().record("reports", 1).get("name"));
            assertTrue(app.halo().record("reports", 1).get("description") == null, "only the named report changes");
        }
    }

    private static List<String> jsonLines(Path outbox) throws Exception {
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (var files = Files.list(outbox)) {
            return files.flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream().filter(l -> !l.isBlank());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }
}
