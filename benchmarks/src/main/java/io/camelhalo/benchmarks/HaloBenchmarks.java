package io.camelhalo.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.camelhalo.component.halo.HaloComponent;
import io.camelhalo.component.halo.HaloConfiguration;
import io.camelhalo.component.halo.HaloConstants;
import io.camelhalo.sandbox.HaloSandbox;
import io.camelhalo.sandbox.HaloSandboxOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * Measures the six performance targets of the component in one run, each against its baseline measured in the same run,
 * and prints a table. Everything runs on loopback; every phase is bounded in time or in requests.
 * <p>
 * Target 1 runs under JMH ({@link JmhOverhead}). System properties: {@code bench.quick} (a shorter JMH run for target
 * 1), {@code bench.seconds} (target 3's rounds take one second more, default 2), {@code bench.records} (tenant size for
 * target 2, default 200000), {@code bench.overheadOnly} (target 1 alone), {@code bench.webhookIngestionOnly} (row 8,
 * webhook ingestion through a JDBC idempotent repository, alone; see {@link WebhookIngestionBenchmark} for its own
 * properties).
 */
public final class HaloBenchmarks {

    private static final int ROUND_SECONDS = Integer.getInteger("bench.seconds", 2);
    private static final int STREAM_RECORDS = Integer.getInteger("bench.records", 200_000);
    /** The most one forked walk may take: 200,000 records at 20 ms per page take about 45 s streamed, 90 s not. */
    private static final int WALK_LIMIT_SECONDS = 300;

    private final List<Row> rows = new ArrayList<>();

