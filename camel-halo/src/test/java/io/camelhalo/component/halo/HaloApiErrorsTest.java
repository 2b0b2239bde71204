package io.camelhalo.component.halo;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camelhalo.component.halo.error.HaloApiException;
import io.camelhalo.component.halo.error.HaloIOException;
import io.camelhalo.component.halo.error.HaloNotFoundException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Halo's error replies: each becomes a HaloApiException carrying status, method, path, Halo's body and Halo's own
 * message, whatever shape the body has; or, with throwExceptionOnFailure=false, the status header and Halo's body.
 */
class HaloApiErrorsTest extends HaloTestSupport {

    private static final String CAB_ERROR
            = "{\"ClassName\":\"Halo.Exceptions.HaloException\",\"Message\":\"CODE:APP03/2 Please select the CAB members\"}";

    @RegisterExtension
    static WireMockExtension halo = newHalo();

    @Override
    protected WireMockExtension halo() {
        return halo;
    }

    @Override
    protected void configure(HaloConfiguration configuration) {
        // fail fast: these tests are about the errors, not the waits before them
        configuration.setRetryDelay(10);
        configuration.setMaxRateLimitWait(300);
    }

    @Test
    void notFoundCarriesStatusMethodPathAndBody() {
        // given a Halo without ticket 999
        stubToken();
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/999")).willReturn(aResponse().withStatus(404)
                .withHeader("X-Request-Id", "req-42").withBody("{\"Message\":\"Ticket 999 not found\"}")));

        // when the route gets it
        HaloApiException e = failure(send("halo:tickets/get", null, headers(HaloConstants.ID, 999)),
                HaloNotFoundException.class);

        // then the exception says what was asked and what Halo answered, as camel-http's does
        assertEquals(404, e.getStatusCode());
        assertEquals(404, e.getHttpResponseCode());
        assertEquals("Not Found", e.getHttpResponseStatus());
        assertEquals(List.of("req-42"), e.getResponseHeaders().get("x-request-id"));
        assertEquals("GET", e.getMethod());
        assertEquals("/api/Tickets/999", e.getPath());
        assertEquals("{\"Message\":\"Ticket 999 not found\"}", e.getResponseBody());
        assertEquals("Ticket 999 not found", e.getHaloMessage());
        assertMentions(e.getMessage(), "HTTP 404", "GET /api/Tickets/999", "Ticket 999 not found");
        assertFalse(e.isTokenRequest());
    }

    @Test
    void aValidationErrorCarriesHalosMessage() {
        // given a ticket type that needs CAB members
        stubToken();
        halo.stubFor(post(urlPathEqualTo("/api/Tickets")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(CAB_ERROR)));

        // when the route creates a ticket without them
        HaloApiException e = failure(send("halo:tickets/create", Map.of("summary", "change", "tickettype_id", 3)),
                HaloApiException.class);

        // then Halo's own message is in the exception and in its text
        assertEquals(400, e.getStatusCode());
        assertEquals("POST", e.getMethod());
        assertEquals("/api/Tickets", e.getPath());
        assertEquals("CODE:APP03/2 Please select the CAB members", e.getHaloMessage());
        assertEquals(CAB_ERROR, e.getResponseBody());
        assertMentions(e.getMessage(), "HTTP 400", "POST /api/Tickets", "CODE:APP03/2 Please select the CAB members");
    }

    @Test
    void aPlainTextErrorBodyIsQuoted() {
        // given a Halo answering a plain-text 400
        stubToken();
        halo.stubFor(get(urlPathEqualTo("/api/Client/5")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "text/plain").withBody("For field ID, the value 'x' is invalid")));

        // when the route gets a client
        HaloApiException e = failure(send("halo:clients/get?id=5", null), HaloApiException.class);

        // then the text is Halo's message
        assertEquals("For field ID, the value 'x' is invalid", e.getHaloMessage());
        assertMentions(e.getMessage(), "HTTP 400", "For field ID, the value 'x' is invalid");
    }

    @Test
    void anOAuthStyleErrorUsesItsDescription() {
        // given an error in the {"error","error_description"} shape
        stubToken();
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/5")).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"bad_request\",\"error_description\":\"Unknown filter\"}")));

        // when the route gets the ticket
        HaloApiException e = failure(send("halo:tickets/get?id=5", null), HaloApiException.class);

        // then the description is the message
        assertEquals("Unknown filter", e.getHaloMessage());
    }

    @Test
    void aForbiddenReplyAdvisesOnPermissionsAndScopes() {
        // given an agent without permission
        stubToken();
        halo.stubFor(delete(urlPathEqualTo("/api/Invoice/5")).willReturn(aResponse().withStatus(403)
                .withBody("You do not have access to delete Invoices")));

        // when the route deletes an invoice
        HaloApiException e = failure(send("halo:invoices/delete?id=5", null), HaloApiException.class);

        // then the exception quotes Halo and explains
        assertEquals(403, e.getStatusCode());
        assertEquals("DELETE", e.getMethod());
        assertMentions(e.getMessage(), "You do not have access to delete Invoices", "permission", "scope");
    }

    @Test
    void aChunkedReplyLargerThanMaxResponseSizeIsCutOffAsItArrives() {
        // given a Halo answering a large body in chunks, without a Content-Length to check up front
        stubToken();
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/5")).willReturn(aResponse().withStatus(200)
                .withBody("{\"id\":5,\"details\":\"" + "x".repeat(20_000) + "\"}").withChunkedDribbleDelay(20, 100)));

        // when the route gets the ticket with a 4 KiB limit
        HaloApiException e = failure(send("halo:tickets/get?id=5&maxResponseSize=4096", null), HaloIOException.class);

        // then it fails on the limit, naming it
        assertMentions(e.getMessage(), "maxResponseSize", "4096");
    }

    @Test
    void aRateLimitReplySaysSo() {
        // given a Halo over its rate limit
        stubToken();
        halo.stubFor(get(urlPathEqualTo("/api/Tickets")).willReturn(aResponse().withStatus(429)
                .withBody("Rate Limit Reached")));

        // when the route lists tickets
        HaloApiException e = failure(send("halo:tickets/list", null), HaloApiException.class);

        // then the exception says which limit
        assertEquals(429, e.getStatusCode());
        assertMentions(e.getMessage(), "Rate Limit Reached", "rate limit");
        assertMentions(e.getPath(), "/api/Tickets", "page_no=1");
    }

    @Test
    void anHtmlErrorPageIsNotTakenForHalosMessage() {
        // given a gateway error page in front of Halo
        stubToken();
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/5")).willReturn(aResponse().withStatus(502)
                .withBody("<html><body><h1>502 Bad Gateway</h1></body></html>")));

        // when the route gets a ticket
        HaloApiException e = failure(send("halo:tickets/get?id=5", null), HaloApiException.class);

        // then there is no Halo message, but the status and the page are kept
        assertEquals(502, e.getStatusCode());
        assertNull(e.getHaloMessage());
        assertMentions(e.getResponseBody(), "502 Bad Gateway");
        assertMentions(e.getMessage(), "HTTP 502", "HTML error page");
    }

    @Test
    void aMalformedJsonReplyToAGetQuotesTheStartOfTheBody() {
        // given a Halo answering 200 with broken JSON
        stubToken();
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/5")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\": 5, \"summary\": \"printer")));

        // when the route gets the ticket
        HaloApiException e = failure(send("halo:tickets/get?id=5", null), HaloApiException.class);

        // then the error is an unusable reply, not an error status, and quotes the start of the body
        assertTrue(e.isUnusableReply());
        assertFalse(e.isErrorReply());
        assertEquals(0, e.getStatusCode(), "Halo's 200 is no error status a route could act on");
        assertMentions(e.getMessage(), "not valid JSON", "it starts: {\"id\": 5, \"summary\": \"printer");
        assertEquals("{\"id\": 5, \"summary\": \"printer", e.getResponseBody());
    }

    @Test
    void aMalformedJsonListPageIsAnErrorNotAnEmptyList() {
        // given a Halo answering a list page that is not JSON
        stubToken();
        halo.stubFor(get(urlPathEqualTo("/api/Tickets")).willReturn(okJson("tickets: 1, 2, 3")));

        // when the route lists tickets
        HaloApiException e = failure(send("halo:tickets/list", null), HaloApiException.class);

        // then the error quotes the body
        assertMentions(e.getMessage(), "not valid JSON", "tickets: 1, 2, 3");
    }

    @Test
    void aMalformedJsonReplyToAWriteIsAnError() {
        // given a Halo answering a create with text
        stubToken();
        halo.stubFor(post(urlPathEqualTo("/api/Tickets")).willReturn(aResponse().withStatus(201).withBody("Saved!")));

        // when the route creates a ticket
        HaloApiException e = failure(send("halo:tickets/create", Map.of("summary", "x")), HaloApiException.class);

        // then the error quotes the reply
        assertMentions(e.getMessage(), "POST /api/Tickets", "not valid JSON", "Saved!");
    }

    @Test
    void withoutExceptionsTheStatusAndHalosJsonBodyComeBack() {
        // given the CAB error again
        stubToken();
        halo.stubFor(post(urlPathEqualTo("/api/Tickets")).willReturn(aResponse().withStatus(400).withBody(CAB_ERROR)));

        // when the route creates with throwExceptionOnFailure=false
        Exchange exchange = succeeded(send("halo:tickets/create?throwExceptionOnFailure=false", Map.of("summary", "c")));

        // then the route sees the status and Halo's body, no exception
        assertEquals(400, exchange.getMessage().getHeader(HaloConstants.HTTP_RESPONSE_CODE));
        assertEquals(Map.of("ClassName", "Halo.Exceptions.HaloException",
                "Message", "CODE:APP03/2 Please select the CAB members"), exchange.getMessage().getBody(Map.class));
    }

    @Test
    void withoutExceptionsAPlainTextBodyComesBackAsText() {
        // given a plain-text 404
        stubToken();
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/9")).willReturn(aResponse().withStatus(404)
                .withBody("Ticket not found")));

        // when the route gets it with throwExceptionOnFailure=false
        Exchange exchange = succeeded(send("halo:tickets/get?id=9&throwExceptionOnFailure=false", null));

        // then the status and the text
        assertEquals(404, exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
        assertEquals("Ticket not found", exchange.getMessage().getBody());
    }

    @Test
    void withoutExceptionsAListErrorComesBackToo() {
        // given a list that Halo refuses
        stubToken();
        halo.stubFor(get(urlPathEqualTo("/api/Tickets")).willReturn(aResponse().withStatus(403)
                .withBody("{\"Message\":\"You do not have access to tickets\"}")));

        // when the route lists with throwExceptionOnFailure=false
        Exchange exchange = succeeded(send("halo:tickets/list?throwExceptionOnFailure=false", null));

        // then the status and Halo's body
        assertEquals(403, exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
        assertEquals(Map.of("Message", "You do not have access to tickets"), exchange.getMessage().getBody(Map.class));
    }

    @Test
    void withoutExceptionsASuccessCarriesItsStatusToo() {
        // given a Halo with ticket 5
        stubToken();
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/5")).willReturn(okJson("{\"id\":5}")));

        // when the route gets it with throwExceptionOnFailure=false
        Exchange exchange = succeeded(send("halo:tickets/get?id=5&throwExceptionOnFailure=false", null));

        // then the status header is 200 and the body the record
        assertEquals(200, exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
        assertEquals(Map.of("id", 5L), exchange.getMessage().getBody(Map.class));
    }

    @Test
    void aServerErrorIsTheBaseExceptionForAnyErrorHandler() {
        // given a Halo failing with 500
        stubToken();
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/3")).willReturn(aResponse().withStatus(500).withBody("boom")));

        // when the route gets a ticket
        HaloApiException e = failure(send("halo:tickets/get?id=3", null), HaloApiException.class);

        // then it is no narrower kind a route might mistake it for
        assertEquals(HaloApiException.class, e.getClass());
        assertEquals(500, e.getStatusCode());
    }

    @Test
    void withoutExceptionsNoReplyAtAllStillFails() {
        // given a Halo that drops the connection on a create
        stubToken();
        halo.stubFor(post(urlPathEqualTo("/api/Tickets"))
                .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));

        // when the route creates with throwExceptionOnFailure=false
        Exchange exchange = send("halo:tickets/create?throwExceptionOnFailure=false", Map.of("summary", "c"));

        // then it fails: there is no reply to hand over, and the create may have been applied
        HaloIOException e = failure(exchange, HaloIOException.class);
        assertTrue(e.isWritePossiblyApplied());
        assertNull(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
        assertEquals(Map.of("summary", "c"), exchange.getMessage().getBody(), "the body is not replaced");
    }

    @Test
    void withoutExceptionsATruncatedListStillFails() {
        // given a list shorter than its record_count (a 200 reply, so there is no status to report)
        stubToken();
        halo.stubFor(get(urlPathEqualTo("/api/Tickets")).willReturn(okJson(
                "{\"record_count\":3,\"tickets\":[{\"id\":1}]}")));

        // when the route lists with throwExceptionOnFailure=false
        Exchange exchange = send("halo:tickets/list?throwExceptionOnFailure=false", null);

        // then it still fails: a truncated list is never returned as if it were whole
        HaloApiException e = failure(exchange, HaloApiException.class);
        assertTrue(e.isUnusableReply());
        assertMentions(e.getMessage(), "record_count promised 3", "only 1");
        assertNull(exchange.getMessage().getHeader(HaloConstants.RECORD_COUNT));
        assertNull(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
    }
}
