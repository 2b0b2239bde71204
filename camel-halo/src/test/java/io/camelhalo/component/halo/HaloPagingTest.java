package io.camelhalo.component.halo;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camelhalo.component.halo.api.HaloResource;
import io.camelhalo.component.halo.error.HaloApiException;
import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Paging as Halo really does it (halo-api.md "Paging"): pageinate=true with a 1-based page_no and page_size on every
 * request, pages capped at 100, the last page repeated past the end, record_count as the cross-check; and the list
 * envelopes, which differ between resources.
 */
class HaloPagingTest extends HaloTestSupport {

    @RegisterExtension
    static WireMockExtension halo = newHalo();

    @Override
    protected WireMockExtension halo() {
        return halo;
    }

    @Test
    void readsEveryPageByDefaultAskingForHundredsFromPageOne() {
        // given 237 tickets, served 100 a page with record_count
        stubToken();
        stubPage("Tickets", 1, envelope("tickets", ids(1, 100), 237));
        stubPage("Tickets", 2, envelope("tickets", ids(101, 200), 237));
        stubPage("Tickets", 3, envelope("tickets", ids(201, 237), 237));

        // when the route lists them
        Exchange exchange = succeeded(send("halo:tickets/list", null));

        // then it asked for pages 1, 2 and 3 of 100, pageinate=true on each, and got all 237 in order
        assertEquals(List.of(pageQuery(100, 1), pageQuery(100, 2), pageQuery(100, 3)), apiQueries());
        assertEquals(LongStream.rangeClosed(1, 237).boxed().toList(), idsOf(exchange));
        assertEquals(237, exchange.getMessage().getHeader(HaloConstants.RECORD_COUNT));
    }

    @Test
    void stopsWhenHaloRepeatsTheLastPagePastTheEnd() {
        // given Halo's real behaviour: no record_count, and page 3 answers page 2 again
        stubToken();
        stubPage("Tickets", 1, envelope("tickets", ids(1, 2), null));
        stubPage("Tickets", 2, envelope("tickets", ids(3, 4), null));
        stubPage("Tickets", 3, envelope("tickets", ids(3, 4), null));
        stubPage("Tickets", 4, envelope("tickets", ids(3, 4), null));

        // when the route lists with pages of 2
        Exchange exchange = succeeded(send("halo:tickets/list?pageSize=2", null));

        // then it returns exactly the distinct records and never asks for page 4
        assertEquals(List.of(1L, 2L, 3L, 4L), idsOf(exchange));
        assertEquals(List.of(pageQuery(2, 1), pageQuery(2, 2), pageQuery(2, 3)), apiQueries());
        assertEquals(4, exchange.getMessage().getHeader(HaloConstants.RECORD_COUNT));
    }

    @Test
    void stopsOnAnEmptyPage() {
        // given two full pages and then an empty one
        stubToken();
        stubPage("Client", 1, envelope("clients", ids(1, 2), null));
        stubPage("Client", 2, envelope("clients", ids(3, 4), null));
        stubPage("Client", 3, envelope("clients", List.of(), null));

        // when the route lists clients with pages of 2
        Exchange exchange = succeeded(send("halo:clients/list?pageSize=2", null));

        // then it reads the four records and stops at the empty page
        assertEquals(List.of(1L, 2L, 3L, 4L), idsOf(exchange));
        assertEquals(List.of(pageQuery(2, 1), pageQuery(2, 2), pageQuery(2, 3)), apiQueries());
    }

    @Test
    void stopsOnAShortPage() {
        // given a full page of 3 and then a page of 1
        stubToken();
        stubPage("Site", 1, envelope("sites", ids(1, 3), null));
        stubPage("Site", 2, envelope("sites", ids(4, 4), null));

        // when the route lists sites with pages of 3
        Exchange exchange = succeeded(send("halo:sites/list?pageSize=3", null));

        // then the short page is the last one asked for
        assertEquals(List.of(1L, 2L, 3L, 4L), idsOf(exchange));
        assertEquals(List.of(pageQuery(3, 1), pageQuery(3, 2)), apiQueries());
    }

    @Test
    void aFullLastPageIsConfirmedByOneMoreRequestNotByRecordCount() {
        // given exactly two full pages, record_count 200, and past the end the last page repeated (as Halo does)
        stubToken();
        stubPage("Asset", 1, envelope("assets", ids(1, 100), 200));
        stubPage("Asset", 2, envelope("assets", ids(101, 200), 200));
        stubPage("Asset", 3, envelope("assets", ids(101, 200), 200));

        // when the route lists assets
        Exchange exchange = succeeded(send("halo:assets/list", null));

        // then it asks for page 3 (record_count may be approximate), sees the repeat and returns the 200 once
        assertEquals(ids(1, 200), idsOf(exchange));
        assertEquals(List.of(pageQuery(100, 1), pageQuery(100, 2), pageQuery(100, 3)), apiQueries());
    }

