package io.camelhalo.component.halo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelhalo.sandbox.HaloSandbox;
import io.camelhalo.sandbox.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 8 threads x 1000 mixed operations against the sandbox, with the same rate limit set on the component and enforced by
 * the sandbox: no exchange fails, and Halo never sees more than the limit in any window (counted at the sandbox, from
 * arrival times). The figures go to target/reliability/load.md (copied into docs/RELIABILITY.md).
 */
class HaloLoadTest {

    private static final int THREADS = 8;
    private static final int OPERATIONS_PER_THREAD = 1000;
    private static final int LIMIT = 400;
    private static final Duration WINDOW = Duration.ofMillis(500);

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest().configure(cfg -> {
        cfg.setRateLimit(LIMIT);
        cfg.setRateLimitWindow(WINDOW.toMillis());
    });

    @Test
    void eightThreadsOfMixedOperationsStayWithinTheLimitWithoutAFailure() throws Exception {
        HaloSandbox sandbox = halo.sandbox();
        sandbox.rateLimit(LIMIT, WINDOW); // Halo's side: over the limit it answers 429
        CamelContext context = halo.context();
        ProducerTemplate template = halo.template();

        AtomicInteger failures = new AtomicInteger();
        List<String> failureMessages = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            int worker = t;
            workers.add(pool.submit(() -> {
                go.await();
                Random random = new Random(worker);
                List<Object> mine = new ArrayList<>();
                for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
                    Exchange result = operation(template, random.nextInt(100), worker, i, mine, random);
                    if (result.getException() != null) {
                        failures.incrementAndGet();
                        failureMessages.add(String.valueOf(result.getException()));
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> w : workers) {
            w.get(5, TimeUnit.MINUTES);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        pool.shutdown();
        context.stop();

        List<Long> arrivals = sandbox.requests().stream().filter(r -> r.path().startsWith("/api/"))
                .map(RecordedRequest::receivedNanos).toList();
        int maxInWindow = TestCamel.maxInAnyWindow(arrivals, WINDOW);
        String report = "| figure | value |\n|---|---|\n"
                        + "| threads x operations | " + THREADS + " x " + OPERATIONS_PER_THREAD + " |\n"
                        + "| API requests received by the sandbox | " + sandbox.apiRequestCount() + " |\n"
                        + "| token requests | " + sandbox.tokenRequestCount() + " |\n"
                        + "| failed exchanges | " + failures.get() + " |\n"
                        + "| rate limit | " + LIMIT + " per " + WINDOW.toMillis() + " ms |\n"
                        + "| most requests in any " + WINDOW.toMillis() + " ms window (at the sandbox) | "
                        + maxInWindow + " |\n"
                        + "| wall time | " + took.toMillis() + " ms |\n";
        Path out = Path.of("target", "reliability", "load.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);

        assertEquals(0, failures.get(), () -> "failed exchanges: " + failureMessages.stream().limit(5).toList());
        assertEquals(THREADS * OPERATIONS_PER_THREAD, arrivals.size(), "one request per operation: none retried");
        assertTrue(maxInWindow <= LIMIT, "the limit was exceeded: " + maxInWindow + " in one window");
        assertEquals(1, sandbox.tokenRequestCount(), "one token for all threads");
    }

    /** 40% get, 20% list (one page), 25% create, 10% update, 5% delete of a record this worker created. */
    private static Exchange operation(
            ProducerTemplate template, int dice, int worker, int i, List<Object> mine,
            Random random) {
        if (dice < 40) {
            return template.send("halo:tickets/get", e -> e.getMessage().setHeader(HaloConstants.ID, 1 + random.nextInt(5)));
        } else if (dice < 60) {
            return template.send("halo:tickets/list?pageSize=20&maxResults=20", e -> e.getMessage().setBody(null));
        } else if (dice < 85 || mine.isEmpty()) {
            Exchange created = template.send("halo:tickets/create",
                    e -> e.getMessage().setBody(Map.of("summary", "load " + worker + "-" + i)));
            if (created.getException() == null) {
                mine.add(created.getMessage().getHeader(HaloConstants.ID));
            }
            return created;
        } else if (dice < 95) {
            Object id = mine.get(random.nextInt(mine.size()));
            return template.send("halo:tickets/update", e -> {
                e.getMessage().setHeader(HaloConstants.ID, id);
                e.getMessage().setBody(Map.of("details", "updated by " + worker));
            });
        } else {
            Object id = mine.remove(mine.size() - 1);
            return template.send("halo:tickets/delete", e -> e.getMessage().setHeader(HaloConstants.ID, id));
        }
    }

}
