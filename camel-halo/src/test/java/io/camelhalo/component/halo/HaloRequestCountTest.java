package io.camelhalo.component.halo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Requests counted at the sandbox (counts do not depend on the machine): a cold component that 16 threads hit at once
 * asks for one token, and so does a run of 10,000 calls within the token's lifetime; creating 1,000 records from one
 * List body takes 10 requests, where one exchange per record takes 1,000.
 */
class HaloRequestCountTest {

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest();

    private HaloSandbox sandbox;
    private ProducerTemplate template;
    private long ticketId;

    @BeforeEach
    void start() {
        sandbox = halo.sandbox();
        template = halo.template();
        ticketId = ((Number) sandbox.put("tickets", new HashMap<>(Map.of("summary", "counted"))).get("id")).longValue();
    }

    @Test
    void sixteenThreadsStartingAtOnceOnAColdComponentMakeOneTokenRequest() throws Exception {
        int threads = 16;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Object>> calls = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                calls.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return template.requestBodyAndHeader("halo:tickets/get", null, HaloConstants.ID, ticketId);
                }));
            }
            for (Future<Object> call : calls) {
                assertEquals(ticketId, id(call.get(30, TimeUnit.SECONDS)), "each call answered the ticket it asked for");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, sandbox.tokenRequestCount());
        assertEquals(threads, sandbox.apiRequestCount());
    }

    @Test
    void tenThousandCallsWithinOneTokenLifetimeMakeOneTokenRequest() throws Exception {
        int calls = 10_000;
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Long> answered = new ArrayList<>();
        try {
            List<Future<List<Long>>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                runs.add(pool.submit(() -> {
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < calls / threads; i++) {
                        ids.add(id(template.requestBodyAndHeader("halo:tickets/get", null, HaloConstants.ID, ticketId)));
                    }
                    return ids;
                }));
            }
            for (Future<List<Long>> run : runs) {
                answered.addAll(run.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Collections.nCopies(calls, ticketId), answered, "every call answered the ticket it asked for");
        assertEquals(1, sandbox.tokenRequestCount());
        assertEquals(calls, sandbox.apiRequestCount());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aThousandRecordsCreatedFromOneListTakeTenRequestsAndComeBackInInputOrder() {
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            inputs.add(Map.of("summary", "batch " + i));
        }
        int before = sandbox.count("tickets");

        List<Map<String, Object>> saved = template.requestBody("halo:tickets/create", inputs, List.class);

        assertEquals(10, sandbox.apiRequestCount(), "array POSTs of 100");
        assertEquals(before + 1000, sandbox.count("tickets"));
        assertEquals(1000, saved.size());
        for (int i = 0; i < 1000; i++) {
            assertEquals("batch " + i, saved.get(i).get("summary"), "result " + i + " is input " + i + "'s record");
            long id = ((Number) saved.get(i).get("id")).longValue();
            assertEquals("batch " + i, sandbox.record("tickets", id).get("summary"));
        }
        assertEquals(1000, saved.stream().map(r -> r.get("id")).distinct().count());
    }

    @Test
    void withoutBatchingOneExchangePerRecordTakesOneRequestEach() {
        List<String> inputs = new ArrayList<>();
        List<Object> answered = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            inputs.add("single " + i);
            answered.add(template.requestBody("halo:tickets/create", Map.of("summary", "single " + i), Map.class)
                    .get("summary"));
        }
        assertEquals(1000, sandbox.apiRequestCount());
        assertEquals(inputs, answered, "each exchange answered its own record");
        assertEquals(inputs, sandbox.records("tickets").stream().map(t -> t.get("summary"))
                .filter(summary -> String.valueOf(summary).startsWith("single ")).toList(), "each created once, in order");
    }

    @Test
    void anUpdateOfOneCustomFieldIsTwoRequests() {
        // given a ticket; when one custom field is updated
        template.requestBody("halo:tickets/update", new HashMap<>(
                Map.of("id", ticketId,
                        "customfields", List.of(Map.of("id", 101, "value", "Finance")))));

        // then it is two requests: the read that keeps the record's other custom fields (Halo replaces the whole
        // list), and the write
        assertEquals(2, sandbox.apiRequestCount());
        assertEquals(List.of("GET /api/Tickets/" + ticketId, "POST /api/Tickets"),
                halo.apiRequests().stream().map(r -> r.method() + " " + r.path()).toList());
        assertEquals(List.of(Map.of("id", 101, "value", "Finance")), sandbox.record("tickets", ticketId).get("customfields"));
    }

    private static long id(Object record) {
        return ((Number) ((Map<?, ?>) record).get("id")).longValue();
    }
}
