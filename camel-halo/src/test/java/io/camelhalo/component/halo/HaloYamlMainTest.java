package io.camelhalo.component.halo;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.camelhalo.component.halo.poll.HaloPollEndpoint;
import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Camel Main application with YAML routes and the connection set only in application.properties
 * ({@code camel.component.halo.*}), against the sandbox.
 */
class HaloYamlMainTest {

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest().withoutContext();

    private HaloSandbox sandbox;
    private Main main;

    @BeforeEach
    void startMain() throws Exception {
        sandbox = halo.sandbox();
        main = new Main();
        main.setPropertyPlaceholderLocations("classpath:yaml-main/application.properties");
        main.addInitialProperty("halo.sandbox.url", sandbox.baseUrl());
        main.addInitialProperty("halo.sandbox.client-id", sandbox.clientId());
        main.addInitialProperty("halo.sandbox.client-secret", sandbox.clientSecret());
        main.start();
    }

    @AfterEach
    void stopMain() {
        if (main != null) {
            main.stop();
        }
    }

    @Test
    void propertiesReachTheComponent() {
        HaloComponent component = main.getCamelContext().getComponent("halo", HaloComponent.class);
        assertEquals(sandbox.baseUrl(), component.getConfiguration().getBaseUrl());
        assertEquals(20_000, component.getConfiguration().getReadTimeout(), "read-timeout = 20s as a duration");
    }

    @Test
    void aPartialHaloPollConfigurationOverridesOnlyWhatItSets() {
        // given camel.component.halo-poll.read-timeout = 30s and nothing else for halo-poll
        HaloPollEndpoint endpoint = main.getCamelContext().getEndpoint("halo-poll:tickets?startScheduler=false",
                HaloPollEndpoint.class);

        // then halo-poll reads with 30 s and connects with everything else of the halo component's
        assertEquals(30_000, endpoint.getConfiguration().getReadTimeout());
        assertEquals(sandbox.baseUrl(), endpoint.getConfiguration().getBaseUrl());
        assertEquals(sandbox.clientId(), endpoint.getConfiguration().getClientId());
        assertEquals(sandbox.clientSecret(), endpoint.getConfiguration().getClientSecret());
        assertEquals(20_000, main.getCamelContext().getComponent("halo", HaloComponent.class).getConfiguration()
                .getReadTimeout(), "the halo component keeps its own");
    }

    @Test
    @SuppressWarnings("unchecked")
    void yamlRoutesCreateNoteListAndCloseTickets() {
        CamelContext context = main.getCamelContext();
        ProducerTemplate template = context.createProducerTemplate();
        int before = sandbox.count("tickets");

        Map<String, Object> ticket = template.requestBody("direct:create-ticket",
                "{\"summary\":\"VPN down\",\"details\":\"since 9am\",\"client_id\":1}", Map.class);
        long id = ((Number) ticket.get("id")).longValue();
        assertEquals(before + 1, sandbox.count("tickets"));
        assertEquals("VPN down", sandbox.record("tickets", id).get("summary"));

        template.requestBodyAndHeader("direct:add-note",
                Map.of("note", "Looking into it", "outcome", "Note"), HaloConstants.TICKET_ID, id);
        assertTrue(sandbox.records("actions").stream()
                .anyMatch(a -> ((Number) a.get("ticket_id")).longValue() == id && "Looking into it".equals(a.get("note"))));

        List<Map<String, Object>> open = template.requestBody("direct:open-tickets", null, List.class);
        List<Long> openIds = sandbox.records("tickets").stream()
                .filter(t -> !(t.get("status_id") instanceof Number n && n.intValue() == 9))
                .map(t -> ((Number) t.get("id")).longValue()).toList();
        assertEquals(openIds.size(), open.size(), "all open tickets, over pages of 2");
        assertEquals(openIds, open.stream().map(t -> ((Number) t.get("id")).longValue()).toList(), "which, in order");
        assertTrue(open.stream().anyMatch(t -> ((Number) t.get("id")).longValue() == id));

        template.requestBodyAndHeader("direct:close-ticket", null, HaloConstants.ID, id);
        assertEquals(9, ((Number) sandbox.record("tickets", id).get("status_id")).intValue());
        assertEquals("VPN down", sandbox.record("tickets", id).get("summary"), "update changes only the fields sent");
    }

