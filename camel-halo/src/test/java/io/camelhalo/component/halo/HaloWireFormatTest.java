package io.camelhalo.component.halo;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelhalo.component.halo.api.HaloOperation;
import io.camelhalo.component.halo.api.HaloResource;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wire format of every operation on every resource: given a Halo that accepts anything, when the route sends one
 * operation, then Halo received exactly the request its API expects (method, path, query, JSON array body, bearer
 * token, Accept) after one form-encoded token request, and the route saw the reply in the documented shape.
 */
class HaloWireFormatTest extends HaloTestSupport {

    @RegisterExtension
    static WireMockExtension halo = newHalo();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long ID = 42;
    private static final long TICKET_ID = 7;

    @Override
    protected WireMockExtension halo() {
        return halo;
    }

    static Stream<Arguments> everyResourceAndOperation() {
        return Arrays.stream(HaloResource.values())
                .flatMap(r -> Arrays.stream(HaloOperation.values()).map(op -> Arguments.of(r, op)));
    }

    @Test
    void theResourceTableHasTheDocumentedResources() {
        // given the API notes' resource table (copied to the test resources)
        Set<String> documented = HaloResourceFacts.all().keySet();

        // when the component's table is read
        Set<String> table = Arrays.stream(HaloResource.values()).map(HaloResource::uriName).collect(Collectors.toSet());

        // then both name the same 22 resources, and the operations are the five of every resource
        // (HaloOpenApiPathsTest checks that Halo's description has the paths of all five for each)
        assertEquals(documented, table);
        assertEquals(22, table.size());
        assertEquals(Set.of("create", "update", "get", "list", "delete"),
                Arrays.stream(HaloOperation.values()).map(HaloOperation::uriName).collect(Collectors.toSet()));
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("everyResourceAndOperation")
    void sendsWhatHaloExpects(HaloResource resource, HaloOperation operation) throws Exception {
        // given a Halo that issues a token and answers every API call the way it does for this resource
        HaloResourceFacts facts = HaloResourceFacts.of(resource);
        stubToken();
        halo.stubFor(any(urlPathMatching("/api/.*")).willReturn(reply(facts, operation)));
        Map<String, Object> headers = new LinkedHashMap<>();
        if (operation == HaloOperation.GET || operation == HaloOperation.UPDATE || operation == HaloOperation.DELETE) {
            headers.put(HaloConstants.ID, ID);
        }
        if (facts.needsTicketId(operation)) {
            headers.put(HaloConstants.TICKET_ID, TICKET_ID);
        }
        boolean write = operation == HaloOperation.CREATE || operation == HaloOperation.UPDATE;
        Object body = write ? Map.of("name", "wire test") : null;

        // when the route sends the operation
        Exchange exchange = succeeded(send("halo:" + resource.uriName() + "/" + operation.uriName(), body, headers));

        // then Halo got one token request, form-encoded with the client credentials
        assertEquals(1, tokenRequests().size(), "token requests");
        assertTokenRequest(tokenRequests().get(0), clientCredentialsForm());

        // and exactly one API request in Halo's wire format
        List<LoggedRequest> api = apiRequests();
        assertEquals(1, api.size(), () -> "API requests: " + api.stream().map(LoggedRequest::getUrl).toList());
        LoggedRequest request = api.get(0);
        assertEquals(expectedMethod(operation), request.getMethod().getName());
        assertEquals(expectedPath(facts, operation), path(request));
        assertEquals(expectedQuery(facts, operation), query(request));
        assertEquals("Bearer " + ACCESS_TOKEN, request.getHeader("Authorization"));
        assertEquals("application/json", request.getHeader("Accept"));
        if (write) {
            assertTrue(request.getHeader("Content-Type").startsWith("application/json"), request.getHeader("Content-Type"));
            String expectedBody = operation == HaloOperation.CREATE
                    ? "[{\"name\":\"wire test\"}]" : "[{\"name\":\"wire test\",\"id\":42}]";
            JsonNode sent = JSON.readTree(request.getBodyAsString());
            assertTrue(sent.isArray(), "POST body must be a JSON array: " + request.getBodyAsString());
            assertEquals(JSON.readTree(expectedBody), sent);
        } else {
            assertEquals("", request.getBodyAsString());
        }

        // and the route saw the reply in the documented shape
        Message out = exchange.getMessage();
        switch (operation) {
            case CREATE, UPDATE, GET -> {
                assertEquals(Map.of("id", ID, "name", "wire test"), out.getBody(Map.class));
                assertEquals(ID, out.getHeader(HaloConstants.ID));
            }
            case DELETE -> {
                assertNull(out.getBody());
                assertEquals(ID, out.getHeader(HaloConstants.ID));
            }
            case LIST -> {
                assertEquals(List.of(Map.of("id", 1L, "name", "one"), Map.of("id", 2L, "name", "two")),
                        out.getBody(List.class));
                assertEquals(2, out.getHeader(HaloConstants.RECORD_COUNT));
            }
            default -> throw new IllegalStateException(operation.name());
        }
    }

    private static ResponseDefinitionBuilder reply(HaloResourceFacts facts, HaloOperation operation) {
        return switch (operation) {
            case CREATE, UPDATE, GET -> okJson("{\"id\":42,\"name\":\"wire test\"}");
            case DELETE -> aResponse().withStatus(200);
            case LIST -> {
                String records = "[{\"id\":1,\"name\":\"one\"},{\"id\":2,\"name\":\"two\"}]";
                // an enveloped reply also carries another array, so only the right key gives the right records
                yield okJson(facts.envelopeKey() == null
                        ? records
                        : "{\"record_count\":2,\"columns\":[{\"id\":999}],\"" + facts.envelopeKey() + "\":" + records + "}");
            }
        };
    }

    private static String expectedMethod(HaloOperation operation) {
        return switch (operation) {
            case CREATE, UPDATE -> "POST";
            case GET, LIST -> "GET";
            case DELETE -> "DELETE";
        };
    }

    private static String expectedPath(HaloResourceFacts facts, HaloOperation operation) {
        return switch (operation) {
            case CREATE, UPDATE, LIST -> "/api/" + facts.path();
            case GET, DELETE -> "/api/" + facts.path() + "/" + ID;
        };
    }

    private static Map<String, String> expectedQuery(HaloResourceFacts facts, HaloOperation operation) {
        Map<String, String> query = new LinkedHashMap<>();
        if (facts.needsTicketId(operation)) {
            query.put("ticket_id", String.valueOf(TICKET_ID));
        }
        if (operation == HaloOperation.LIST && facts.paginated()) {
            query.put("pageinate", "true");
            query.put("page_size", "100");
            query.put("page_no", "1");
        }
        return query;
    }
}