    private HaloBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        HaloBenchmarks bench = new HaloBenchmarks();
        System.out.println(machine());
        if (Boolean.getBoolean("bench.webhookIngestionOnly")) {
            bench.webhookIngestion();
            bench.print();
            return;
        }
        bench.overhead();
        if (Boolean.getBoolean("bench.overheadOnly")) {
            bench.print();
            return;
        }
        bench.concurrency();
        bench.tokens();
        bench.pollingCost();
        bench.batchWrites();
        bench.streaming();
        bench.catchUp();
        bench.webhookIngestion();
        bench.print();
    }

    // ---- 7. catch-up ----------------------------------------------------------------------------

    private void catchUp() throws Exception {
        log("7. catch-up: halo-poll of %,d changes (2 KB each) in a JVM with -Xmx96m, maxMessagesPerPoll=%d",
                CatchUpWalk.CHANGES, CatchUpWalk.WINDOW);
        Map<String, String> windows = CatchUpWalk.run(CatchUpWalk.WINDOW);
        log("   windows: %s", windows);
        Map<String, String> whole = CatchUpWalk.run(0);
        log("   one poll (maxMessagesPerPoll=0): %s", whole);
        boolean caughtUp = !windows.containsKey("failed")
                && String.valueOf(CatchUpWalk.CHANGES).equals(windows.get("distinct"))
                && String.valueOf(CatchUpWalk.CHANGES).equals(windows.get("delivered"));
        rows.add(new Row(
                "7 catch-up of " + String.format(Locale.ROOT, "%,d", CatchUpWalk.CHANGES) + " changes in -Xmx96m",
                (caughtUp ? windows.get("distinct") + " delivered once each" : "FAILED " + windows)
                                                                                                                   + ", heap peak <= "
                                                                                                                   + windows
                                                                                                                           .get("peakHeapMb")
                                                                                                                   + " MB, "
                                                                                                                   + windows
                                                                                                                           .get("polls")
                                                                                                                   + " polls, "
                                                                                                                   + windows
                                                                                                                           .get("apiRequests")
                                                                                                                   + " requests, "
                                                                                                                   + windows
                                                                                                                           .get("progressChars")
                                                                                                                   + " characters of progress",
                "one poll: " + (whole.containsKey("failed") ? whole.get("failed") : "fitted, " + whole),
                "-", "every change once, in 96 MB", caughtUp));
    }

    // ---- 1. overhead ----------------------------------------------------------------------------

    private void overhead() throws Exception {
        log("1. overhead: halo:tickets/get route vs a plain JDK HttpClient GET + Jackson parse, one thread, JMH");
        JmhOverhead.Summary jmh = JmhOverhead.run();
        jmh.print();
        overheadRow(jmh, JmhOverhead.RAW, "1 overhead (per GET, route vs raw JDK HttpClient; JMH)",
                " raw JDK HttpClient (default settings)", true);
        // reported, not judged: the target's baseline is the raw call above; this one shows what Camel and the
        // component add on top of the same JDK client settings (docs/BENCHMARKS.md explains where it goes)
        overheadRow(jmh, JmhOverhead.RAW_DIRECT,
                "1b Camel + component alone (route vs raw with the component's client settings)",
                " raw JDK HttpClient, executor(Runnable::run)", false);
    }

    /**
     * Judged on the alternating rounds (both sides within a second of each other in one JVM); the forks' medians,
     * minutes apart, are printed above them and move with the machine's load by far more than 5 %.
     */
    private void overheadRow(
            JmhOverhead.Summary jmh, String baseline, String name, String baselineName,
            boolean judged) {
        double[] alternating = jmh.alternatingRatio(baseline);
        double cpu = alternating != null ? alternating[0] : jmh.ratio(baseline, "cpu.client");
        double throughput = alternating != null ? alternating[3] : jmh.throughputCost(baseline);
        double bytes = alternating != null ? alternating[6] : jmh.ratio(baseline, "gc.alloc.rate.norm");
        rows.add(new Row(
                name, perCall(jmh, JmhOverhead.ROUTE), perCall(jmh, baseline) + baselineName,
                String.format(Locale.ROOT, "CPU %.3fx, throughput %.3fx, bytes %.3fx", cpu, throughput, bytes),
                judged ? "<= 1.05x CPU and throughput" : "none (reported)",
                judged ? (Boolean) (cpu <= 1.05 && throughput <= 1.05) : null));
    }

    private static String perCall(JmhOverhead.Summary jmh, String method) {
        double[] alternating = jmh.alternatingSide(method);
        if (alternating != null) {
            return String.format(Locale.ROOT, "%.0f req/s, %.1f us CPU, %.0f B per call", alternating[0], alternating[1],
                    alternating[2]);
        }
        return String.format(Locale.ROOT, "%.0f req/s, %.1f us CPU, %.0f B per call", jmh.throughput(method),
                jmh.perCall(method, "cpu.client"), jmh.perCall(method, "gc.alloc.rate.norm"));
    }

    // ---- 3. concurrency -------------------------------------------------------------------------

    private void concurrency() throws Exception {
        log("3. concurrency: halo:tickets/get, server adds 20 ms per request, 8 threads vs 1");
        try (BenchServer server = new BenchServer(Duration.ofMillis(20), 1)) {
            CamelContext context = context(server.baseUrl(), "bench", "bench");
            try {
                ProducerTemplate template = context.createProducerTemplate();
                Runnable route = () -> template.requestBodyAndHeader("direct:get", null, HaloConstants.ID, 1L);
                throughput(route, 8, 1); // warm-up, opens the connections
                double one = throughput(route, 1, ROUND_SECONDS + 1);
                double eight = throughput(route, 8, ROUND_SECONDS + 1);
                double ratio = eight / one;
                rows.add(new Row(
                        "3 concurrency (8 threads vs 1, +20 ms)",
                        String.format(Locale.ROOT, "%.1f req/s with 8", eight),
                        String.format(Locale.ROOT, "%.1f req/s with 1", one),
                        String.format(Locale.ROOT, "%.2fx", ratio), ">= 6x", ratio >= 6));
            } finally {
                context.stop();
            }
        }
    }

    // ---- 4. token -------------------------------------------------------------------------------

    private void tokens() throws Exception {
        log("4. token: 16 threads at once on a cold component; then 10,000 calls");
        try (HaloSandbox sandbox = HaloSandbox.start(0)) {
            long id = ((Number) sandbox.put("tickets", new HashMap<>(Map.of("summary", "bench"))).get("id")).longValue();
            CamelContext context = context(sandbox.baseUrl(), sandbox.clientId(), sandbox.clientSecret());
            try {
                ProducerTemplate template = context.createProducerTemplate();
                sandbox.resetCounters();
                int threads = 16;
                CyclicBarrier barrier = new CyclicBarrier(threads);
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                List<Future<?>> calls = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    calls.add(pool.submit(() -> {
                        barrier.await(10, TimeUnit.SECONDS);
                        return template.requestBodyAndHeader("direct:get", null, HaloConstants.ID, id);
                    }));
                }
                for (Future<?> call : calls) {
                    call.get(60, TimeUnit.SECONDS);
                }
                int cold = sandbox.tokenRequestCount();
                rows.add(new Row(
                        "4a token, 16 threads on a cold component", cold + " token request(s)",
                        threads + " calls", ratio(cold, threads), "= 1", cold == 1));

                int n = 10_000;
                List<Future<?>> runs = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    runs.add(pool.submit(() -> {
                        for (int i = 0; i < n / 4; i++) {
                            template.requestBodyAndHeader("direct:get", null, HaloConstants.ID, id);
                        }
                        return null;
                    }));
                }
                for (Future<?> run : runs) {
                    run.get(300, TimeUnit.SECONDS);
                }
                pool.shutdownNow();
                int warm = sandbox.tokenRequestCount();
                rows.add(new Row(
                        "4b token, 10,000 more calls in one lifetime", warm + " token request(s) in all",
                        (n + threads) + " calls", ratio(warm, n + threads), "= 1", warm == 1));
            } finally {
                context.stop();
            }
        }
    }

    // ---- 5. polling cost ------------------------------------------------------------------------

    private void pollingCost() throws Exception {
        int tenant = 100_000;
        int k = 250;
        log("5. polling cost: halo-poll:tickets on a %,d-ticket tenant, idle and after %d changes", tenant, k);
        HaloSandboxOptions options = HaloSandboxOptions.defaults().withPort(0).withSeedData(false);
        try (HaloSandbox sandbox = HaloSandbox.start(options)) {
            sandbox.setNow(Instant.now().minus(Duration.ofHours(1))); // the tenant's history, an hour old
            for (int i = 0; i < tenant; i++) {
                sandbox.put("tickets", new HashMap<>(Map.of("summary", "ticket " + i, "client_id", 1 + i % 50)));
            }
            sandbox.setClock(Clock.system(ZoneOffset.UTC));
            CamelContext context = new DefaultCamelContext();
            configure(context, sandbox.baseUrl(), sandbox.clientId(), sandbox.clientSecret());
            AtomicLong delivered = new AtomicLong();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("halo-poll:tickets?startScheduler=false").routeId("poll").process(e -> delivered.incrementAndGet());
                }
            });
            context.start();
            try {
                ScheduledPollConsumer consumer = (ScheduledPollConsumer) context.getRoute("poll").getConsumer();
                consumer.run(); // first poll: starts from now
                sandbox.resetCounters();
                consumer.run();
                int idle = sandbox.apiRequestCount();
                int fullRead = (tenant + 99) / 100;
                rows.add(new Row(
                        "5a idle poll, 100,000 tickets", idle + " request(s)",
                        fullRead + " requests to read the tenant (computed)", ratio(idle, fullRead), "= 1", idle == 1));

                for (int i = 1; i <= k; i++) {
                    sandbox.put("tickets", new HashMap<>(Map.of("id", (long) i, "summary", "changed")));
                }
                sandbox.resetCounters();
                consumer.run();
                int changed = sandbox.apiRequestCount();
                int bound = 1 + (k + 99) / 100;
                rows.add(new Row(
                        "5b poll after " + k + " changes", changed + " requests, " + delivered.get()
                                                           + " delivered",
                        fullRead + " requests to read the tenant (computed)", ratio(changed, fullRead),
                        "<= 1 + ceil(k/100) = " + bound, changed <= bound && delivered.get() == k));
            } finally {
                context.stop();
            }
        }
    }

    // ---- 6. batch writes ------------------------------------------------------------------------

    private void batchWrites() throws Exception {
        log("6. batch writes: create 1,000 tickets from one List vs one exchange per record");
        try (HaloSandbox sandbox = HaloSandbox.start(HaloSandboxOptions.defaults().withPort(0).withSeedData(false))) {
            CamelContext context = context(sandbox.baseUrl(), sandbox.clientId(), sandbox.clientSecret());
            try {
                ProducerTemplate template = context.createProducerTemplate();
                List<Map<String, Object>> records = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    records.add(Map.of("summary", "batch " + i));
                }
                sandbox.resetCounters();
                long t0 = System.nanoTime();
                List<?> saved = template.requestBody("halo:tickets/create", records, List.class);
                long batchMs = (System.nanoTime() - t0) / 1_000_000;
                int batch = sandbox.apiRequestCount();
                boolean inOrder = saved.size() == 1000;
                for (int i = 0; inOrder && i < 1000; i++) {
                    inOrder = ("batch " + i).equals(((Map<?, ?>) saved.get(i)).get("summary"));
                }
                sandbox.resetCounters();
                t0 = System.nanoTime();
                for (Map<String, Object> record : records) {
                    template.requestBody("halo:tickets/create", record);
                }
                long singleMs = (System.nanoTime() - t0) / 1_000_000;
                int single = sandbox.apiRequestCount();
                rows.add(new Row(
                        "6 batch create of 1,000", batch + " requests, " + batchMs + " ms"
                                                   + (inOrder ? ", results in input order" : ", ORDER LOST"),
                        single + " requests, " + singleMs + " ms, one per record", ratio(batch, single), "<= 10 requests",
                        batch <= 10 && inOrder));
            } finally {
                context.stop();
            }
        }
    }

    // ---- 2. streaming ---------------------------------------------------------------------------

    private void streaming() throws Exception {
        log("2. streaming: %,d tickets in a JVM with -Xmx96m; server +20 ms per page, route 20 ms per page",
                STREAM_RECORDS);
        Map<String, String> buffered;
        try (BenchServer fast = new BenchServer(Duration.ZERO, STREAM_RECORDS)) {
            buffered = fork(fast.baseUrl(), "buffered", 0);
        }
        log("   buffered List in -Xmx96m: %s", buffered);
        Map<String, String> stream;
        Map<String, String> sequential;
        try (BenchServer server = new BenchServer(Duration.ofMillis(20), STREAM_RECORDS)) {
            stream = fork(server.baseUrl(), "stream", 20);
            log("   stream: %s", stream);
            sequential = fork(server.baseUrl(), "sequential", 20);
            log("   sequential: %s", sequential);
        }
        boolean walked = !stream.containsKey("failed") && String.valueOf(STREAM_RECORDS).equals(stream.get("records"));
        boolean bufferedFails = buffered.containsKey("failed");
        double streamSeconds = Double.parseDouble(stream.getOrDefault("seconds", "NaN"));
        double sequentialSeconds = Double.parseDouble(sequential.getOrDefault("seconds", "NaN"));
        double ratio = streamSeconds / sequentialSeconds;
        rows.add(new Row(
                "2a streamed walk of " + String.format(Locale.ROOT, "%,d", STREAM_RECORDS) + " in -Xmx96m",
                (walked ? stream.get("records") + " records" : "FAILED " + stream) + ", heap peak <= "
                                                                                                            + stream.get(
                                                                                                                    "peakHeapMb")
                                                                                                            + " MB",
                "buffered List: " + (bufferedFails ? buffered.get("failed") : "fitted, " + buffered.get("records")),
                "-", "completes; buffered does not fit", walked && bufferedFails));
        rows.add(new Row(
                "2b streamed walk time (+20 ms/page each side)",
                String.format(Locale.ROOT, "%.1f s", streamSeconds),
                String.format(Locale.ROOT, "%.1f s pages one after another", sequentialSeconds),
                String.format(Locale.ROOT, "%.3fx", ratio), "<= 0.6x", walked && ratio <= 0.6));
    }

    // ---- 8. webhook ingestion --------------------------------------------------------

    private void webhookIngestion() throws Exception {
        log("8. webhook ingestion: halo-webhook:tickets (Vert.x, loopback), %,d deliveries x %d rounds per phase, "
            + "%d clients; idempotentRepository JdbcMessageIdRepository on embedded PostgreSQL (HikariCP) vs in memory",
                WebhookIngestionBenchmark.DELIVERIES, WebhookIngestionBenchmark.ROUNDS, WebhookIngestionBenchmark.CLIENTS);
        WebhookIngestionBenchmark.Result result = WebhookIngestionBenchmark.run();
        result.print();
        ingestionRow("8a webhook ingestion, new versions (JDBC repository, PostgreSQL)", result.jdbcNew(),
                result.memoryNew());
        ingestionRow("8b webhook ingestion, re-sent: all duplicates (JDBC repository, PostgreSQL)", result.jdbcDuplicate(),
                result.memoryDuplicate());
    }

    private void ingestionRow(String name, WebhookIngestionBenchmark.Phase jdbc, WebhookIngestionBenchmark.Phase memory) {
        rows.add(new Row(
                name,
                String.format(Locale.ROOT, "%.0f deliveries/s, p50 %.2f ms, p99 %.2f ms; per delivery %.2f statements + "
                                           + "%.2f commits (%.2f round trips)",
                        jdbc.perSecond(), jdbc.p50(), jdbc.p99(), jdbc.per(jdbc.statements()), jdbc.per(jdbc.commits()),
                        jdbc.per(jdbc.statements() + jdbc.commits() + jdbc.rollbacks())),
                String.format(Locale.ROOT, "%.0f deliveries/s, p50 %.2f ms, p99 %.2f ms in-memory repository",
                        memory.perSecond(), memory.p50(), memory.p99()),
                String.format(Locale.ROOT, "throughput %.3fx, p50 %.2fx, p99 %.2fx", jdbc.perSecond() / memory.perSecond(),
                        jdbc.p50() / memory.p50(), jdbc.p99() / memory.p99()),
                "none (reported)", null));
    }

    private static Map<String, String> fork(String baseUrl, String mode, long routeMsPerPage) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        // an OutOfMemoryError in any thread (the HTTP client's included) ends the JVM at once, with exit code 3,
        // rather than leaving the walk waiting for a reply that will never be read
        Process process = new ProcessBuilder(
                java, "-Xmx96m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path"), StreamWalk.class.getName(), baseUrl, mode,
                String.valueOf(routeMsPerPage), String.valueOf(WALK_LIMIT_SECONDS))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Map<String, String> results = new HashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("RESULT ")) {
                    String[] parts = line.split(" ", 3);
                    results.put(parts[1], parts[2]);
                }
            }
        }
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            results.putIfAbsent("failed", "did not exit");
        } else if (process.exitValue() == 3) {
            results.putIfAbsent("failed", "OutOfMemoryError (the JVM exited on it)");
        } else if (process.exitValue() != 0) {
            results.putIfAbsent("failed", "exit code " + process.exitValue());
        }
        return results;
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static CamelContext context(String baseUrl, String clientId, String clientSecret) throws Exception {
        CamelContext context = new DefaultCamelContext();
        configure(context, baseUrl, clientId, clientSecret);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:get").to("halo:tickets/get");
            }
        });
        context.start();
        return context;
    }

    private static void configure(CamelContext context, String baseUrl, String clientId, String clientSecret) {
        HaloConfiguration cfg = context.getComponent("halo", HaloComponent.class).getConfiguration();
        cfg.setBaseUrl(baseUrl);
        cfg.setClientId(clientId);
        cfg.setClientSecret(clientSecret);
        cfg.setRateLimit(0); // measure the client, not Halo's per-tenant limit (300 per 5 minutes by default)
        cfg.setCheckCredentialsOnStart(false); // row 4a measures the first token of a cold component, under load
    }

    /** Calls per second of {@code call} on {@code threads} threads for {@code seconds}. */
    private static double throughput(Runnable call, int threads, int seconds) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong count = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> runs = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            runs.add(pool.submit(() -> {
                long n = 0;
                while (!stop.get()) {
                    call.run();
                    n++;
                }
                count.addAndGet(n);
            }));
        }
        TimeUnit.SECONDS.sleep(seconds);
        stop.set(true);
        for (Future<?> run : runs) {
            run.get(60, TimeUnit.SECONDS);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdownNow();
        return count.get() / elapsed;
    }

    private static String ratio(long figure, long baseline) {
        return String.format(Locale.ROOT, "%.4fx", (double) figure / baseline);
    }

    private static String machine() {
        Runtime rt = Runtime.getRuntime();
        long physical = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            physical = os.getTotalMemorySize() / (1024 * 1024);
        }
        return String.format(Locale.ROOT, "machine: %d cores, %,d MB RAM, %s %s (%s), %s %s; benchmark JVM heap %,d MB",
                rt.availableProcessors(), physical, System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vendor"),
                System.getProperty("os.name"), System.getProperty("os.arch"), rt.maxMemory() / (1024 * 1024));
    }

    private static void log(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    private void print() {
        String[] header = { "target", "figure", "baseline (same run)", "ratio", "goal", "result" };
        List<String[]> lines = new ArrayList<>();
        lines.add(header);
        for (Row r : rows) {
            lines.add(new String[] {
                    r.name, r.figure, r.baseline, r.ratio, r.goal,
                    r.pass == null ? "info" : r.pass ? "PASS" : "FAIL" });
        }
        System.out.println();
        for (String[] line : lines) {
            System.out.println("| " + String.join(" | ", line) + " |");
            if (line == header) {
                System.out.println("|---|---|---|---|---|---|");
            }
        }
        long judged = rows.stream().filter(r -> r.pass != null).count();
        long failed = rows.stream().filter(r -> Boolean.FALSE.equals(r.pass)).count();
        System.out.println();
        System.out.println(judged == 0
                ? "no judged rows (reported only)"
                : failed == 0 ? "all " + judged + " judged rows pass" : failed + " of " + judged + " judged rows fail");
    }

    /** @param pass PASS / FAIL against the goal; {@code null}: reported only */
    private record Row(String name, String figure, String baseline, String ratio, String goal, Boolean pass) {
    }
}
