package io.camelhalo.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultsAndCountingTest {

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

    @Test
    void failNextAnswersTheStatusAndChangesNothing() {
        halo.failNext(2, 503);

        SandboxClient.Response first = client.post("/Tickets", "[{\"summary\":\"lost\"}]");
        SandboxClient.Response second = client.get("/Tickets");
        SandboxClient.Response third = client.get("/Tickets");

        assertEquals(503, first.status());
        assertEquals("Simulated failure", first.json().get("Message").asText());
        assertEquals(503, second.status());
        assertEquals(200, third.status());
        assertEquals(5, halo.count("tickets"));
    }

    @Test
    void aDroppedReplyLosesTheAnswerButNotTheWrite() {
        halo.dropNextReplies(1);

        assertThrows(java.io.UncheckedIOException.class,
                () -> client.post("/Tickets", "[{\"summary\":\"applied, reply lost\"}]"));

        assertEquals(6, halo.count("tickets"), "the write was applied");
        assertEquals(200, client.get("/Status").status(), "only the next reply was dropped");
    }

    @Test
    void aDelayedReplyComesAfterTheWriteWasApplied() {
        halo.delayNextReplies(1, Duration.ofMillis(200));
        long start = System.nanoTime();

        SandboxClient.Response r = client.post("/Tickets", "[{\"summary\":\"slow reply\"}]");

        assertEquals(201, r.status());
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(200).toNanos());
        assertEquals(6, halo.count("tickets"));
    }

    @Test
    void requestsCarryTheirArrivalTime() {
        long before = System.nanoTime();
        client.get("/Status");
        RecordedRequest last = halo.requests().get(halo.requests().size() - 1);
        assertTrue(last.receivedNanos() >= before && last.receivedNanos() <= System.nanoTime());
    }

    @Test
    void faultsDoNotApplyToTheTokenEndpoint() {
        halo.failNext(1, 500);

        client.login();

        assertEquals(500, client.get("/Status").status());
        assertEquals(200, client.get("/Status").status());
    }

    @Test
    void rateLimitAnswers429InARollingWindow() {
        halo.rateLimit(3, Duration.ofMillis(400));

        for (int i = 0; i < 3; i++) {
            assertEquals(200, client.get("/Status").status());
        }
        SandboxClient.Response limited = client.get("/Status");
        assertEquals(429, limited.status());
        assertEquals("Rate Limit Reached", limited.body());
        assertTrue(limited.headers().firstValue("Retry-After").isEmpty(), "Halo documents no Retry-After");

        halo.rateLimitRetryAfter(7);
        assertEquals("7", client.get("/Status").headers().firstValue("Retry-After").orElse(""));

        // the limiter runs on real time: once the window has rolled on, requests pass again (429s do not count)
        await().atMost(Duration.ofSeconds(5)).until(() -> client.get("/Status").status() == 200);

        halo.rateLimit(0, null);
        for (int i = 0; i < 5; i++) {
            assertEquals(200, client.get("/Status").status());
        }
    }

    @Test
    void latencyDelaysApiAnswers() {
        halo.latency(Duration.ofMillis(150));

        long start = System.nanoTime();
        assertEquals(200, client.get("/Status").status());

        assertTrue(System.nanoTime() - start >= 150_000_000L);
        halo.latency(Duration.ZERO);
    }

    @Test
    void requestsAreCountedAndRecordedEvenWhenRejected() {
        halo.resetCounters();
        halo.failNext(1, 500);

        client.get("/Tickets?pageinate=true&search=printer%20jam");
        client.login();
        client.post("/Tickets", "[{\"summary\":\"counted\"}]");
        client.useToken(null).get("/Tickets");

        assertEquals(4, halo.requestCount());
        assertEquals(3, halo.apiRequestCount());
        assertEquals(1, halo.tokenRequestCount());
        List<RecordedRequest> requests = halo.requests();
        assertEquals(4, requests.size());
        RecordedRequest first = requests.get(0);
        assertEquals("GET", first.method());
        assertEquals("/api/Tickets", first.path());
        assertEquals("pageinate=true&search=printer%20jam", first.query());
        assertEquals("printer jam", first.queryParams().get("search"));
        assertTrue(first.header("authorization").startsWith("Bearer "));
        assertEquals("[{\"summary\":\"counted\"}]", requests.get(2).body());

        halo.resetCounters();
        assertEquals(0, halo.requestCount());
        assertTrue(halo.requests().isEmpty());
    }

    @Test
    void eightConcurrentClientsEachGetTheirOwnIds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                int clientNo = c;
                futures.add(pool.submit(() -> {
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        SandboxClient.Response r = client.post("/Tickets",
                                "[{\"summary\":\"client " + clientNo + " ticket " + i + "\"}]");
                        assertEquals(201, r.status(), r.body());
                        ids.add(r.json().get("id").asLong());
                    }
                    return ids;
                }));
            }
            Set<Long> all = new HashSet<>();
            for (Future<List<Long>> f : futures) {
                all.addAll(f.get());
            }
            assertEquals(200, all.size());
            assertEquals(205, halo.count("tickets"));
        } finally {
            pool.shutdownNow();
        }
    }
}