    @Test
    void anApproximateRecordCountDoesNotCutTheList() {
        // given record_count one short of the records Halo pages out
        stubToken();
        stubPage("Tickets", 1, envelope("tickets", ids(1, 2), 4));
        stubPage("Tickets", 2, envelope("tickets", ids(3, 4), 4));
        stubPage("Tickets", 3, envelope("tickets", ids(5, 5), 4));

        // when the route lists with pages of 2
        Exchange exchange = succeeded(send("halo:tickets/list?pageSize=2", null));

        // then every record arrives, in order, and the short page 3 is the last one asked for
        assertEquals(ids(1, 5), idsOf(exchange));
        assertEquals(List.of(pageQuery(2, 1), pageQuery(2, 2), pageQuery(2, 3)), apiQueries());
    }

    @Test
    void failsRatherThanReturnATruncatedListWhenFewerRecordsArriveThanRecordCountPromised() {
        // given Halo promising 5 tickets but paging out only 4
        stubToken();
        stubPage("Tickets", 1, envelope("tickets", ids(1, 2), 5));
        stubPage("Tickets", 2, envelope("tickets", ids(3, 4), 5));
        stubPage("Tickets", 3, envelope("tickets", List.of(), 5));

        // when the route lists with pages of 2
        Exchange exchange = send("halo:tickets/list?pageSize=2", null);

        // then it fails naming both numbers, and returns no list
        HaloApiException e = failure(exchange, HaloApiException.class);
        assertTrue(e.isUnusableReply());
        assertMentions(e.getMessage(), "record_count promised 5", "only 4", "truncated");
        assertEquals("/api/Tickets", e.getPath());
        assertNull(exchange.getMessage().getHeader(HaloConstants.RECORD_COUNT));
    }

    @Test
    void maxResultsStopsEarlyAndAsksForNoMoreThanNeeded() {
        // given plenty of tickets in pages of 2
        stubToken();
        stubPage("Tickets", 1, envelope("tickets", ids(1, 2), 10));
        stubPage("Tickets", 2, envelope("tickets", ids(3, 4), 10));
        stubPage("Tickets", 3, envelope("tickets", ids(5, 6), 10));

        // when the route lists at most 3
        Exchange exchange = succeeded(send("halo:tickets/list?pageSize=2&maxResults=3", null));

        // then it gets exactly 3 and stops after page 2
        assertEquals(List.of(1L, 2L, 3L), idsOf(exchange));
        assertEquals(List.of(pageQuery(2, 1), pageQuery(2, 2)), apiQueries());
        assertEquals(3, exchange.getMessage().getHeader(HaloConstants.RECORD_COUNT));
    }

