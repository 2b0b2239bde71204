package io.camelhalo.component.halo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.camelhalo.component.halo.error.HaloApiException;
import io.camelhalo.sandbox.HaloSandbox;
import io.camelhalo.sandbox.HaloSandboxOptions;
import io.camelhalo.sandbox.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code streamList=true}: list returns an Iterator that reads pages one ahead of the route, against the sandbox
 * (Halo's paging quirks included).
 */
class HaloStreamListTest {

    private static final int TICKETS = 250;

    @RegisterExtension
    static final HaloSandboxExtension halo = HaloSandboxExtension.perClass()
            .options(HaloSandboxOptions.defaults().withSeedData(false))
            .routes(r -> {
                r.from("direct:walk").to("halo:tickets/list?streamList=true")
                        .split(r.body()).streaming().to("mock:record");
                r.from("direct:walkSome").to("halo:tickets/list?streamList=true&maxResults=150")
                        .split(r.body()).streaming().to("mock:record");
                r.from("direct:stopEarly").to("halo:tickets/list?streamList=true&pageSize=10")
                        .process(e -> e.getMessage().setBody(e.getMessage().getBody(Iterator.class).next()))
                        .to("mock:record");
                r.from("direct:stopOnException").to("halo:tickets/list?streamList=true&pageSize=10")
                        .split(r.body()).streaming().stopOnException()
                        .to("mock:record")
                        .throwException(new IllegalStateException("the route stops after one record"));
                r.from("direct:buffered").to("halo:tickets/list");
            });

    private static HaloSandbox sandbox;

    private CamelContext context;
    private ProducerTemplate template;

    @BeforeAll
    static void addTickets() {
        sandbox = halo.sandbox();
        for (int i = 0; i < TICKETS; i++) {
            sandbox.put("tickets", new HashMap<>(Map.of("summary", "ticket " + i, "client_id", i % 2 == 0 ? 1 : 2)));
        }
    }

    @BeforeEach
    void bind() {
        context = halo.context();
        template = halo.template();
    }

    @Test
    void aStreamedListDeliversTheSameRecordsInTheSameOrderWithTheSameRequestsAsABufferedOne() throws Exception {
        List<?> buffered = template.requestBody("direct:buffered", null, List.class);
        int bufferedRequests = sandbox.apiRequestCount();
        sandbox.resetCounters();

        MockEndpoint records = context.getEndpoint("mock:record", MockEndpoint.class);
        records.expectedMessageCount(TICKETS);
        template.sendBody("direct:walk", null);
        records.assertIsSatisfied();

        assertEquals(TICKETS, buffered.size());
        assertEquals(ticketIds(), ids(buffered), "every ticket, in Halo's order");
        assertEquals(buffered, records.getReceivedExchanges().stream().map(e -> e.getMessage().getBody()).toList());
        assertEquals(bufferedRequests, sandbox.apiRequestCount(), "the same pages: " + sandbox.requests());
        assertEquals(3, sandbox.apiRequestCount(), "250 records in pages of 100");
        for (RecordedRequest request : sandbox.requests()) {
            if (request.path().startsWith("/api/")) {
                assertTrue("true".equals(request.queryParams().get("pageinate")), request.query());
            }
        }
    }

    @Test
    void maxResultsStopsTheStreamAndItsRequests() throws Exception {
        MockEndpoint records = context.getEndpoint("mock:record", MockEndpoint.class);
        records.expectedMessageCount(150);
        template.sendBody("direct:walkSome", null);
        records.assertIsSatisfied();
        assertEquals(ticketIds().subList(0, 150), ids(bodies(records)), "the first 150, in order");
        assertEquals(2, sandbox.apiRequestCount(), () -> "two pages of 100: " + sandbox.requests());
    }

    @Test
    void aRouteThatStopsIteratingEarlyStopsThePagingWhenTheExchangeCompletes() {
        // given a route that reads one record of 25 pages and is done
        Exchange exchange = template.send("direct:stopEarly", e -> {
        });
        assertNull(exchange.getException());
        assertEquals(1, context.getEndpoint("mock:record", MockEndpoint.class).getReceivedCounter());
        assertEquals(ticketIds().subList(0, 1), ids(bodies(context.getEndpoint("mock:record", MockEndpoint.class))));
        // the first page and at most the one fetched ahead: of 25 pages of 10, the rest are never asked for
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertTrue(sandbox.apiRequestCount() <= 2, () -> "" + sandbox.requests()));
    }

    @Test
    void aSplitThatStopsOnAnExceptionStopsThePagingToo() {
        // given a streaming split of 25 pages that fails on its first record, with stopOnException
        Exchange exchange = template.send("direct:stopOnException", e -> {
        });
        assertInstanceOf(IllegalStateException.class, exchange.getException().getCause());
        assertEquals(1, context.getEndpoint("mock:record", MockEndpoint.class).getReceivedCounter());
        assertEquals(ticketIds().subList(0, 1), ids(bodies(context.getEndpoint("mock:record", MockEndpoint.class))));
        // then the pages after the one fetched ahead are never asked for (Camel's splitter would drain the rest)
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertTrue(sandbox.apiRequestCount() <= 2, () -> "" + sandbox.requests()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCallerThatClosesTheIteratorStopsThePaging() throws Exception {
        Iterator<Map<String, Object>> records
                = template.requestBody("halo:tickets/list?streamList=true&pageSize=10", null, Iterator.class);
        assertTrue(records.hasNext());
        assertNotNull(records.next().get("id"));
        ((AutoCloseable) records).close();
        assertFalse(records.hasNext(), "a closed iterator has nothing more");
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> sandbox.apiRequestCount() <= 2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCallerThatReadsToTheEndGetsEveryRecordOnce() {
        Iterator<Map<String, Object>> records
                = template.requestBody("halo:tickets/list?streamList=true&query.client_id=1", null, Iterator.class);
        List<Object> ids = new ArrayList<>();
        records.forEachRemaining(r -> ids.add(r.get("id")));
        assertEquals(TICKETS / 2, ids.size());
        assertEquals(ids.size(), ids.stream().distinct().count());
        assertEquals(sandbox.records("tickets").stream().filter(t -> id(t, "client_id") == 1L).map(t -> id(t, "id")).toList(),
                ids.stream().map(id -> ((Number) id).longValue()).toList(), "client 1's tickets, in Halo's order");
        assertFalse(records.hasNext());
        assertThrows(java.util.NoSuchElementException.class, records::next);
    }

    @Test
    void anErrorOnTheFirstPageFailsTheProducerCallItself() {
        sandbox.failNext(1, 403);
        Exchange exchange = template.send("direct:walk", e -> {
        });
        HaloApiException error = assertInstanceOf(HaloApiException.class, exchange.getException());
        assertEquals(403, error.getStatusCode());
        assertEquals(0, context.getEndpoint("mock:record", MockEndpoint.class).getReceivedCounter());
    }

    @Test
    void throwExceptionOnFailureFalseAppliesToTheFirstPage() {
        sandbox.failNext(1, 500);
        Exchange exchange = template.send("halo:tickets/list?streamList=true&throwExceptionOnFailure=false", e -> {
        });
        assertNull(exchange.getException());
        assertEquals(500, exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
    }

    /** The ids of the sandbox's tickets in id order: Halo's order when a list asks for none. */
    private static List<Long> ticketIds() {
        return sandbox.records("tickets").stream().map(t -> id(t, "id")).toList();
    }

    private static List<?> bodies(MockEndpoint mock) {
        return mock.getReceivedExchanges().stream().map(e -> e.getMessage().getBody()).toList();
    }

    private static List<Long> ids(List<?> records) {
        return records.stream().map(r -> id((Map<?, ?>) r, "id")).toList();
    }

    private static long id(Map<?, ?> record, String field) {
        return ((Number) record.get(field)).longValue();
    }
}
