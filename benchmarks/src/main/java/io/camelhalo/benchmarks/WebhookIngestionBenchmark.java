package io.camelhalo.benchmarks;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/**
 * Webhook ingestion: deliveries per second and client-side latency (request to 200) of {@code halo-webhook:tickets}
 * served by Vert.x platform HTTP on loopback, its idempotent repository camel-sql's {@link JdbcMessageIdRepository} on
 * an embedded PostgreSQL (through a HikariCP pool, as cluster-tests set it up), against the in-memory repository in the
 * same run; and the database work one delivery costs, counted by a {@link DataSource} wrapper (connections taken from
 * the pool, statements executed, commits and rollbacks).
 * <p>
 * Each delivery is one ticket version as Halo posts it (the outer object with the ticket nested under {@code "ticket"},
 * its {@code last_update} included, so Halo is never read). Phase "new": every delivery a version not seen before;
 * phase "duplicate": the same deliveries again, each answered 200 with {@code "duplicates":1}. The two repositories are
 * measured in rounds, the order swapped each round, so a change in the machine's load moves both. System properties:
 * {@code bench.webhookDeliveries} (per phase and round, default 2000), {@code bench.webhookClients} (concurrent
 * loopback clients, default 4), {@code bench.webhookRounds} (default 2).
 */
final class WebhookIngestionBenchmark {

    static final int DELIVERIES = Integer.getInteger("bench.webhookDeliveries", 2000);
    static final int CLIENTS = Integer.getInteger("bench.webhookClients", 4);
    static final int ROUNDS = Integer.getInteger("bench.webhookRounds", 2);
    private static final int WARM_UP = 1000;
    private static final String BEARER = "a-bearer-token-of-32-characters!";
    private static final DateTimeFormatter HALO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");
    private static final LocalDateTime FIRST_UPDATE = LocalDateTime.of(2026, 9, 25, 6, 41, 8, 623_000_000);

    /** The figures of one repository in one phase, over all rounds. */
    record Phase(
            String repository, String phase, int deliveries, double seconds, double[] millis, long connections,
            long statements, long commits, long rollbacks) {

        double perSecond() {
            return deliveries / seconds;
        }

        double p50() {
            return percentile(millis, 50);
        }

        double p99() {
            return percentile(millis, 99);
        }

        double per(long count) {
            return (double) count / deliveries;
        }
    }

    /** Both repositories, both phases. */
    record Result(Phase memoryNew, Phase jdbcNew, Phase memoryDuplicate, Phase jdbcDuplicate) {

        void print() {
            System.out.printf(Locale.ROOT, "   %-10s %-10s %12s %9s %9s %10s %10s %11s %11s%n", "repository", "phase",
                    "deliveries/s", "p50 ms", "p99 ms", "conns/dlv", "stmts/dlv", "commits/dlv", "rollbk/dlv");
            for (Phase p : List.of(memoryNew, jdbcNew, memoryDuplicate, jdbcDuplicate)) {
                System.out.printf(Locale.ROOT, "   %-10s %-10s %12.0f %9.2f %9.2f %10.2f %10.2f %11.2f %11.2f%n",
                        p.repository, p.phase, p.perSecond(), p.p50(), p.p99(), p.per(p.connections),
                        p.per(p.statements), p.per(p.commits), p.per(p.rollbacks));
            }
            System.out.printf(Locale.ROOT,
                    "   jdbc/memory, new: throughput %.3fx, p50 %.2fx, p99 %.2fx; duplicate: throughput %.3fx, p50 %.2fx, "
                                           + "p99 %.2fx%n",
                    jdbcNew.perSecond() / memoryNew.perSecond(), jdbcNew.p50() / memoryNew.p50(),
                    jdbcNew.p99() / memoryNew.p99(), jdbcDuplicate.perSecond() / memoryDuplicate.perSecond(),
                    jdbcDuplicate.p50() / memoryDuplicate.p50(), jdbcDuplicate.p99() / memoryDuplicate.p99());
            System.out.flush();
        }
    }

    private WebhookIngestionBenchmark() {
    }

