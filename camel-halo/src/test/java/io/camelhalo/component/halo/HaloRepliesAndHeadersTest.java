package io.camelhalo.component.halo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * What the route sees of Halo's replies to writes (one record, a list, Halo's object-for-array answers), the bodies it
 * may send (Map, JSON text, POJO, List), and the headers that change one exchange's target and query.
 */
class HaloRepliesAndHeadersTest extends HaloTestSupport {

    @RegisterExtension
    static WireMockExtension halo = newHalo();

    @Override
    protected WireMockExtension halo() {
        return halo;
    }

    @Test
    void creatingOneRecordGivesTheSavedRecordAndItsId() {
        // given a Halo that saves a ticket as id 101
        stubToken();
        halo.stubFor(post(urlEqualTo("/api/Tickets")).willReturn(okJson(
                "{\"id\":101,\"summary\":\"Printer on fire\",\"status_id\":1}")));

        // when the route creates one ticket from a Map
        Exchange exchange = succeeded(send("halo:tickets/create", Map.of("summary", "Printer on fire")));

        // then the body is the saved record and the id header its id
        assertEquals(Map.of("id", 101L, "summary", "Printer on fire", "status_id", 1L),
                exchange.getMessage().getBody(Map.class));
        assertEquals(101L, exchange.getMessage().getHeader(HaloConstants.ID));
    }

    @Test
    void aOneRecordWriteAnsweredWithAnArrayStillGivesOneRecord() {
        // given a Halo that answers an array for one record
        stubToken();
        halo.stubFor(post(urlEqualTo("/api/Client")).willReturn(okJson("[{\"id\":12,\"name\":\"Acme\"}]")));

        // when the route creates one client
        Exchange exchange = succeeded(send("halo:clients/create", Map.of("name", "Acme")));

        // then the body is that one record, not a list
        assertEquals(Map.of("id", 12L, "name", "Acme"), exchange.getMessage().getBody());
        assertEquals(12L, exchange.getMessage().getHeader(HaloConstants.ID));
    }

    @Test
    void writingAListGivesAListAndTheListOfIds() {
        // given a Halo that saves two tickets
        stubToken();
        halo.stubFor(post(urlEqualTo("/api/Tickets")).willReturn(okJson(
                "[{\"id\":201,\"summary\":\"a\"},{\"id\":202,\"summary\":\"b\"}]")));

        // when the route creates a List of two
        Exchange exchange = succeeded(send("halo:tickets/create", List.of(Map.of("summary", "a"), Map.of("summary", "b"))));

        // then Halo got both in one array, and the route a List and a List of ids
        halo.verify(postRequestedFor(urlEqualTo("/api/Tickets"))
                .withRequestBody(equalToJson("[{\"summary\":\"a\"},{\"summary\":\"b\"}]")));
        assertEquals(List.of(Map.of("id", 201L, "summary", "a"), Map.of("id", 202L, "summary", "b")),
                exchange.getMessage().getBody());
        assertEquals(List.of(201L, 202L), exchange.getMessage().getHeader(HaloConstants.ID));
    }

    @Test
    void aOneElementListAnsweredWithAnObjectIsNormalisedToAList() {
        // given a Halo that answers the saved object for a one-element array
        stubToken();
        halo.stubFor(post(urlEqualTo("/api/Tickets")).willReturn(okJson("{\"id\":301,\"summary\":\"only\"}")));

        // when the route writes a List of one
        Exchange exchange = succeeded(send("halo:tickets/create", List.of(Map.of("summary", "only"))));

        // then the route still sees a List, and a List of ids
        assertEquals(List.of(Map.of("id", 301L, "summary", "only")), exchange.getMessage().getBody());
        assertEquals(List.of(301L), exchange.getMessage().getHeader(HaloConstants.ID));
    }

    @Test
    void updatingAListSendsEveryId() {
        // given a Halo that saves two tickets
        stubToken();
        halo.stubFor(post(urlEqualTo("/api/Tickets")).willReturn(okJson("[{\"id\":1},{\"id\":2}]")));

        // when the route updates a List whose records carry their ids (one as text)
        succeeded(send("halo:tickets/update", List.of(Map.of("id", 1, "status_id", 9), Map.of("id", "2", "status_id", 9))));

        // then the array carries both ids as numbers
        halo.verify(postRequestedFor(urlEqualTo("/api/Tickets"))
                .withRequestBody(equalToJson("[{\"id\":1,\"status_id\":9},{\"id\":2,\"status_id\":9}]")));
    }

    @Test
    void updateTakesTheIdFromTheBodyWhenNoHeaderGivesOne() {
        // given a Halo with ticket 55
        stubToken();
        halo.stubFor(post(urlEqualTo("/api/Tickets")).willReturn(okJson("{\"id\":55,\"status_id\":9}")));

        // when the route updates with the id in the body
        Exchange exchange = succeeded(send("halo:tickets/update", Map.of("id", 55, "status_id", 9)));

        // then Halo got it as an update, and the header says which
        halo.verify(postRequestedFor(urlEqualTo("/api/Tickets"))
                .withRequestBody(equalToJson("[{\"id\":55,\"status_id\":9}]")));
        assertEquals(55L, exchange.getMessage().getHeader(HaloConstants.ID));
    }

