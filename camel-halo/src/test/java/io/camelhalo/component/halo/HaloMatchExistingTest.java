package io.camelhalo.component.halo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.camelhalo.component.halo.error.HaloValidationException;
import io.camelhalo.sandbox.HaloSandbox;
import io.camelhalo.sandbox.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Create unless it exists ({@code matchExisting}): a create whose match field names a record already in Halo answers
 * that record and sends no write, so replaying the same create creates nothing new.
 */
class HaloMatchExistingTest {

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest();

    private HaloSandbox sandbox;
    private CamelContext context;
    private ProducerTemplate template;

    @BeforeEach
    void bind() {
        sandbox = halo.sandbox();
        context = halo.context();
        template = halo.template();
    }

    @Test
    void aClientThatExistsByNameIsAnsweredAndNotCreatedAgain() {
        // given Acme Ltd (id 1) in Halo
        int clients = sandbox.count("clients");
        sandbox.resetCounters();

        // when it is created by name, in other letter case and with blanks around it
        Exchange out = create("clients", "name", Map.of("name", " ACME LTD ", "website", "acme.example"));

        // then the existing client is the answer, one search and no write was sent
        assertEquals(1L, id(out.getMessage().getBody(Map.class), "id"));
        assertEquals(Boolean.FALSE, out.getMessage().getHeader(HaloConstants.CREATED));
        assertEquals(1L, ((Number) out.getMessage().getHeader(HaloConstants.ID)).longValue());
        assertEquals(clients, sandbox.count("clients"));
        List<RecordedRequest> api = apiRequests();
        assertEquals(1, api.size(), api.toString());
        assertEquals("GET", api.get(0).method());
        assertTrue(api.get(0).query().contains("search=ACME"), "search narrows the list: " + api.get(0).query());
    }

    @Test
    void aClientNotInHaloIsCreatedAndTheSameCreateAgainCreatesNothing() {
        int clients = sandbox.count("clients");

        Exchange first = create("clients", "name", Map.of("name", "Umbrella Corp"));
        Exchange again = create("clients", "name", Map.of("name", "umbrella corp"));

        assertEquals(Boolean.TRUE, first.getMessage().getHeader(HaloConstants.CREATED));
        assertEquals(Boolean.FALSE, again.getMessage().getHeader(HaloConstants.CREATED));
        assertEquals(id(first.getMessage().getBody(Map.class), "id"), id(again.getMessage().getBody(Map.class), "id"));
        assertEquals(clients + 1, sandbox.count("clients"));
    }

    @Test
    void aSiteIsMatchedWithinItsClientOnly() {
        // given site "Acme HQ" of client 1
        int sites = sandbox.count("sites");

        // when a site of that name is created for client 2, then for client 1
        Exchange forGlobex = create("sites", "name", Map.of("name", "Acme HQ", "client_id", 2));
        Exchange forAcme = create("sites", "name", Map.of("name", "Acme HQ", "client_id", 1));

        // then client 2 got its own site, client 1's was found
        assertEquals(Boolean.TRUE, forGlobex.getMessage().getHeader(HaloConstants.CREATED));
        assertEquals(Boolean.FALSE, forAcme.getMessage().getHeader(HaloConstants.CREATED));
        assertEquals(1L, id(forAcme.getMessage().getBody(Map.class), "id"));
        assertEquals(sites + 1, sandbox.count("sites"));
        assertTrue(apiRequests().stream().anyMatch(r -> r.path().equalsIgnoreCase("/api/Site")
                && r.query().contains("client_id=2")), "the list is scoped to the record's client");
    }

    @Test
    void aUserIsMatchedByEmailAddress() {
        Exchange out = create("users", "emailaddress",
                Map.of("name", "Wile", "emailaddress", "WILE@acme.example", "client_id", 1, "site_id", 1));

        assertEquals(1L, id(out.getMessage().getBody(Map.class), "id"));
        assertEquals(Boolean.FALSE, out.getMessage().getHeader(HaloConstants.CREATED));
    }

    @Test
    void anInactiveClientIsFoundRatherThanCreatedTwice() {
        sandbox.put("clients", new HashMap<>(Map.of("id", 1, "name", "Acme Ltd", "inactive", true)));
        int clients = sandbox.count("clients");

        Exchange out = create("clients", "name", Map.of("name", "Acme Ltd"));

        assertEquals(Boolean.FALSE, out.getMessage().getHeader(HaloConstants.CREATED));
        assertEquals(clients, sandbox.count("clients"));
        assertTrue(apiRequests().get(0).query().contains("includeinactive=true"), apiRequests().get(0).query());
    }

    @Test
    void aListIsAnsweredInInputOrderWithOnlyTheMissingOnesCreated() {
        int clients = sandbox.count("clients");

        Exchange out = template.request("halo:clients/create?matchExisting=name", e -> e.getMessage().setBody(List.of(
                new HashMap<>(Map.of("name", "Stark Industries")), new HashMap<>(Map.of("name", "Initech")),
                new HashMap<>(Map.of("name", "Cyberdyne")))));

        assertNull(out.getException());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> saved = out.getMessage().getBody(List.class);
        assertEquals(List.of("Stark Industries", "Initech", "Cyberdyne"), saved.stream().map(r -> r.get("name")).toList());
        assertEquals(3L, id(saved.get(1), "id"));
        assertEquals(List.of(true, false, true), out.getMessage().getHeader(HaloConstants.CREATED));
        assertEquals(clients + 2, sandbox.count("clients"));
        assertEquals(1, apiRequests().stream().filter(r -> r.method().equals("POST")).count(), "one array POST");
    }