    @Test
    void maxResultsSmallerThanAPageAsksForAPageOfThatSize() {
        // given a Halo with many tickets
        stubToken();
        stubPage("Tickets", 1, envelope("tickets", ids(1, 5), 500));

        // when the route lists at most 5
        Exchange exchange = succeeded(send("halo:tickets/list?maxResults=5", null));

        // then one request for a page of 5 is enough
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), idsOf(exchange));
        assertEquals(List.of(pageQuery(5, 1)), apiQueries());
    }

    @Test
    void keepsTheQueryOptionsOnEveryPage() {
        // given two pages of open tickets
        stubToken();
        stubPage("Tickets", 1, envelope("tickets", ids(1, 2), 3));
        stubPage("Tickets", 2, envelope("tickets", ids(3, 3), 3));

        // when the route lists with a filter
        succeeded(send("halo:tickets/list?pageSize=2&query.open_only=true", null));

        // then each page request carries the filter next to the paging parameters
        List<Map<String, String>> expected = Stream.of(pageQuery(2, 1), pageQuery(2, 2))
                .map(q -> with(new LinkedHashMap<>(q), m -> m.put("open_only", "true")))
                .collect(Collectors.toList());
        assertEquals(expected, apiQueries());
    }

    @ParameterizedTest
    @ValueSource(ints = { 101, 0, 1000 })
    void pageSizeOutsideOneToHundredFailsAtRouteStartNamingTheRange(int pageSize) {
        // when a route asks for a page size Halo would silently cut
        Exception e = routeStartFailure("halo:tickets/list?pageSize=" + pageSize);

        // then it does not start, and the error names the value and the allowed range; Halo heard nothing
        assertMentions(chain(e), "Invalid pageSize " + pageSize, "1 to 100");
        assertNothingSentToHalo();
    }

    @Test
    void pageSizeHundredIsAllowed() throws Exception {
        // when a route asks for the largest page
        addRoute("direct:list", "halo:tickets/list?pageSize=100");

        // then it starts
        assertEquals(1, context.getRoutes().size());
    }

    @ParameterizedTest
    @EnumSource(value = HaloResource.class, names = { "TEAMS", "STATUSES", "AGENTS", "TICKET_TYPES", "APPOINTMENTS" })
    void readsBareArrayResources(HaloResource resource) {
        // given a resource Halo lists as a bare JSON array
        stubToken();
        HaloResourceFacts facts = HaloResourceFacts.of(resource);
        halo.stubFor(get(urlPathEqualTo("/api/" + facts.path())).willReturn(okJson(array(ids(1, 3)))));

        // when the route lists it
        Exchange exchange = succeeded(send("halo:" + resource.uriName() + "/list", null));

        // then the records are the array's elements
        assertEquals(List.of(1L, 2L, 3L), idsOf(exchange));
        assertEquals(3, exchange.getMessage().getHeader(HaloConstants.RECORD_COUNT));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "clientcontracts,ClientContract,contracts", "quotations,Quotation,quotes",
            "kbarticles,KBArticle,articles", "projects,Projects,tickets", "opportunities,Opportunities,tickets",
            "appointments,Appointment,appointments" })
    void readsRecordsFromTheEnvelopeKeyHaloUsesForTheResource(String row) {
        // given a resource whose envelope key differs from its name, beside another array
        String[] cells = row.split(",");
        stubToken();
        halo.stubFor(get(urlPathEqualTo("/api/" + cells[1])).willReturn(okJson(
                "{\"record_count\":2,\"columns\":[{\"id\":99}],\"" + cells[2] + "\":" + array(ids(1, 2)) + "}")));

        // when the route lists it
        Exchange exchange = succeeded(send("halo:" + cells[0] + "/list", null));

        // then the records come from that key
        assertEquals(List.of(1L, 2L), idsOf(exchange));
    }

    @Test
    void anEnvelopeWithoutTheExpectedKeyIsAnErrorNamingTheKeyAndWhatCame() {
        // given Halo answering client contracts under a key the notes do not name
        stubToken();
        halo.stubFor(get(urlPathEqualTo("/api/ClientContract")).willReturn(okJson(
                "{\"record_count\":1,\"clientcontracts\":[{\"id\":1}]}")));

        // when the route lists client contracts
        HaloApiException e = failure(send("halo:clientcontracts/list", null), HaloApiException.class);

        // then the error names the expected key and the keys Halo sent
        assertMentions(e.getMessage(), "'contracts'", "clientcontracts", "record_count");
    }

    @Test
    void anEnvelopedResourceAnsweringABareArrayIsReadToo() {
        // given Halo answering a bare array where it usually wraps the records
        stubToken();
        stubPage("Tickets", 1, array(ids(1, 2)));

        // when the route lists tickets
        Exchange exchange = succeeded(send("halo:tickets/list", null));

        // then both records arrive
        assertEquals(List.of(1L, 2L), idsOf(exchange));
    }

    @Test
    void aResourceWithoutPagingIsReadInOneRequestWithNoPagingParameters() {
        // given a Halo answering all 150 teams at once (more than a page)
        stubToken();
        halo.stubFor(get(urlPathEqualTo("/api/Team")).willReturn(okJson(array(ids(1, 150)))));

        // when the route lists teams, at most 120
        Exchange exchange = succeeded(send("halo:teams/list?maxResults=120", null));

        // then one request without paging parameters, cut to 120 here
        assertEquals(List.of(Map.of()), apiQueries());
        assertEquals(ids(1, 120), idsOf(exchange));
        assertEquals(120, exchange.getMessage().getHeader(HaloConstants.RECORD_COUNT));
    }

    @Test
    void anEmptyListIsAnEmptyBody() {
        // given no tickets at all
        stubToken();
        stubPage("Tickets", 1, envelope("tickets", List.of(), 0));

        // when the route lists tickets
        Exchange exchange = succeeded(send("halo:tickets/list", null));

        // then the body is an empty list after one request
        assertEquals(List.of(), exchange.getMessage().getBody(List.class));
        assertEquals(0, exchange.getMessage().getHeader(HaloConstants.RECORD_COUNT));
        assertEquals(1, apiRequests().size());
    }

    // --- streamList=true: the same contract, read lazily

    @Test
    void aStreamedListFollowsTheSameStopRulesAndRequests() {
        // given Halo's real behaviour: no record_count, and page 3 answers page 2 again
        stubToken();
        stubPage("Tickets", 1, envelope("tickets", ids(1, 2), null));
        stubPage("Tickets", 2, envelope("tickets", ids(3, 4), null));
        stubPage("Tickets", 3, envelope("tickets", ids(3, 4), null));

        // when the route streams the list with pages of 2 and reads it to the end
        Exchange exchange = succeeded(send("halo:tickets/list?pageSize=2&streamList=true", null));

        // then it returns exactly the distinct records and asks for the same pages as a buffered list
        assertEquals(List.of(1L, 2L, 3L, 4L), streamedIds(exchange));
        assertEquals(List.of(pageQuery(2, 1), pageQuery(2, 2), pageQuery(2, 3)), apiQueries());
    }

    @Test
    void aStreamedListHandsAnErrorOnALaterPageToItsReaderAfterTheRecordsBeforeIt() {
        // given page 1 of 2 and a Halo that fails on page 2
        stubToken();
        stubPage("Tickets", 1, envelope("tickets", ids(1, 2), 4));
        halo.stubFor(get(urlPathEqualTo("/api/Tickets")).withQueryParam("page_no", equalTo("2"))
                .willReturn(aResponse().withStatus(500).withBody("{\"ClassName\":\"Exception\",\"Message\":\"boom\"}")));

        // when the route streams the list
        Exchange exchange = succeeded(send("halo:tickets/list?pageSize=2&streamList=true", null));
        Iterator<?> records = exchange.getMessage().getBody(Iterator.class);

        // then the reader gets page 1, then Halo's error
        assertNotNull(records.next());
        assertNotNull(records.next());
        RuntimeCamelException e = assertThrows(RuntimeCamelException.class, records::hasNext);
        HaloApiException cause = assertInstanceOf(HaloApiException.class, e.getCause());
        assertEquals(500, cause.getStatusCode());
        assertEquals("boom", cause.getHaloMessage());
        assertFalse(records.hasNext(), "nothing after the error");
    }

    @Test
    void aStreamedListShorterThanRecordCountFailsAtItsEndRatherThanEndQuietly() {
        // given Halo promising 5 tickets but paging out only 4
        stubToken();
        stubPage("Tickets", 1, envelope("tickets", ids(1, 2), 5));
        stubPage("Tickets", 2, envelope("tickets", ids(3, 4), 5));
        stubPage("Tickets", 3, envelope("tickets", List.of(), 5));

        // when the route streams the list and reads it
        Exchange exchange = succeeded(send("halo:tickets/list?pageSize=2&streamList=true", null));
        Iterator<?> records = exchange.getMessage().getBody(Iterator.class);
        for (int i = 0; i < 4; i++) {
            records.next();
        }

        // then the end of the list is an error naming both numbers
        RuntimeCamelException e = assertThrows(RuntimeCamelException.class, records::hasNext);
        assertMentions(e.getCause().getMessage(), "record_count promised 5", "only 4", "truncated");
    }

    @Test
    void anEmptyStreamedListIsAnIteratorWithNothingInIt() {
        stubToken();
        stubPage("Tickets", 1, envelope("tickets", List.of(), 0));
        Exchange exchange = succeeded(send("halo:tickets/list?streamList=true", null));
        assertFalse(exchange.getMessage().getBody(Iterator.class).hasNext());
        assertEquals(List.of(pageQuery(100, 1)), apiQueries());
    }

    @SuppressWarnings("unchecked")
    private static List<Long> streamedIds(Exchange exchange) {
        Iterator<Map<String, Object>> records = exchange.getMessage().getBody(Iterator.class);
        List<Long> ids = new java.util.ArrayList<>();
        records.forEachRemaining(r -> ids.add(((Number) r.get("id")).longValue()));
        return ids;
    }

    // --- helpers

    private void stubPage(String path, int pageNo, String body) {
        halo.stubFor(get(urlPathEqualTo("/api/" + path)).withQueryParam("page_no", equalTo(String.valueOf(pageNo)))
                .willReturn(okJson(body)));
    }

    private List<Map<String, String>> apiQueries() {
        return apiRequests().stream().map(HaloTestSupport::query).toList();
    }

    private static Map<String, String> pageQuery(int size, int pageNo) {
        return Map.of("pageinate", "true", "page_size", String.valueOf(size), "page_no", String.valueOf(pageNo));
    }

    private static List<Long> ids(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    private static String array(List<Long> ids) {
        return ids.stream().map(id -> "{\"id\":" + id + ",\"summary\":\"record " + id + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static String envelope(String key, List<Long> ids, Integer recordCount) {
        return "{" + (recordCount == null ? "" : "\"record_count\":" + recordCount + ",") + "\"page_no\":1,\"" + key
               + "\":" + array(ids) + "}";
    }

    @SuppressWarnings("unchecked")
    private static List<Long> idsOf(Exchange exchange) {
        List<Map<String, Object>> records = exchange.getMessage().getBody(List.class);
        return records.stream().map(r -> ((Number) r.get("id")).longValue()).toList();
    }
}
