package io.camelhalo.examples;

import java.util.List;
import java.util.Map;

import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the example app as README's main-job command does (no HALO_BASE_URL: embedded sandbox) and checks what it did
 * to Halo.
 */
class FirstTicketRouteTest {

    @Test
    void createsExactlyOneTicketInTheSandboxAndReadsItBack() throws Exception {
        try (ExamplesApplication.HaloTarget target = ExamplesApplication.HaloTarget.fromEnvironment(Map.of())) {
            HaloSandbox sandbox = target.sandbox();
            int ticketsBefore = sandbox.count("tickets");

            Main main = new Main(ExamplesApplication.class);
            target.properties().forEach(main::addInitialProperty);
            main.run(); // returns after the one demo exchange (camel.main.duration-max-messages=1)

            assertEquals(ticketsBefore + 1, sandbox.count("tickets"));
            List<Map<String, Object>> created = sandbox.records("tickets").stream()
                    .filter(t -> "New starter needs a laptop (camel-halo example)".equals(t.get("summary"))).toList();
            assertEquals(1, created.size(), "the demo ticket is created once");
            assertEquals(1L, ((Number) created.get(0).get("client_id")).longValue());
            // the route created, read back and listed: one POST, one GET by id, at least one list page
            assertTrue(sandbox.requests().stream().anyMatch(r -> r.method().equals("POST") && r.path().equals("/api/Tickets")));
            assertTrue(sandbox.requests().stream().anyMatch(r -> r.method().equals("GET")
                    && r.path().equals("/api/Tickets/" + created.get(0).get("id"))));
            assertTrue(sandbox.requests().stream().anyMatch(r -> r.method().equals("GET") && r.path().equals("/api/Tickets")
                    && r.queryParams().get("open_only").equals("true")));
        }
    }

    @Test
    void aConfiguredTenantIsUsedInsteadOfTheSandbox() {
        try (ExamplesApplication.HaloTarget target = ExamplesApplication.HaloTarget.fromEnvironment(Map.of(
                "HALO_BASE_URL", "https://acme.haloitsm.com", "HALO_CLIENT_ID", "id", "HALO_CLIENT_SECRET", "secret",
                "HALO_TENANT", "acme"))) {
            assertNull(target.sandbox(), "no sandbox when a tenant is configured");
            assertEquals("https://acme.haloitsm.com", target.properties().get("camel.component.halo.base-url"));
            assertEquals("acme", target.properties().get("camel.component.halo.tenant"));
        }
    }
}