    static Result run() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.start(); // loopback (PostgreSQL's default listen_addresses)
        HikariDataSource pool = null;
        Target memory = null;
        Target jdbc = null;
        try {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            config.setMaximumPoolSize(CLIENTS);
            config.setPoolName("webhook-ingestion");
            pool = new HikariDataSource(config);
            Counting counting = new Counting(pool);
            memory = new Target("memory", MemoryIdempotentRepository.memoryIdempotentRepository(1_000_000), null);
            jdbc = new Target("jdbc", new JdbcMessageIdRepository(counting.dataSource(), "ticket-webhook"), counting);

            int next = 1;
            for (Target target : List.of(memory, jdbc)) { // JIT, connections, the pool
                List<String> warm = deliveries(next, WARM_UP);
                target.post(warm, "\"routed\":1");
                target.post(warm, "\"duplicates\":1");
            }
            next += WARM_UP;
            for (int round = 0; round < ROUNDS; round++) {
                List<Target> order = round % 2 == 0 ? List.of(memory, jdbc) : List.of(jdbc, memory);
                for (Target target : order) {
                    List<String> batch = deliveries(next, DELIVERIES);
                    target.measure(target.fresh, batch, "\"routed\":1");
                    target.measure(target.duplicate, batch, "\"duplicates\":1");
                }
                next += DELIVERIES;
            }
            return new Result(
                    memory.fresh.phase("new"), jdbc.fresh.phase("new"), memory.duplicate.phase("duplicate"),
                    jdbc.duplicate.phase("duplicate"));
        } finally {
            if (memory != null) {
                memory.close();
            }
            if (jdbc != null) {
                jdbc.close();
            }
            if (pool != null) {
                pool.close();
            }
            postgres.close();
        }
    }

    /** {@code count} deliveries of distinct tickets, one version each, as Halo posts a status change. */
    private static List<String> deliveries(int firstTicket, int count) {
        List<String> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int ticket = firstTicket + i;
            String lastUpdate = HALO_TIME.format(FIRST_UPDATE.plusSeconds(ticket));
            bodies.add("{\"id\":\"" + String.format(Locale.ROOT, "8e25bc7b-5d0f-4a8f-9a53-%012x", ticket)
                       + "\",\"webhook_id\":\"0f7e2c1a-3b4d-4e5f-8a9b-1c2d3e4f5a6b\",\"notification_id\":27,"
                       + "\"escmsg_id\":" + (40_000 + ticket) + ",\"event\":\"Ticket Status Changed\","
                       + "\"message\":\"Ticket " + ticket + " status changed to In Progress\",\"object_id\":" + ticket
                       + ",\"agent_id\":2,\"timestamp\":\"" + lastUpdate + "0000Z\",\"ticket\":{\"id\":" + ticket
                       + ",\"summary\":\"Printer jammed " + ticket + "\",\"status_id\":2,\"client_id\":1,"
                       + "\"last_update\":\"" + lastUpdate + "\",\"dateoccurred\":\"2026-09-20T09:00:00\"}}");
        }
        return bodies;
    }

    /** One Camel context serving halo-webhook:tickets on its own loopback port with one repository. */
    private static final class Target implements AutoCloseable {

        final String name;
        final Counting counting;
        final CamelContext context;
        final URI uri;
        final Samples fresh = new Samples();
        final Samples duplicate = new Samples();
        final AtomicLong routed = new AtomicLong();

        Target(String name, IdempotentRepository repository, Counting counting) throws Exception {
            this.name = name;
            this.counting = counting;
            int port = freePort();
            uri = URI.create("http://127.0.0.1:" + port + "/halo-webhook/tickets");
            context = new DefaultCamelContext();
            VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
            server.setBindHost("127.0.0.1");
            server.setBindPort(port);
            context.addService(new VertxPlatformHttpServer(server));
            context.getRegistry().bind("repo", repository);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // every delivery carries last_update: Halo (an unused port) is never called
                    from("halo-webhook:tickets?baseUrl=RAW(http://127.0.0.1:9)&clientId=bench&clientSecret=RAW(bench)"
                         + "&bearerToken=" + BEARER + "&idempotentRepository=#repo")
                            .routeId("webhook-" + name)
                            .process(e -> routed.incrementAndGet());
                }
            });
            context.start();
        }

        /** Posts the deliveries, counted into {@code samples}. */
        void measure(Samples samples, List<String> bodies, String expected) throws Exception {
            long[] before = counting == null ? new long[4] : counting.snapshot();
            long start = System.nanoTime();
            double[] millis = post(bodies, expected);
            samples.seconds += (System.nanoTime() - start) / 1e9;
            long[] after = counting == null ? new long[4] : counting.snapshot();
            samples.millis.add(millis);
            samples.deliveries += bodies.size();
            for (int i = 0; i < 4; i++) {
                samples.counts[i] += after[i] - before[i];
            }
        }

        /**
         * Posts the deliveries from {@link #CLIENTS} threads, each with its own HTTP client, and returns the latency of
         * each in ms (request to a 200 whose body contains {@code expected}).
         */
        double[] post(List<String> bodies, String expected) throws Exception {
            double[] millis = new double[bodies.size()];
            CyclicBarrier start = new CyclicBarrier(CLIENTS);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int first = c;
                    runs.add(clients.submit(() -> {
                        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                        start.await(30, TimeUnit.SECONDS);
                        for (int i = first; i < bodies.size(); i += CLIENTS) {
                            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                                    .header("Content-Type", "application/json")
                                    .header("Authorization", "Bearer " + BEARER)
                                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build();
                            long t0 = System.nanoTime();
                            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                            millis[i] = (System.nanoTime() - t0) / 1e6;
                            if (answer.statusCode() != 200 || !answer.body().contains(expected)) {
                                throw new IllegalStateException(
                                        name + ": expected 200 with " + expected + ", got "
                                                                + answer.statusCode() + " " + answer.body());
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> run : runs) {
                    run.get(5, TimeUnit.MINUTES);
                }
            } finally {
                clients.shutdownNow();
            }
            return millis;
        }

        @Override
        public void close() throws Exception {
            context.stop();
        }

        /** What one repository's phase collected over the rounds. */
        final class Samples {
            final List<double[]> millis = new ArrayList<>();
            final long[] counts = new long[4];
            int deliveries;
            double seconds;

            Phase phase(String phase) {
                double[] all = millis.stream().flatMapToDouble(Arrays::stream).toArray();
                return new Phase(name, phase, deliveries, seconds, all, counts[0], counts[1], counts[2], counts[3]);
            }
        }
    }

    /**
     * Counts what the repository asks of the database: connections taken from the pool, statements executed (each
     * {@code execute*} call on a statement: one round trip), commits and rollbacks (one round trip each). PostgreSQL's
     * JDBC driver sends a transaction's BEGIN with its first statement and turning auto-commit off or on again sends
     * nothing by itself, so statements + commits + rollbacks are the round trips; the pool's own validation of a
     * connection idle for more than 500 ms happens below this wrapper and is not counted.
     */
    private static final class Counting {

        private final DataSource target;
        private final AtomicLong connections = new AtomicLong();
        private final AtomicLong statements = new AtomicLong();
        private final AtomicLong commits = new AtomicLong();
        private final AtomicLong rollbacks = new AtomicLong();

        Counting(DataSource target) {
            this.target = target;
        }

        long[] snapshot() {
            return new long[] { connections.get(), statements.get(), commits.get(), rollbacks.get() };
        }

        DataSource dataSource() {
            return proxy(DataSource.class, target, (method, result) -> {
                if (method.getName().equals("getConnection")) {
                    connections.incrementAndGet();
                    return connection((Connection) result);
                }
                return result;
            });
        }

        private Connection connection(Connection connection) {
            return proxy(Connection.class, connection, (method, result) -> {
                switch (method.getName()) {
                    case "commit" -> commits.incrementAndGet();
                    case "rollback" -> rollbacks.incrementAndGet();
                    default -> {
                        if (result instanceof Statement statement) {
                            return statement(statement);
                        }
                    }
                }
                return result;
            });
        }

        private Statement statement(Statement statement) {
            Class<? extends Statement> type = statement instanceof java.sql.CallableStatement
                    ? java.sql.CallableStatement.class
                    : statement instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
            return proxy(type, statement, (method, result) -> {
                if (method.getName().startsWith("execute")) {
                    statements.incrementAndGet();
                }
                return result;
            });
        }

        /** What a wrapper does with the target's answer to a call (it may wrap or count it). */
        private interface After {
            Object apply(Method method, Object result);
        }

        private static <T> T proxy(Class<T> type, Object target, After after) {
            InvocationHandler handler = (self, method, args) -> {
                Object result;
                try {
                    result = method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
                return after.apply(method, result);
            };
            return type.cast(Proxy.newProxyInstance(WebhookIngestionBenchmark.class.getClassLoader(),
                    new Class<?>[] { type }, handler));
        }
    }

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
