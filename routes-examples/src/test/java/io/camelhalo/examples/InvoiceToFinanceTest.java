package io.camelhalo.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Route 1, routes/invoice-to-finance.yaml: an invoice change lands in the outbox once and updates the report. */
class InvoiceToFinanceTest {

    @Test
    void aChangedInvoiceBecomesOneJsonLineAndUpdatesTheFinanceReport() throws Exception {
        try (RunningExamples app = RunningExamples.start()) {
            NotifyBuilder polled = new NotifyBuilder(app.context()).fromRoute("invoice-to-finance").whenDone(1).create();

            app.halo().put("invoices", Map.of("id", 2, "total", 1010.25));

            assertTrue(polled.matches(20, TimeUnit.SECONDS), "the invoice route ran");
            Path outbox = app.dir("halo.finance.outbox-dir");
            List<String> lines = await().atMost(Duration.ofSeconds(10)).until(() -> jsonLines(outbox), l -> !l.isEmpty());
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
