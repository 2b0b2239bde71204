package io.camelhalo.component.halo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.camelhalo.component.halo.error.HaloValidationException;
import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Names instead of ids on create and update: Halo's own name fields given without their id are resolved from Halo's
 * lists (kept per connection) before the write, and a name Halo does not have fails before anything is sent.
 */
class HaloNamesTest {

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest();

    private HaloSandbox sandbox;
    private ProducerTemplate template;

    @BeforeEach
    void bind() {
        sandbox = halo.sandbox();
        template = halo.template();
    }

    @Test
    void aTicketUpdatedByNamesGetsTheIdsOfThoseNames() {
        // given ticket 1, open, priority 3, in the Service Desk team
        sandbox.resetCounters();

        // when it is escalated by names, in other letter case than Halo's
        Map<String, Object> saved = update(Map.of("id", 1, "status_name", "action required", "priority_name", "HIGH",
                "agent_name", "Alice Agent", "team", "escalations", "tickettype_name", "Change"));

        // then Halo saved the ids, the team in Halo's spelling, and the names were not sent as such
        Map<String, Object> ticket = sandbox.record("tickets", 1);
        assertEquals(3L, id(ticket, "status_id"));
        assertEquals(2L, id(ticket, "priority_id"), "High is priorityid 2 (not the Policy row's id)");
        assertEquals(2L, id(ticket, "agent_id"));
        assertEquals(3L, id(ticket, "tickettype_id"));
        assertEquals("Escalations", ticket.get("team"));
        assertEquals(1L, id(saved, "id"));
        String write = lastWriteBody();
        assertTrue(!write.contains("status_name") && !write.contains("priority_name"), write);
    }

    @Test
    void threeUpdatesByNameInARowReadEachListOnce() {
        // given a fresh connection
        sandbox.resetCounters();

        // when three tickets are updated by status name
        for (int ticket : List.of(1, 2, 4)) {
            update(Map.of("id", ticket, "status_name", "In Progress"));
        }

        // then /Status was read once, and each ticket is In Progress
        assertEquals(1, gets("/api/Status"));
        assertEquals(4, sandbox.apiRequestCount(), "one write each, plus the one read of /Status");
        for (int ticket : List.of(1, 2, 4)) {
            assertEquals(2L, id(sandbox.record("tickets", ticket), "status_id"));
        }
    }

    @Test
    void escalatingByNamesWithAWarmCacheIsOneRequest() {
        // given the status, priority, agent and team lists read once (a warm cache)
        update(Map.of("id", 1, "status_name", "New", "priority_name", "Low", "agent_name", "API Agent",
                "team", "Service Desk"));
        sandbox.resetCounters();

        // when another ticket is escalated by names
        update(Map.of("id", 2, "status_name", "Action Required", "priority_name", "Critical",
                "agent_name", "Alice Agent", "team", "Escalations"));

        // then the job is one request, the write, with the ids in it
        assertEquals(1, sandbox.apiRequestCount());
        Map<String, Object> ticket = sandbox.record("tickets", 2);
        assertEquals(3L, id(ticket, "status_id"));
        assertEquals(1L, id(ticket, "priority_id"));
        assertEquals(2L, id(ticket, "agent_id"));
        assertEquals("Escalations", ticket.get("team"));
    }

    @Test
    void aNameAddedInHaloAfterTheListWasReadIsFoundByReadingItOnceMore() {
        // given the status list read and kept
        update(Map.of("id", 1, "status_name", "New"));
        sandbox.put("statuses", new HashMap<>(Map.of("name", "Waiting on Vendor")));
        sandbox.resetCounters();

        // when a ticket is given the new status by name
        update(Map.of("id", 1, "status_name", "Waiting on Vendor"));

        // then the list was read again once, and the ticket has it
        assertEquals(1, gets("/api/Status"));
        long waiting = sandbox.records("statuses").stream().filter(s -> "Waiting on Vendor".equals(s.get("name")))
                .mapToLong(s -> id(s, "id")).findFirst().orElseThrow();
        assertEquals(waiting, id(sandbox.record("tickets", 1), "status_id"));
    }

