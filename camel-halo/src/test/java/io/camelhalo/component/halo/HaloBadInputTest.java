package io.camelhalo.component.halo;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Input that is wrong on its own: each gives a clear error naming the value and what is allowed, and Halo hears nothing
 * (not even a token request). Route options fail when the route starts; headers and bodies fail the exchange.
 */
class HaloBadInputTest extends HaloTestSupport {

    @RegisterExtension
    static WireMockExtension halo = newHalo();

    @Override
    protected WireMockExtension halo() {
        return halo;
    }

    @AfterEach
    void haloHeardNothing() {
        // every test here: nothing at all reached Halo
        assertNothingSentToHalo();
    }

    static Stream<Arguments> badRoutes() {
        String allResources = "actions, agents, appointments, assets, attachments, clients, clientcontracts, invoices, "
                              + "items, kbarticles, opportunities, priorities, projects, quotations, reports, sites, statuses, "
                              + "suppliers, teams, tickettypes, tickets, users";
        return Stream.of(
                arguments("unknown resource", "halo:tikets/get", List.of("'tikets'", allResources)),
                arguments("unknown operation", "halo:tickets/fetch",
                        List.of("'fetch'", "create, update, get, list, delete")),
                arguments("no operation", "halo:tickets", List.of("'tickets'", "halo:<resource>/<operation>")),
                arguments("page size too big", "halo:tickets/list?pageSize=101", List.of("101", "1 to 100")),
                arguments("negative maxResults", "halo:tickets/list?maxResults=-1", List.of("-1", "0 (all)")),
                arguments("plain http to a remote host", "halo:tickets/get?baseUrl=RAW(http://acme.haloitsm.com)",
                        List.of("'http://acme.haloitsm.com'", "https://", "allowInsecureHttp=true")),
                arguments("plain http auth URL", "halo:tickets/get?authUrl=RAW(http://auth.example.com/auth)",
                        List.of("authUrl", "'http://auth.example.com/auth'", "allowInsecureHttp=true")),
                arguments("plain http to a host that only starts with 127.",
                        "halo:tickets/get?baseUrl=RAW(http://127.example.com)",
                        List.of("'http://127.example.com'", "https://", "allowInsecureHttp=true")),
                arguments("plain http to a host that only ends like an IP",
                        "halo:tickets/get?baseUrl=RAW(http://127.0.0.1.nip.io)",
                        List.of("'http://127.0.0.1.nip.io'", "https://")),
                arguments("plain http to a host that only starts with localhost",
                        "halo:tickets/get?authUrl=RAW(http://localhost.attacker.example/auth)",
                        List.of("authUrl", "'http://localhost.attacker.example/auth'", "https://")),
                arguments("not an http URL", "halo:tickets/get?baseUrl=RAW(ftp://acme.haloitsm.com)",
                        List.of("'ftp://acme.haloitsm.com'", "https://")),
                arguments("unknown grant type", "halo:tickets/get?grantType=password",
                        List.of("'password'", "client_credentials, refresh_token")),
                arguments("refresh grant without refresh token", "halo:tickets/get?grantType=refresh_token",
                        List.of("refreshToken is required", "grantType=refresh_token")),
                arguments("unsafe query name", "halo:tickets/list?query.open*only=true",
                        List.of("'open*only'", "query.open*only", "letters, digits")),
                arguments("paging parameter as query", "halo:tickets/list?query.page_size=1000",
                        List.of("'page_size'", "pageSize and maxResults")),
                arguments("non-numeric id option", "halo:tickets/get?id=abc",
                        List.of("'abc'", "option id", "positive whole number")),
                arguments("duration-like id option", "halo:tickets/get?id=5s", List.of("'5s'", "option id")),
                arguments("negative ticketId option", "halo:actions/get?ticketId=-5",
                        List.of("'-5'", "option ticketId", "positive whole number")),
                arguments("non-numeric pageSize", "halo:tickets/list?pageSize=abc", List.of("'abc'", "1 to 100")),
                arguments("non-numeric maxResults", "halo:tickets/list?maxResults=all",
                        List.of("'all'", "maxResults", "0 for all")),
                arguments("zero timeout", "halo:tickets/get?readTimeout=0", List.of("readTimeout 0", "positive")),
                arguments("query parameter Halo does not declare, which it would silently ignore",
                        "halo:tickets/list?query.client-id=12",
                        List.of("'client-id'", "query.client-id", "GET /Tickets", "Did you mean 'client_id'?")),
                arguments("query parameter of another path", "halo:invoices/get?id=3&query.open_only=true",
                        List.of("'open_only'", "GET /Invoice/{id}", "Declared there")),
                arguments("baseUrl with /api", "halo:tickets/get?baseUrl=https://acme.haloitsm.com/api",
                        List.of("'https://acme.haloitsm.com/api'", "without a path", "'/api'")),
                arguments("mistyped resource", "halo:tikets/get", List.of("'tikets'", "Did you mean 'tickets'?")),
                arguments("mistyped operation", "halo:tickets/lsit", List.of("'lsit'", "Did you mean 'list'?")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badRoutes")
    void aBadRouteFailsToStartNamingTheValueAndWhatIsAllowed(String why, String uri, List<String> fragments) {
        // when a route sends to a halo URI with a bad path or option
        Exception e = routeStartFailure(uri);

        // then it does not start, and the error says what is wrong and what is allowed
        assertMentions(chain(e), fragments.toArray(String[]::new));
    }

    @Test
    void plainHttpToARemoteHostStartsWhenExplicitlyAllowed() throws Exception {
        // when a route allows insecure http on purpose
        addRoute("direct:insecure", "halo:tickets/get?baseUrl=RAW(http://acme.haloitsm.com)&allowInsecureHttp=true");

        // then it starts, pointing at that host (and sends nothing until a message arrives)
        HaloEndpoint endpoint = context.getEndpoints().stream().filter(HaloEndpoint.class::isInstance)
                .map(HaloEndpoint.class::cast).findFirst().orElseThrow();
        assertEquals("http://acme.haloitsm.com", endpoint.getServiceUrl());
    }

    @Test
    void aMissingClientSecretFailsTheRouteNamingTheOption() {
        // given a component configured without a client secret
        context.getComponent("halo", HaloComponent.class).getConfiguration().setClientSecret(null);

        // when a route sends to Halo
        Exception e = routeStartFailure("halo:tickets/get");

        // then the error names the missing option
        assertMentions(chain(e), "clientSecret is required", "client_credentials");
    }

    @Test
    void aMissingClientIdFailsTheRouteNamingTheOption() {
        // given a component configured without a client id
        context.getComponent("halo", HaloComponent.class).getConfiguration().setClientId(" ");

        // when a route sends to Halo
        Exception e = routeStartFailure("halo:tickets/get");

        // then the error names the missing option and where to find it
        assertMentions(chain(e), "clientId is required", "Halo API");
    }

    @Test
    void aMissingBaseUrlFailsTheRouteNamingTheOption() {
        // given a component configured without a base URL
        context.getComponent("halo", HaloComponent.class).getConfiguration().setBaseUrl(null);

        // when a route sends to Halo
        Exception e = routeStartFailure("halo:tickets/get");

        // then the error names the option with an example
        assertMentions(chain(e), "baseUrl is required", "https://acme.haloitsm.com");
    }

    static Stream<Arguments> badExchanges() {
        return Stream.of(
                arguments("resource header unknown", "halo:tickets/get", null,
                        Map.of(HaloConstants.RESOURCE, "tikets", HaloConstants.ID, 5), List.of("'tikets'", "tickets")),
                arguments("operation header unknown", "halo:tickets/get", null,
                        Map.of(HaloConstants.OPERATION, "fetch", HaloConstants.ID, 5),
                        List.of("'fetch'", "create, update, get, list, delete")),
                arguments("get without id", "halo:tickets/get", null, Map.of(),
                        List.of("No record id", HaloConstants.ID, "option id")),
                arguments("delete without id", "halo:tickets/delete", null, Map.of(),
                        List.of("No record id", HaloConstants.ID)),
                arguments("id not a number", "halo:tickets/get", null, Map.of(HaloConstants.ID, "abc"),
                        List.of("'abc'", "header CamelHaloId", "positive whole number")),
                arguments("negative id", "halo:tickets/get", null, Map.of(HaloConstants.ID, "-5"),
                        List.of("'-5'", "positive whole number")),
                arguments("negative numeric id", "halo:tickets/delete", null, Map.of(HaloConstants.ID, -5L),
                        List.of("'-5'", "positive whole number")),
                arguments("id with a path in it", "halo:tickets/get", null, Map.of(HaloConstants.ID, "1/../2"),
                        List.of("'1/../2'", "positive whole number")),
                arguments("zero id", "halo:tickets/get", null, Map.of(HaloConstants.ID, 0),
                        List.of("'0'", "positive whole number")),
                arguments("fractional id", "halo:tickets/get", null, Map.of(HaloConstants.ID, 1.5d),
                        List.of("'1.5'", "positive whole number")),
                arguments("update with no id anywhere", "halo:tickets/update", Map.of("summary", "x"), Map.of(),
                        List.of("update", "no id", "would create a new record", "nothing was sent")),
                arguments("update list element without id", "halo:tickets/update",
                        List.of(Map.of("id", 1, "summary", "a"), Map.of("summary", "b")), Map.of(),
                        List.of("record 1 of the body has no id")),
                arguments("update ids disagree", "halo:tickets/update", Map.of("id", 8, "summary", "x"),
                        Map.of(HaloConstants.ID, 9), List.of("8", "9", "differs")),
                arguments("update with a bad id in the body", "halo:tickets/update", Map.of("id", "x1"), Map.of(),
                        List.of("'x1'", "field 'id'")),
                arguments("create with an id", "halo:tickets/create", Map.of("id", 5, "summary", "x"), Map.of(),
                        List.of("create", "has id 5", "use operation update")),
                arguments("actions get without ticket id", "halo:actions/get", null, Map.of(HaloConstants.ID, 3),
                        List.of("get of actions needs the ticket id", HaloConstants.TICKET_ID, "ticketId")),
                arguments("actions list without ticket id", "halo:actions/list", null, Map.of(),
                        List.of("list of actions needs the ticket id")),
                arguments("actions delete without ticket id", "halo:actions/delete", null, Map.of(HaloConstants.ID, 3),
                        List.of("delete of actions needs the ticket id")),
                arguments("attachments list without ticket id", "halo:attachments/list", null, Map.of(),
                        List.of("list of attachments needs the ticket id")),
                arguments("ticket id not a number", "halo:actions/get", null,
                        Map.of(HaloConstants.ID, 3, HaloConstants.TICKET_ID, "abc"),
                        List.of("'abc'", "header CamelHaloTicketId")),
                arguments("body is an Integer", "halo:tickets/create", 42, Map.of(),
                        List.of("Integer", "42", "not a record", "Map, a JSON object or a POJO")),
                arguments("body is text, not JSON", "halo:tickets/create", "printer on fire", Map.of(),
                        List.of("'printer on fire'", "not a JSON object or array")),
                arguments("body is broken JSON", "halo:tickets/create", "{\"summary\": ", Map.of(),
                        List.of("not valid JSON", "{\"summary\":")),
                arguments("body Jackson cannot write", "halo:tickets/create", new SelfReferencing(), Map.of(),
                        List.of(SelfReferencing.class.getName(), "cannot be written as JSON")),
                arguments("no body", "halo:tickets/create", null, Map.of(), List.of("body is empty")),
                arguments("empty list body", "halo:tickets/create", List.of(), Map.of(), List.of("empty list")),
                arguments("list of numbers", "halo:tickets/create", List.of(1, 2), Map.of(),
                        List.of("record 0 of the body", "not a record")),
                arguments("unsafe query header name", "halo:tickets/list", null,
                        Map.of(HaloConstants.QUERY, Map.of("open_only&x", true)),
                        List.of("'open_only&x'", "header CamelHaloQuery", "letters, digits")),
                arguments("paging parameter in query header", "halo:tickets/list", null,
                        Map.of(HaloConstants.QUERY, Map.of("pageinate", false)),
                        List.of("'pageinate'", "pageSize and maxResults")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badExchanges")
    void aBadMessageFailsTheExchangeNamingTheValueAndWhatIsAllowed(
            String why, String uri, Object body,
            Map<String, Object> headers, List<String> fragments) {
        // given a Halo that would answer anything (it must not be asked)
        stubToken();

        // when the route sends a message Halo cannot take
        IllegalArgumentException e = failure(send(uri, body, headers), IllegalArgumentException.class);

        // then the exchange fails saying what is wrong and what is allowed
        assertMentions(e.getMessage(), fragments.toArray(String[]::new));
    }

    /** A body Jackson cannot serialise: it refers to itself. */
    public static final class SelfReferencing {
        public SelfReferencing getSelf() {
            return this;
        }

        @Override
        public String toString() {
            return "SelfReferencing";
        }
    }
}