    @Test
    void aNameRepeatedInOneListIsCreatedOnceAndLookedUpOnce() {
        int clients = sandbox.count("clients");
        sandbox.resetCounters();

        // when one List carries a new client twice (other letter case) and a known one
        Exchange out = template.request("halo:clients/create?matchExisting=name", e -> e.getMessage().setBody(List.of(
                new HashMap<>(Map.of("name", "Wayne Enterprises")), new HashMap<>(Map.of("name", "Initech")),
                new HashMap<>(Map.of("name", "WAYNE ENTERPRISES")))));

        // then Wayne Enterprises was created once, and both of its places answer that record
        assertNull(out.getException());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> saved = out.getMessage().getBody(List.class);
        assertEquals(clients + 1, sandbox.count("clients"));
        assertEquals(id(saved.get(0), "id"), id(saved.get(2), "id"));
        assertEquals(3L, id(saved.get(1), "id"));
        assertEquals(List.of(true, false, false), out.getMessage().getHeader(HaloConstants.CREATED));
        assertEquals(2, apiRequests().stream().filter(r -> r.method().equals("GET")).count(), "one look-up per name");
        assertEquals(1, apiRequests().stream().filter(r -> r.method().equals("POST")).count());
    }

    @Test
    void twoMatchesFailNamingBothAndCreateNothing() {
        sandbox.put("clients", new HashMap<>(Map.of("name", "acme ltd")));
        int clients = sandbox.count("clients");
        sandbox.resetCounters();

        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.requestBody(
                "halo:clients/create?matchExisting=name", new HashMap<>(Map.of("name", "Acme Ltd"))));

        HaloValidationException refused = assertInstanceOf(HaloValidationException.class, e.getCause());
        assertTrue(refused.getMessage().contains("2 clients have name 'Acme Ltd'"), refused.getMessage());
        assertEquals(clients, sandbox.count("clients"));
        assertFalse(apiRequests().stream().anyMatch(r -> r.method().equals("POST")), "nothing was written");
    }

    @Test
    void aFieldHalosSearchIsNotKnownToMatchReadsTheWholeListInstead() {
        sandbox.resetCounters();

        Exchange out = create("clients", "website", Map.of("name", "Acme again", "website", "https://www.acme.example"));

        assertEquals(Boolean.FALSE, out.getMessage().getHeader(HaloConstants.CREATED));
        assertFalse(apiRequests().get(0).query().contains("search="), apiRequests().get(0).query());
    }

    @Test
    void matchExistingOnAnotherOperationOrWithABadFieldIsRefusedBeforeTheRouteRuns() {
        ResolveEndpointFailedException onGet = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("halo:clients/get?matchExisting=name"));
        assertTrue(onGet.getMessage().contains("matchExisting applies to create and update only, not to get"),
                onGet.getMessage());
        ResolveEndpointFailedException badField = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("halo:clients/create?matchExisting=na-me"));
        assertTrue(badField.getMessage().contains("Invalid matchExisting 'na-me'"), badField.getMessage());
    }

    @Test
    void anUpdateWithoutIdUpdatesTheOneRecordWithThatName() {
        // given report 1 in Halo, known by its name
        Map<String, Object> report = sandbox.records("reports").get(0);
        sandbox.resetCounters();

        // when it is updated by name, in other letter case
        Map<?, ?> saved = template.requestBody("halo:reports/update?matchExisting=name", new HashMap<>(
                Map.of(
                        "name", report.get("name").toString().toUpperCase(java.util.Locale.ROOT), "description", "stamped")),
                Map.class);

        // then that report changed: one look-up, one write
        assertEquals(id(report, "id"), id(saved, "id"));
        assertEquals("stamped", sandbox.record("reports", id(report, "id")).get("description"));
        assertEquals(2, apiRequests().size(), apiRequests().toString());
    }

    @Test
    void anUpdateByANameHaloDoesNotHaveIsRefusedAndWritesNothing() {
        sandbox.resetCounters();

        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.requestBody(
                "halo:clients/update?matchExisting=name", new HashMap<>(Map.of("name", "Nobody Ltd", "notes", "x"))));

        HaloValidationException refused = assertInstanceOf(HaloValidationException.class, e.getCause());
        assertTrue(refused.getMessage().contains("no clients has name 'Nobody Ltd'"), refused.getMessage());
        assertFalse(apiRequests().stream().anyMatch(r -> r.method().equals("POST")), "nothing was written");
    }

    private Exchange create(String resource, String field, Map<String, Object> record) {
        Exchange out = template.request("halo:" + resource + "/create?matchExisting=" + field,
                e -> e.getMessage().setBody(new HashMap<>(record)));
        assertNull(out.getException());
        return out;
    }

    private List<RecordedRequest> apiRequests() {
        return halo.apiRequests();
    }

    private static long id(Map<?, ?> rec, String field) {
        return ((Number) rec.get(field)).longValue();
    }
}