    @Test
    void updateTakesTheIdFromTheOption() {
        // given a Halo with ticket 56
        stubToken();
        halo.stubFor(post(urlEqualTo("/api/Tickets")).willReturn(okJson("{\"id\":56}")));

        // when the route updates with option id
        succeeded(send("halo:tickets/update?id=56", Map.of("status_id", 9)));

        // then the array element carries it
        halo.verify(postRequestedFor(urlEqualTo("/api/Tickets"))
                .withRequestBody(equalToJson("[{\"status_id\":9,\"id\":56}]")));
    }

    @Test
    void theIdHeaderWinsOverTheIdOption() {
        // given a Halo with tickets
        stubToken();
        halo.stubFor(get(urlPathMatching("/api/Tickets/.*")).willReturn(okJson("{\"id\":8}")));

        // when the route gets with both an option and a header
        succeeded(send("halo:tickets/get?id=7", null, headers(HaloConstants.ID, "8")));

        // then the header's record was asked for
        assertEquals(List.of("/api/Tickets/8"), apiRequests().stream().map(LoggedRequest::getUrl).toList());
    }

    @Test
    void aJsonStringBodyIsSentAsTheRecord() {
        // given a Halo accepting tickets
        stubToken();
        halo.stubFor(post(urlEqualTo("/api/Tickets")).willReturn(okJson("{\"id\":401}")));

        // when the route sends JSON text (as from a file or an HTTP consumer)
        succeeded(send("halo:tickets/create", "{\"summary\":\"from json\",\"priority_id\":2}"));

        // then Halo got it wrapped in an array
        halo.verify(postRequestedFor(urlEqualTo("/api/Tickets"))
                .withRequestBody(equalToJson("[{\"summary\":\"from json\",\"priority_id\":2}]")));
    }

    @Test
    void aJsonArrayStringIsSentAsManyRecords() {
        // given a Halo accepting tickets
        stubToken();
        halo.stubFor(post(urlEqualTo("/api/Tickets")).willReturn(okJson("[{\"id\":1},{\"id\":2}]")));

        // when the route sends a JSON array as bytes
        Exchange exchange = succeeded(send("halo:tickets/create",
                "[{\"summary\":\"a\"},{\"summary\":\"b\"}]".getBytes(StandardCharsets.UTF_8)));

        // then both records went in one array and the reply is a List
        halo.verify(postRequestedFor(urlEqualTo("/api/Tickets"))
                .withRequestBody(equalToJson("[{\"summary\":\"a\"},{\"summary\":\"b\"}]")));
        assertEquals(List.of(1L, 2L), exchange.getMessage().getHeader(HaloConstants.ID));
    }

    @Test
    void aPojoBodyIsWrittenWithItsProperties() {
        // given a Halo accepting actions
        stubToken();
        halo.stubFor(post(urlEqualTo("/api/Actions")).willReturn(okJson("{\"id\":9,\"ticket_id\":100}")));

        // when the route sends a POJO note, with the ticket id in a header
        Note note = new Note();
        note.note = "Called the customer";
        note.outcome_id = 3;
        succeeded(send("halo:actions/create", note, headers(HaloConstants.TICKET_ID, 100)));

        // then Halo got its fields and the ticket id
        halo.verify(postRequestedFor(urlEqualTo("/api/Actions")).withRequestBody(equalToJson(
                "[{\"note\":\"Called the customer\",\"outcome_id\":3,\"ticket_id\":100}]")));
    }

    @Test
    void aTicketIdInTheActionBodyIsKept() {
        // given a Halo accepting actions
        stubToken();
        halo.stubFor(post(urlEqualTo("/api/Actions")).willReturn(okJson("{\"id\":9}")));

        // when the body names its ticket and the header another
        succeeded(send("halo:actions/create", Map.of("note", "x", "ticket_id", 5), headers(HaloConstants.TICKET_ID, 6)));

        // then the body's ticket wins
        halo.verify(postRequestedFor(urlEqualTo("/api/Actions"))
                .withRequestBody(equalToJson("[{\"note\":\"x\",\"ticket_id\":5}]")));
    }

    @Test
    void resourceAndOperationHeadersRetargetOneExchangeOnly() {
        // given a Halo answering everything
        stubToken();
        halo.stubFor(any(urlPathMatching("/api/.*")).willReturn(okJson("{\"id\":5}")));
        String uri = "halo:tickets/get?id=5";

        // when one exchange carries overrides and the next does not
        succeeded(send(uri, null, headers(HaloConstants.RESOURCE, "clients", HaloConstants.OPERATION, "delete")));
        succeeded(send(uri, null, headers(HaloConstants.RESOURCE, "KBArticles")));
        succeeded(send(uri, null));

        // then the first deleted a client, the second read an article, the third what the URI says
        assertEquals(List.of("DELETE /api/Client/5", "GET /api/KBArticle/5", "GET /api/Tickets/5"),
                apiRequests().stream().map(r -> r.getMethod().getName() + " " + r.getUrl()).toList());
    }

