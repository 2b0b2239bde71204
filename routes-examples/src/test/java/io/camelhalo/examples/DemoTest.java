package io.camelhalo.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.camelhalo.sandbox.HaloSandbox;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README's main-job command without a tenant: the app starts the sandbox and mail server, the demo driver makes every
 * automation fire once, and the app stops by itself. Checks what the demo did to Halo.
 */
class DemoTest {

    @Test
    void theDemoFiresEveryAutomationOnceAndStops() throws Exception {
        try (HaloTarget target = HaloTarget.fromEnvironment(Map.of())) {
            HaloSandbox halo = target.sandbox();
            int tickets = halo.count("tickets");

            ExamplesApplication.run(target); // returns when the demo is over; throws if a step did not finish

            // 1 invoice → outbox and report
            Path outbox = Path.of(target.properties().get("halo.examples.work-dir"), "accounting-outbox");
            try (var files = Files.list(outbox)) {
                List<Path> written = files.toList();
                assertEquals(1, written.size());
                assertTrue(Files.readString(written.get(0)).contains("INV-1001"));
            }
            assertTrue(halo.record("reports", 2).get("description").toString().contains("INV-1001"));
            // 2 project follow-up, 3 external request, 5 new email: three new tickets, no more
            assertEquals(tickets + 3, halo.count("tickets"));
            assertEquals(1, halo.records("tickets").stream().filter(t -> t.get("parent_id") != null).count());
            assertTrue(halo.records("attachments").stream().anyMatch(a -> "reader.log".equals(a.get("filename"))));
            assertTrue(halo.records("attachments").stream().anyMatch(a -> "photo.txt".equals(a.get("filename"))));
            // 4 onboarding
            assertTrue(halo.records("clients").stream().anyMatch(c -> "Umbrella Corp".equals(c.get("name"))));
            assertTrue(halo.records("users").stream().anyMatch(u -> "pepper@stark.example".equals(u.get("emailaddress"))));
            // 5 tagged reply → note on ticket 1
            assertTrue(halo.records("actions").stream().anyMatch(a -> ((Number) a.get("ticket_id")).intValue() == 1
                    && a.get("note").toString().contains("It jammed again.")));
            // 6 escalated, then closed
            Map<String, Object> ticket2 = halo.record("tickets", 2);
            assertEquals(9L, ((Number) ticket2.get("status_id")).longValue());
            assertEquals(2L, ((Number) ticket2.get("priority_id")).longValue());
            assertEquals("Escalations", ticket2.get("team"));
            // 7 ticket 3 updated → one notification line, although the webhook and the poll both could see it
            Path notifications = Path.of(target.properties().get("halo.examples.work-dir"), "notifications",
                    "ticket-updates.log");
            List<String> lines = Files.readAllLines(notifications);
            List<String> ticket3 = lines.stream().filter(line -> line.startsWith("ticket 3 updated")).toList();
            assertEquals(1, ticket3.size(), () -> String.valueOf(lines));
            assertTrue(ticket3.get(0).endsWith("VPN drops every hour (vendor contacted)"));
            assertTrue(halo.webhookDeliveries().stream().anyMatch(d -> d.body().contains("vendor contacted")
                    && d.succeeded()));
        }
    }

    @Test
    void withATenantConfiguredNoSandboxNoMailServerAndNoDemo() {
        try (HaloTarget target = HaloTarget.fromEnvironment(Map.of(
                "HALO_BASE_URL", "https://acme.haloitsm.com", "HALO_CLIENT_ID", "id", "HALO_CLIENT_SECRET", "secret",
                "HALO_TENANT", "acme"))) {
            assertFalse(target.isSandbox(), "the demo driver only runs against the sandbox");
            assertNull(target.sandbox());
            assertNull(target.mail());
            assertEquals("https://acme.haloitsm.com", target.properties().get("camel.component.halo.base-url"));
            assertEquals("id", target.properties().get("camel.component.halo.client-id"));
            assertEquals("acme", target.properties().get("camel.component.halo.tenant"));
            assertNull(target.properties().get("halo.examples.work-dir"), "application.properties decides");
            assertEquals("false", target.properties().get("halo.email.enabled"), "no mailbox given, email route off");
            assertNull(target.properties().get("halo.requests.http-host"), "loopback, from application.properties");
        }
        try (HaloTarget target = HaloTarget.fromEnvironment(Map.of("HALO_BASE_URL", "https://acme.haloitsm.com",
                "HALO_HTTP_HOST", "0.0.0.0", "HALO_REQUESTS_API_KEY", "k-123"))) {
            assertEquals("0.0.0.0", target.properties().get("halo.requests.http-host"));
            assertEquals("k-123", target.properties().get("halo.requests.api-key"));
        }
        try (HaloTarget target = HaloTarget.fromEnvironment(Map.of("HALO_BASE_URL", "https://acme.haloitsm.com",
                "HALO_MAILBOX_URI", "imaps://imap.acme.example?username=helpdesk"))) {
            assertEquals("imaps://imap.acme.example?username=helpdesk", target.properties().get("halo.email.mailbox-uri"));
            assertNull(target.properties().get("halo.email.enabled"));
        }
    }
}
