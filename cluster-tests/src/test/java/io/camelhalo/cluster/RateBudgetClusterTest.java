package io.camelhalo.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelhalo.sandbox.HaloSandbox;
import io.camelhalo.sandbox.RecordedRequest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One Halo budget for the whole cluster: three JVMs ({@link BudgetNode}) read from one sandbox as fast as they may,
 * each with the tenant's whole limit configured and a {@code JdbcRateBudget} on a shared embedded PostgreSQL. The
 * sandbox enforces the same limit (429 over it) and records every request's arrival. Node 1 runs alone for three
 * windows, then nodes 2 and 3 join. Measured at the sandbox: the most requests in any rolling window (never above the
 * limit), the utilisation of node 1 alone and of the three together, and the 429s the nodes received (none).
 * <p>
 * Short in every {@code mvn verify} (system properties {@code budget.limit}, {@code budget.window.ms},
 * {@code budget.windows}, set by the pom); {@code -Pcluster-long} runs longer windows. The figures go to
 * {@code target/reliability/rate-budget.md}.
 */
class RateBudgetClusterTest {

    private static final int LIMIT = Integer.getInteger("budget.limit", 60);
    private static final Duration WINDOW = Duration.ofMillis(Long.getLong("budget.window.ms", 2000));
    /** Windows measured with the three nodes together. */
    private static final int WINDOWS = Integer.getInteger("budget.windows", 4);
    private static final Pattern DONE = Pattern.compile("done: sent=(\\d+) failed=(\\d+) rateLimited=(\\d+)");

    @TempDir
    Path work;
    private final Path logs = Path.of("target", "cluster-logs", "RateBudgetClusterTest");
    private EmbeddedPostgres postgres;
    private HaloSandbox sandbox;
    private final Map<String, JvmProcess> nodes = new LinkedHashMap<>();