    @Test
    @SuppressWarnings("unchecked")
    void yamlFindsTheUserByEmailElseTheClientByItsSitesDomainElseTheDefaultClient() {
        ProducerTemplate template = main.getCamelContext().createProducerTemplate();

        // when three senders are looked up from a YAML route: a known user, a known domain, an unknown domain
        Map<String, Object> user = template.requestBody("direct:find-by-email", "Wile <WILE@acme.example>", Map.class);
        Map<String, Object> domain = template.requestBody("direct:find-by-email", "new.person@globex.example", Map.class);
        Map<String, Object> unknown = template.requestBody("direct:find-by-email", "someone@nowhere.example", Map.class);

        // then each answer says who, and how each part was found
        assertEquals(List.of(1L, 1L, 1L, "email", "user", "user"), answer(user));
        assertEquals(Arrays.asList(null, 2L, 2L, null, "site email domain", "site email domain"), answer(domain));
        assertEquals(Arrays.asList(null, 3L, null, null, "default client", null), answer(unknown));
    }

    @Test
    @SuppressWarnings("unchecked")
    void yamlCreatesTheClientWithAMainSiteAndTheUserOnceWhenAsked() {
        ProducerTemplate template = main.getCamelContext().createProducerTemplate();
        int clients = sandbox.count("clients");
        int users = sandbox.count("users");

        // when an unknown sender is looked up twice with createMissing=client-and-user
        Map<String, Object> first = template.requestBody("direct:find-or-create-by-email", "CEO <ceo@hooli.example>",
                Map.class);
        Map<String, Object> second = template.requestBody("direct:find-or-create-by-email", "ceo@hooli.example",
                Map.class);

        // then one client named after the domain, a Main site carrying the domain, one user; the second finds it
        assertEquals(clients + 1, sandbox.count("clients"));
        assertEquals(users + 1, sandbox.count("users"));
        assertEquals(List.of("created", "created", "created"), answer(first).subList(3, 6));
        Map<String, Object> site = sandbox.record("sites", ((Number) first.get("site_id")).longValue());
        assertEquals("hooli.example", site.get("emaildomain"));
        assertEquals("Main", site.get("name"));
        assertEquals("CEO", sandbox.record("users", ((Number) first.get("user_id")).longValue()).get("name"));
        assertEquals(answer(first).subList(0, 3), answer(second).subList(0, 3));
        assertEquals("email", second.get("user_found_by"));
    }

    @Test
    void yamlEscalatesATicketByNames() {
        ProducerTemplate template = main.getCamelContext().createProducerTemplate();

        // when a YAML route updates ticket 2 with names only
        template.requestBody("direct:escalate", "{\"id\": 2, \"status_name\": \"Action Required\", "
                                                + "\"priority_name\": \"critical\", \"agent_name\": \"Alice Agent\", \"team\": \"Escalations\"}");

        // then Halo has the ids of those names
        Map<String, Object> ticket = sandbox.record("tickets", 2);
        assertEquals(List.of(3L, 1L, 2L, "Escalations"), Arrays.asList(((Number) ticket.get("status_id")).longValue(),
                ((Number) ticket.get("priority_id")).longValue(), ((Number) ticket.get("agent_id")).longValue(),
                ticket.get("team")));
    }

    @Test
    void yamlCreatesAClientOnlyOnceWithMatchExisting() {
        ProducerTemplate template = main.getCamelContext().createProducerTemplate();
        int clients = sandbox.count("clients");

        // when a YAML route creates the same client twice (a replayed line)
        Exchange first = template.request("direct:create-client-once",
                e -> e.getMessage().setBody("{\"name\": \"Hooli\", \"website\": \"hooli.example\"}"));
        Exchange again = template.request("direct:create-client-once",
                e -> e.getMessage().setBody("{\"name\": \"HOOLI\"}"));

        // then one client, and the second answer is that client, not a new one
        assertEquals(clients + 1, sandbox.count("clients"));
        assertEquals(Boolean.TRUE, first.getMessage().getHeader(HaloConstants.CREATED));
        assertEquals(Boolean.FALSE, again.getMessage().getHeader(HaloConstants.CREATED));
        assertEquals(first.getMessage().getHeader(HaloConstants.ID), again.getMessage().getHeader(HaloConstants.ID));
    }

    private static List<Object> answer(Map<String, Object> a) {
        return Arrays.asList(a.get("user_id") == null ? null : ((Number) a.get("user_id")).longValue(),
                a.get("client_id") == null ? null : ((Number) a.get("client_id")).longValue(),
                a.get("site_id") == null ? null : ((Number) a.get("site_id")).longValue(),
                a.get("user_found_by"), a.get("client_found_by"), a.get("site_found_by"));
    }
}
