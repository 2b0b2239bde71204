package io.camelhalo.sandbox;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sandbox checks each request against Halo's API description, and a test class fails on a violation. */
class ConformanceTest {

    private HaloSandbox halo;
    private SandboxClient client;

    @BeforeEach
    void start() {
        halo = HaloSandbox.start(0);
        client = new SandboxClient(halo).login();
    }

    @AfterEach
    void stop() {
        halo.close();
    }

    private List<String> takeProblems() {
        return halo.takeViolations().stream().map(Violation::problem).toList();
    }

    @Test
    void declaredRequestsRecordNothing() {
        // given requests that use only what the description declares (names in any case, as ASP.NET binds them)
        client.get("/Tickets?pageinate=true&page_size=10&page_no=1&ORDER=last_update&orderdesc=true"
                   + "&lastupdatefromdate=2025-01-01T00:00:00");
        client.get("/Tickets/1?includedetails=true");
        client.post("/Tickets", "[{\"summary\":\"Declared fields only\",\"client_id\":1,\"Details\":\"x\"}]");
        client.get("/Actions?ticket_id=1");
        // then nothing is recorded
        assertEquals(List.of(), halo.violations());
    }

    @Test
    void anUndeclaredQueryParameterIsRecordedWithMethodAndPath() {
        // when a route misspells a filter (Halo would answer every ticket, unfiltered)
        client.get("/Tickets?client-id=1");
        // then the violation names the method, the path and what is wrong
        List<Violation> violations = halo.takeViolations();
        assertEquals(1, violations.size());
        Violation v = violations.get(0);
        assertEquals("GET", v.method());
        assertEquals("/api/Tickets", v.path());
        assertEquals("client-id=1", v.query());
        assertEquals("query parameter 'client-id' is not declared for GET /Tickets", v.problem());
    }

    @Test
    void anUnknownBodyFieldIsDroppedAsHaloDropsItAndRecorded() {
        // when a create carries a typo
        SandboxClient.Response created = client.post("/Tickets", "[{\"summary\":\"Typo\",\"detials\":\"lost\"}]");
        // then the record is saved without it: the typo shows up as lost data
        assertEquals(201, created.status());
        assertFalse(created.json().has("detials"));
        assertNull(halo.record("tickets", created.json().get("id").asLong()).get("detials"));
        assertEquals(List.of("body field 'detials' is not in schema Faults"), takeProblems());
    }

    @Test
    void aFieldSentInAnotherCaseIsStoredUnderItsDeclaredName() {
        SandboxClient.Response created = client.post("/Client", "[{\"NAME\":\"Cyberdyne\"}]");
        assertEquals("Cyberdyne", created.json().get("name").asText());
        assertEquals(List.of(), takeProblems());
    }

    @Test
    void anUndeclaredMethodOrPathIsRecorded() {
        client.delete("/Tickets");
        client.get("/Ticket");
        assertEquals(List.of("method DELETE is not declared for /Tickets (declared: [GET, POST])",
                "path /Ticket is not in Halo's API description"), takeProblems());
    }

    @Test
    void theDeclaredExceptionAllowsDeletingAnActionByTicket() {
        // given the one exception in spec-exceptions.json: HaloAPI deletes an action with ?ticket_id=
        assertEquals(200, client.delete("/Actions/2?ticket_id=1").status());
        // then it is not a violation, while the same parameter elsewhere still is
        assertEquals(List.of(), takeProblems());
        client.delete("/Tickets/2?ticket_id=1");
        assertEquals(List.of("query parameter 'ticket_id' is not declared for DELETE /Tickets/{id}"), takeProblems());
    }

    @Test
    void everyExceptionNamesADeclaredOperation() {
        assertFalse(SpecExceptions.get().isEmpty());
        SpecExceptions.get().forEach(e -> assertTrue(
                ApiDescription.get().operation(e.template(), e.method()).isPresent(),
                "an exception names a declared operation: " + e));
    }

    @Test
    void theSharedCheckFailsATestClassWithAViolationAndPassesOneWithout() {
        // given a violation recorded by a sandbox, not taken by the test
        client.get("/Tickets?client-id=1");
        ExtensionContext context = contextOf(ConformanceTest.class);
        // when the extension runs after the class, then it fails naming the request
        AssertionError failure = assertThrows(AssertionError.class, () -> new ConformanceExtension().afterAll(context));
        assertTrue(failure.getMessage().contains("GET /api/Tickets?client-id=1: query parameter 'client-id'"),
                failure.getMessage());
        // and the registry is then empty, so the next class passes
        new ConformanceExtension().afterAll(context);
        halo.takeViolations();
    }

    private static ExtensionContext contextOf(Class<?> testClass) {
        return (ExtensionContext) Proxy.newProxyInstance(ExtensionContext.class.getClassLoader(),
                new Class<?>[] { ExtensionContext.class }, (proxy, method, args) -> {
                    if (method.getName().equals("getTestClass")) {
                        return Optional.of(testClass);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