    @Test
    void anOperationHeaderCanTurnAGetIntoAList() {
        // given a Halo with users
        stubToken();
        halo.stubFor(get(urlPathEqualTo("/api/Users")).willReturn(okJson("{\"record_count\":1,\"users\":[{\"id\":3}]}")));

        // when the header asks for a list
        Exchange exchange = succeeded(send("halo:users/get", null, headers(HaloConstants.OPERATION, "list")));

        // then the route got the list
        assertEquals(List.of(Map.of("id", 3L)), exchange.getMessage().getBody());
        assertEquals(1, exchange.getMessage().getHeader(HaloConstants.RECORD_COUNT));
    }

    @Test
    void queryOptionsAreSentAndTheQueryHeaderAddsToAndOverridesThem() {
        // given a Halo with tickets
        stubToken();
        halo.stubFor(get(urlPathEqualTo("/api/Tickets")).willReturn(okJson("{\"record_count\":0,\"tickets\":[]}")));

        // when the route lists with query options, and a header overriding one and adding one (needing encoding)
        succeeded(send("halo:tickets/list?query.open_only=true&query.client_id=12", null,
                headers(HaloConstants.QUERY, Map.of("client_id", 99, "search", "a&b=c d/é"))));

        // then Halo got the merged filters, decoded back to what was set
        assertEquals(Map.of("open_only", "true", "client_id", "99", "search", "a&b=c d/é",
                "pageinate", "true", "page_size", "100", "page_no", "1"), query(apiRequests().get(0)));
    }

    @Test
    void queryOptionsGoOnGetAndDeleteButNotOnWrites() {
        // given a Halo answering everything
        stubToken();
        halo.stubFor(any(urlPathMatching("/api/.*")).willReturn(okJson("{\"id\":5}")));

        // when the route gets, deletes and creates with query options
        succeeded(send("halo:tickets/get?id=5&query.includedetails=true", null));
        succeeded(send("halo:tickets/delete?id=5&query.reason=duplicate", null));
        succeeded(send("halo:tickets/create?query.includedetails=true", Map.of("summary", "x")));

        // then get and delete carried them, the write went to the bare path
        assertEquals(List.of("GET /api/Tickets/5?includedetails=true", "DELETE /api/Tickets/5?reason=duplicate",
                "POST /api/Tickets"),
                apiRequests().stream().map(r -> r.getMethod().getName() + " " + r.getUrl()).toList());
    }

    @Test
    void aTicketIdGivenAsQueryParameterIsAcceptedForActions() {
        // given a Halo with actions
        stubToken();
        halo.stubFor(get(urlPathEqualTo("/api/Actions")).willReturn(okJson("{\"actions\":[{\"id\":1}]}")));

        // when the ticket id comes as a query option instead of the header
        succeeded(send("halo:actions/list?query.ticket_id=77", null));

        // then Halo got it once
        assertEquals(Map.of("ticket_id", "77"), query(apiRequests().get(0)));
    }

    @Test
    void theTicketIdOptionServesActionGets() {
        // given a Halo with action 3 of ticket 77
        stubToken();
        halo.stubFor(get(urlPathEqualTo("/api/Actions/3")).willReturn(okJson("{\"id\":3,\"ticket_id\":77}")));

        // when the route gets it with the options
        Exchange exchange = succeeded(send("halo:actions/get?id=3&ticketId=77", null));

        // then the request carried the ticket id
        assertEquals("/api/Actions/3?ticket_id=77", apiRequests().get(0).getUrl());
        assertEquals(3L, exchange.getMessage().getHeader(HaloConstants.ID));
    }

    @Test
    void aDeleteAnsweredWithJsonGivesThatJson() {
        // given a Halo answering a delete with a small JSON object
        stubToken();
        halo.stubFor(any(urlPathEqualTo("/api/Tickets/5")).willReturn(okJson("{\"deleted\":true}")));

        // when the route deletes
        Exchange exchange = succeeded(send("halo:tickets/delete?id=5", null));

        // then the body is that reply
        assertEquals(Map.of("deleted", true), exchange.getMessage().getBody());
    }

    @Test
    void aWriteAnsweredWithNoBodyGivesNoRecord() {
        // given a Halo answering a create with 204
        stubToken();
        halo.stubFor(post(urlEqualTo("/api/Tickets")).willReturn(aResponse().withStatus(204)));

        // when the route creates a ticket
        Exchange exchange = succeeded(send("halo:tickets/create", Map.of("summary", "x")));

        // then there is no record and no id
        assertNull(exchange.getMessage().getBody());
        assertNull(exchange.getMessage().getHeader(HaloConstants.ID));
    }

    /** A POJO body, as a route might build one. */
    public static final class Note {
        public String note;
        @SuppressWarnings("checkstyle:MemberName")
        public int outcome_id;
    }
}