    @Test
    void anUnknownNameFailsBeforeAnyWriteNamingTheValueAndTheClosestNames() {
        // given a status name Halo does not have (a typo)
        int tickets = sandbox.count("tickets");
        sandbox.resetCounters();

        // when a ticket is created with it
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("halo:tickets/create", new HashMap<>(
                        Map.of("summary", "x", "status_name",
                                "Closd")),
                        Map.class));

        // then it is a validation error (status 0) naming the value and the closest names, and nothing was written
        HaloValidationException v = assertInstanceOf(HaloValidationException.class, e.getCause());
        assertEquals(0, v.getStatusCode());
        assertTrue(v.getMessage().contains("'Closd'"), v.getMessage());
        assertTrue(v.getMessage().contains("closest: Closed"), v.getMessage());
        assertEquals(tickets, sandbox.count("tickets"));
        assertEquals(0, sandbox.requests().stream().filter(r -> r.method().equals("POST") && r.path().startsWith("/api"))
                .count());
    }

    @Test
    void aPriorityNameIsAmbiguousAcrossSlasUnlessTheTicketNamesItsSla() {
        // given "Out of hours" exists only in SLA 2, and "High" in both SLAs with the same priorityid
        // when a ticket is created with "Out of hours" and SLA 2, and another with "High" and no SLA
        Map<String, Object> outOfHours = create(Map.of("summary", "late", "sla_id", 2, "priority_name", "out of hours"));
        Map<String, Object> high = create(Map.of("summary", "urgent", "priority_name", "High"));

        // then both resolve (one priorityid per name), and a name missing from the ticket's SLA fails naming the SLA
        assertEquals(5L, id(sandbox.record("tickets", id(outOfHours, "id")), "priority_id"));
        assertEquals(2L, id(sandbox.record("tickets", id(high, "id")), "priority_id"));
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> create(Map.of("summary", "x", "sla_id", 1, "priority_name", "Out of hours")));
        assertTrue(e.getCause().getMessage().contains("priorities with slaid=1"), e.getCause().getMessage());
    }

    @Test
    void clientSiteAndUserNamesResolveWithinTheClient() {
        // when a ticket is logged by client, site and user name
        Map<String, Object> saved = create(Map.of("summary", "by names", "client_name", "globex corporation",
                "site_name", "Globex Springfield", "user_name", "Hank Scorpio"));

        // then it is filed under their ids
        Map<String, Object> ticket = sandbox.record("tickets", id(saved, "id"));
        assertEquals(2L, id(ticket, "client_id"));
        assertEquals(2L, id(ticket, "site_id"));
        assertEquals(3L, id(ticket, "user_id"));
        // and a user of another client is not found under this one
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> create(Map.of("summary", "x", "client_name", "Initech", "user_name", "Hank Scorpio")));
        assertInstanceOf(HaloValidationException.class, e.getCause());
    }

    @Test
    void anIdBesideTheNameWinsAndResolveNamesFalseSendsNamesAsGiven() {
        // when a name comes with its id, or resolving is off
        update(Map.of("id", 1, "status_id", 8, "status_name", "no such status"));
        sandbox.resetCounters();
        template.requestBody("halo:tickets/update?resolveNames=false",
                new HashMap<>(Map.of("id", 2, "status_name", "whatever")), Map.class);

        // then nothing is looked up and the id given is kept
        assertEquals(8L, id(sandbox.record("tickets", 1), "status_id"));
        assertEquals(0, gets("/api/Status"));
        assertTrue(lastWriteBody().contains("\"status_name\":\"whatever\""), lastWriteBody());
    }

    private Map<String, Object> update(Map<String, Object> changes) {
        return template.requestBody("halo:tickets/update", new HashMap<>(changes), Map.class);
    }

    private Map<String, Object> create(Map<String, Object> ticket) {
        return template.requestBody("halo:tickets/create", new HashMap<>(ticket), Map.class);
    }

    private long gets(String path) {
        return sandbox.requests().stream().filter(r -> r.method().equals("GET") && r.path().equalsIgnoreCase(path))
                .count();
    }

    private String lastWriteBody() {
        return sandbox.requests().stream().filter(r -> r.method().equals("POST") && r.path().startsWith("/api"))
                .reduce((a, b) -> b).orElseThrow()
                .body();
    }

    private static long id(Map<String, Object> rec, String field) {
        return ((Number) rec.get(field)).longValue();
    }
}
