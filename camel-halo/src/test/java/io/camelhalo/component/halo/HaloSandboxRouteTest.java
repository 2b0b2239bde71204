package io.camelhalo.component.halo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.camelhalo.component.halo.api.HaloOperation;
import io.camelhalo.component.halo.api.HaloResource;
import io.camelhalo.component.halo.error.HaloApiException;
import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Java DSL routes against the stateful sandbox: what the routes do is read back from the sandbox's own store.
 */
class HaloSandboxRouteTest {

    @RegisterExtension
    static final HaloSandboxExtension halo = HaloSandboxExtension.perClass().routes(r -> {
        r.from("direct:create").to("halo:tickets/create");
        r.from("direct:get").to("halo:tickets/get");
        r.from("direct:update").to("halo:tickets/update");
        r.from("direct:delete").to("halo:tickets/delete");
        r.from("direct:list").to("halo:tickets/list");
        r.from("direct:any").to("halo:tickets/get"); // resource and operation come from headers
        r.from("direct:note").to("halo:actions/create");
        r.from("direct:notes").to("halo:actions/list");
    });

    private HaloSandbox sandbox;
    private ProducerTemplate template;

    @BeforeEach
    void bind() {
        sandbox = halo.sandbox();
        template = halo.template();
    }

    @Test
    @SuppressWarnings("unchecked")
    void ticketLifecycle() {
        Map<String, Object> created = template.requestBody("direct:create",
                Map.of("summary", "Laptop will not boot", "details", "Blue screen", "client_id", 2), Map.class);
        long id = ((Number) created.get("id")).longValue();
        assertEquals("Laptop will not boot", sandbox.record("tickets", id).get("summary"));

        Map<String, Object> read = template.requestBodyAndHeader("direct:get", null, HaloConstants.ID, id, Map.class);
        assertEquals("Blue screen", read.get("details"));

        template.requestBodyAndHeader("direct:update", Map.of("summary", "Laptop fixed"), HaloConstants.ID, id);
        Map<String, Object> stored = sandbox.record("tickets", id);
        assertEquals("Laptop fixed", stored.get("summary"));
        assertEquals("Blue screen", stored.get("details"), "fields not sent are kept");

        template.requestBodyAndHeader("direct:delete", null, HaloConstants.ID, id);
        assertNull(sandbox.record("tickets", id));
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader("direct:get", null, HaloConstants.ID, id));
        HaloApiException notFound = assertInstanceOf(HaloApiException.class, e.getCause());
        assertEquals(404, notFound.getStatusCode());
        assertEquals("GET", notFound.getMethod());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aListBodyCreatesEveryRecordInOneRequest() {
        int before = sandbox.count("tickets");
        sandbox.resetCounters();
        List<Map<String, Object>> saved = template.requestBody("direct:create",
                List.of(Map.of("summary", "one"), Map.of("summary", "two"), Map.of("summary", "three")), List.class);
        assertEquals(3, saved.size());
        assertEquals(before + 3, sandbox.count("tickets"));
        assertEquals(1,
                sandbox.requests().stream().filter(r -> r.method().equals("POST") && r.path().equals("/api/Tickets")).count());
        assertEquals(List.of("one", "two", "three"), saved.stream().map(r -> r.get("summary")).toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void listReadsEveryPageOfALargeTenant() {
        for (int i = 0; i < 250; i++) {
            sandbox.put("tickets", new HashMap<>(Map.of("summary", "bulk " + i, "client_id", 3)));
        }
        sandbox.resetCounters();
        List<Map<String, Object>> all = template.requestBody("direct:list", null, List.class);
        assertEquals(sandbox.count("tickets"), all.size());
        assertEquals(all.size(), all.stream().map(r -> r.get("id")).distinct().count(), "no record twice");
        assertEquals(sandbox.records("tickets").stream().map(r -> toLong(r.get("id"))).toList(),
                all.stream().map(r -> toLong(r.get("id"))).toList(), "every ticket, in Halo's order");
        long pages = sandbox.requests().stream().filter(r -> r.path().equals("/api/Tickets")).count();
        assertEquals((all.size() + 99) / 100, pages, "one request per page of 100");
    }

    @Test
    @SuppressWarnings("unchecked")
    void notesAreActionsOfTheirTicket() {
        long ticketId = ((Number) template.requestBody("direct:create", Map.of("summary", "Needs a note"), Map.class)
                .get("id")).longValue();
        Map<String, Object> note = template.requestBodyAndHeader("direct:note",
                Map.of("note", "Called the user", "outcome", "Note", "hiddenfromuser", true),
                HaloConstants.TICKET_ID, ticketId, Map.class);
        assertEquals(ticketId, ((Number) note.get("ticket_id")).longValue());

        List<Map<String, Object>> notes = template.requestBodyAndHeader("direct:notes", null,
                HaloConstants.TICKET_ID, ticketId, List.class);
        assertEquals(1, notes.size());
        assertEquals("Called the user", notes.get(0).get("note"));
    }

    @Test
    void everyResourceCanBeListedAndReadThroughHeaders() {
        for (HaloResource resource : HaloResource.values()) {
            Map<String, Object> headers = new HashMap<>();
            headers.put(HaloConstants.RESOURCE, resource.uriName());
            headers.put(HaloConstants.OPERATION, HaloOperation.LIST.uriName());
            headers.put(HaloConstants.TICKET_ID, 1L);
            List<?> records = template.requestBodyAndHeaders("direct:any", null, headers, List.class);
            assertNotNull(records, resource.uriName());
            List<Long> expected = sandbox.records(resource.uriName()).stream()
                    .filter(r -> !resource.needsTicketId(HaloOperation.LIST)
                            || Long.valueOf(1L).equals(toLong(r.get("ticket_id"))))
                    .map(r -> toLong(r.get("id"))).toList();
            assertEquals(expected.size(), records.size(), "all " + resource.uriName());
            assertEquals(expected, records.stream().map(r -> toLong(((Map<?, ?>) r).get("id"))).toList(),
                    "which " + resource.uriName());
            if (!records.isEmpty()) {
                Object id = ((Map<?, ?>) records.get(0)).get("id");
                headers.put(HaloConstants.OPERATION, HaloOperation.GET.uriName());
                headers.put(HaloConstants.ID, id);
                Map<?, ?> one = template.requestBodyAndHeaders("direct:any", null, headers, Map.class);
                assertEquals(toLong(id), toLong(one.get("id")), resource.uriName());
            }
        }
    }

    @Test
    void updateWithoutAnIdNeverReachesHalo() {
        int before = sandbox.count("tickets");
        sandbox.resetCounters();
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("direct:update", Map.of("summary", "orphan")));
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("CamelHaloId"), e.getCause().getMessage());
        assertEquals(0, sandbox.apiRequestCount());
        assertEquals(before, sandbox.count("tickets"));
        assertFalse(sandbox.records("tickets").stream().anyMatch(t -> "orphan".equals(t.get("summary"))));
    }

    private static Long toLong(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }
}