    @AfterEach
    void stopEverything() throws Exception {
        try {
            nodes.values().forEach(JvmProcess::close);
            if (sandbox != null) {
                sandbox.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    void threeNodesTogetherNeverExceedTheLimitAndUseMostOfIt() throws Exception {
        // given PostgreSQL and a sandbox enforcing the limit, in this JVM so that it shares this JVM's clock
        postgres = EmbeddedPostgres.start();
        sandbox = HaloSandbox.start(0);
        sandbox.rateLimit(LIMIT, WINDOW);
        Files.createDirectories(logs);
        Path stop = work.resolve("stop");
        long window = WINDOW.toNanos();

        // when node 1 reads alone for three windows (nodes 2 and 3 start meanwhile, idle) ...
        Path go1 = work.resolve("go-1");
        Path goOthers = work.resolve("go-others");
        startNode(1, stop, go1);
        startNode(2, stop, goOthers);
        startNode(3, stop, goOthers);
        Files.createFile(go1);
        long aloneFrom = await("node 1 sends").atMost(Duration.ofSeconds(60))
                .until(() -> firstRequest(1), t -> t != null);
        await().atMost(WINDOW.multipliedBy(3).plusSeconds(10))
                .until(() -> System.nanoTime() - aloneFrom >= 3 * window);

        // ... and nodes 2 and 3 join it for a while
        await("nodes 2 and 3 ready").atMost(Duration.ofSeconds(60)).until(
                () -> nodes.values().stream().allMatch(node -> node.output().contains(" ready")));
        Files.createFile(goOthers);
        long joined = await("nodes 2 and 3 send").atMost(Duration.ofSeconds(60))
                .until(() -> firstRequest(2) != null && firstRequest(3) != null
                        ? Math.max(firstRequest(2), firstRequest(3)) : null, t -> t != null);
        // one window for the shares to settle, then the measured windows
        long togetherFrom = joined + window;
        long togetherTo = togetherFrom + WINDOWS * window;
        await().atMost(WINDOW.multipliedBy(WINDOWS + 1).plusSeconds(10))
                .until(() -> System.nanoTime() - togetherTo >= 0);
        Files.createFile(stop);
        Map<String, String> done = new LinkedHashMap<>();
        for (JvmProcess node : nodes.values()) {
            Matcher m = await(node.name() + " reports").atMost(Duration.ofSeconds(60))
                    .until(() -> DONE.matcher(node.output()), Matcher::find);
            done.put(node.name(), m.group(0));
            assertEquals("0", m.group(3), node.name() + " got 429 replies: " + m.group(0));
            assertEquals("0", m.group(2), node.name() + " had failed requests: " + m.group(0));
        }

        // then no rolling window at the sandbox held more than the limit
        List<RecordedRequest> requests = sandbox.requests().stream()
                .filter(r -> r.path().startsWith("/api/Tickets/")).toList();
        int most = mostInAnyWindow(requests.stream().map(RecordedRequest::receivedNanos).toList(), window);
        assertTrue(most <= LIMIT, "most requests in any window: " + most + " of " + LIMIT);

        // and node 1 alone used at least 90 % of it (its first window is its share growing), the three most of it
        long alone = count(requests, null, aloneFrom + window, aloneFrom + 3 * window);
        double aloneUse = alone / (2.0 * LIMIT);
        long together = count(requests, null, togetherFrom, togetherTo);
        double togetherUse = together / ((double) WINDOWS * LIMIT);
        List<String> split = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            split.add("node " + n + ": " + count(requests, n, togetherFrom, togetherTo));
        }
        assertTrue(aloneUse >= 0.9, "node 1 alone used " + alone + " of " + 2 * LIMIT);
        assertTrue(togetherUse >= 0.8, "the three used " + together + " of " + WINDOWS * LIMIT + " (" + split + ")");

        report(List.of(
                "| limit per window | window | nodes | most requests in any window (sandbox) | node 1 alone, windows 2-3 "
                       + "| three nodes, " + WINDOWS + " windows after one to settle | split | 429 replies |",
                "|---|---|---|---|---|---|---|---|",
                "| " + LIMIT + " | " + WINDOW.toMillis() + " ms | 3 (separate JVMs, embedded PostgreSQL) | " + most
                                                     + " | " + alone + " (" + percent(aloneUse)
                                                     + ") | " + together + " ("
                                                     + percent(togetherUse) + ") | "
                                                     + String.join(", ", split) + " | 0 |"));
    }

    private void startNode(int n, Path stop, Path go) {
        String connection = "baseUrl=RAW(" + sandbox.baseUrl() + ")&clientId=" + sandbox.clientId()
                            + "&clientSecret=RAW(" + sandbox.clientSecret() + ")";
        String name = "budget-node-" + n;
        nodes.put(name, JvmProcess.start(name, logs, BudgetNode.class, name, connection,
                postgres.getJdbcUrl("postgres", "postgres"), String.valueOf(LIMIT), String.valueOf(WINDOW.toMillis()),
                String.valueOf(n), stop.toString(), go.toString()));
    }

    /** When the sandbox received node n's first request (nodes read ticket n), or null. */
    private Long firstRequest(int n) {
        return sandbox.requests().stream().filter(r -> r.path().equals("/api/Tickets/" + n))
                .map(RecordedRequest::receivedNanos).min(Long::compare).orElse(null);
    }

    /** Requests (of node n, or of all when null) that arrived in [from, to). */
    private static long count(List<RecordedRequest> requests, Integer n, long from, long to) {
        return requests.stream().filter(r -> n == null || r.path().equals("/api/Tickets/" + n))
                .filter(r -> r.receivedNanos() - from >= 0 && r.receivedNanos() - to < 0).count();
    }

    private static int mostInAnyWindow(List<Long> nanos, long window) {
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        int most = 0;
        int from = 0;
        for (int to = 0; to < sorted.size(); to++) {
            while (sorted.get(to) - sorted.get(from) >= window) {
                from++;
            }
            most = Math.max(most, to - from + 1);
        }
        return most;
    }

    private static String percent(double fraction) {
        return Math.round(fraction * 1000) / 10.0 + " %";
    }

    private static void report(List<String> lines) throws IOException {
        Path out = Path.of("target", "reliability", "rate-budget.md");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
        lines.forEach(System.out::println);
    }
}
