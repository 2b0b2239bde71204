package io.camelhalo.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cluster promise the way a team lives it: two or three JVMs of a poll app ({@link ClusterNode}) share an embedded
 * PostgreSQL and a file-lock cluster service, the halo-sandbox runs in its own JVM, records change there, and the
 * leader is killed with kill -9 in the middle of delivering them. A follower takes over, the dead node is restarted,
 * and the receiving end counts every change: all arrive, once past the idempotent consumer, and at most the exchange in
 * flight at each kill arrives twice before it.
 * <p>
 * Short in every {@code mvn verify} (system properties {@code cluster.changes}, {@code cluster.nodes},
 * {@code cluster.kills}, set by the pom); {@code -Pcluster-long} runs three nodes and three kills. The figures go to
 * {@code target/reliability/cluster-kill.md}.
 */
class ClusterKillTest {

    private static final int CHANGES = Integer.getInteger("cluster.changes", 1000);
    private static final int NODES = Integer.getInteger("cluster.nodes", 2);
    private static final int KILLS = Integer.getInteger("cluster.kills", 1);

    @TempDir
    Path work;
    /** The JVMs' output, kept after the run (the temp folder with the locks is deleted). */
    private final Path logs = Path.of("target", "cluster-logs", "ClusterKillTest");
    private EmbeddedPostgres postgres;
    private SandboxProcess sandbox;
    private final Map<String, JvmProcess> nodes = new LinkedHashMap<>();
    private CamelContext client;

    @AfterEach
    void stopEverything() throws Exception {
        List<AutoCloseable> all = new ArrayList<>(nodes.values());
        all.add(sandbox);
        all.add(client);
        all.add(postgres);
        Exception first = null;
        for (AutoCloseable c : all) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Test
    void killingTheLeaderMidBatchLosesNothingAndRepeatsAtMostTheExchangeInFlight() throws Exception {
        // given PostgreSQL, the sandbox in its own JVM, and the nodes sharing the database and a lock folder
        postgres = EmbeddedPostgres.start();
        ReceivingEnd end = new ReceivingEnd(postgres.getPostgresDatabase());
        end.createTables();
        Files.createDirectories(logs);
        sandbox = SandboxProcess.start(logs);
        Path locks = Files.createDirectory(work.resolve("cluster-locks"));
        for (int i = 1; i <= NODES; i++) {
            startNode("node-" + i, locks);
        }
        await("a leader polls and stores its starting point").atMost(Duration.ofSeconds(120))
                .ignoreExceptions().until(end::progressStored);

        // when the records change and the leader is killed -9 while it delivers them, once per kill
        Instant start = Instant.now();
        Set<Long> changed = changeRecords(CHANGES);
        List<String> kills = new ArrayList<>();
        List<Duration> takeovers = new ArrayList<>();
        for (int k = 1; k <= KILLS; k++) {
            int threshold = CHANGES * k / (KILLS + 1);
            await("the sink to reach " + threshold).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(5))
                    .until(() -> end.sinkCount() >= threshold);
            String leader = end.latestDeliveringNode();
            Instant killedAt = Instant.now();
            nodes.get(leader).kill();
            int deliveredAtKill = end.sinkCount();
            assertTrue(deliveredAtKill < CHANGES, "the kill came before the batch was delivered: " + deliveredAtKill);
            kills.add(leader + " at " + deliveredAtKill + " delivered");

            Instant takenOver = await("a follower takes over").atMost(Duration.ofSeconds(60))
                    .until(() -> end.firstDeliveryByAnotherNode(leader, killedAt), at -> at != null);
            takeovers.add(Duration.between(killedAt, takenOver));
            startNode(leader + "-restarted", locks);
        }
        await("every change at the sink").atMost(Duration.ofSeconds(180))
                .until(end::sinkCount, delivered -> delivered >= CHANGES);
        Duration wall = Duration.between(start, Instant.now());
        nodes.values().forEach(JvmProcess::close); // the figures below cannot move any more

        // then every change arrived exactly once past the idempotent consumer ...
        Map<String, Integer> atSink = end.arrivals("SINK");
        Map<Long, Integer> sinkPerRecord = new HashMap<>();
        atSink.forEach((key, n) -> sinkPerRecord.merge(ChangeKey.recordId(key), n, Integer::sum));
        assertEquals(changed, sinkPerRecord.keySet(), "the sink holds exactly the changed records");
        Set<Long> twiceAtSink = sinkPerRecord.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), twiceAtSink, "no change passed the idempotent consumer twice");

        // ... and before it, at most the exchange in flight at each kill arrived twice
        Map<String, Integer> raw = end.arrivals("RAW_DELIVERIES");
        int rawDuplicates = raw.values().stream().mapToInt(n -> n - 1).sum();
        assertEquals(atSink.keySet(), raw.keySet(), "nothing passed the idempotent consumer that was not delivered");
        assertTrue(rawDuplicates <= KILLS, "at most one exchange in flight per kill arrives twice: " + rawDuplicates);

        report(List.of(
                "| nodes | changes | kills (leader at sink count) | delivered to the sink | duplicates at the sink | "
                       + "duplicates before the idempotent consumer | takeover (kill to the follower's first delivery) | "
                       + "wall time |",
                "|---|---|---|---|---|---|---|---|",
                "| " + NODES + " | " + CHANGES + " | " + String.join("; ", kills) + " | " + end.sinkCount() + " | "
                                                     + twiceAtSink.size() + " | " + rawDuplicates + " | "
                                                     + takeovers.stream().map(d -> d.toMillis() + " ms")
                                                             .collect(Collectors.joining(", "))
                                                     + " | "
                                                     + wall.toMillis() + " ms |"));
    }

    private void startNode(String name, Path locks) {
        nodes.put(name, JvmProcess.start(name, logs, ClusterNode.class, name, sandbox.connection(),
                postgres.getJdbcUrl("postgres", "postgres"), locks.toString()));
    }

    /** Creates {@code n} tickets in the sandbox, 100 per request, as fast as it takes them; their ids. */
    private Set<Long> changeRecords(int n) throws Exception {
        client = new DefaultCamelContext();
        client.start();
        ProducerTemplate halo = client.createProducerTemplate();
        List<Map<String, Object>> tickets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tickets.add(new HashMap<>(Map.of("summary", "cluster change " + i, "client_id", 1)));
        }
        List<?> created = halo.requestBody("halo:tickets/create?" + sandbox.connection(), tickets, List.class);
        Set<Long> ids = new TreeSet<>();
        for (Object record : created) {
            ids.add(((Number) ((Map<?, ?>) record).get("id")).longValue());
        }
        assertEquals(n, ids.size());
        return ids;
    }

    private static void report(List<String> lines) throws IOException {
        Path out = Path.of("target", "reliability", "cluster-kill.md");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
        lines.forEach(System.out::println);
    }
}
