package io.camelhalo.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.camelhalo.component.halo.HaloComponent;
import io.camelhalo.component.halo.HaloConfiguration;
import io.camelhalo.component.halo.HaloConstants;
import io.camelhalo.component.halo.poll.HaloPollConsumer;
import io.camelhalo.sandbox.HaloSandbox;
import io.camelhalo.sandbox.HaloSandboxOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.MemoryStateRepository;

/**
 * Row 7, a catch-up of 20,000 changes by {@code halo-poll:tickets} in a JVM with {@code -Xmx96m}: the launcher
 * ({@link #run}) fills a sandbox with the changes (about 2 KB of JSON each, about 40 MB together, stamped a second
 * apart) and forks this class's {@link #main}, which polls with {@code maxMessagesPerPoll} until every change arrived
 * and prints {@code RESULT <name> <value>} lines: changes delivered, distinct ones, polls, characters of progress
 * written, peak heap.
 * <p>
 * Alone: {@code java -cp <benchmarks classpath> io.camelhalo.benchmarks.CatchUpWalk}.
 */
public final class CatchUpWalk {

    static final int CHANGES = Integer.getInteger("bench.catchUp", 20_000);
    static final int WINDOW = 1_000;

    private CatchUpWalk() {
    }

    /** Runs the row alone and prints what it found. */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            Map<String, String> result = run(WINDOW);
            System.out.println("catch-up of " + CHANGES + " changes, maxMessagesPerPoll=" + WINDOW + ", -Xmx96m: "
                               + result);
            Map<String, String> all = run(0);
            System.out.println("catch-up of " + CHANGES + " changes, maxMessagesPerPoll=0, -Xmx96m: " + all);
            return;
        }
        walk(args[0], args[1], args[2], Integer.parseInt(args[3]), Instant.parse(args[4]));
    }

    /** Fills a sandbox, forks the walk with {@code window} as maxMessagesPerPoll, and returns its results. */
    static Map<String, String> run(int window) throws Exception {
        try (HaloSandbox sandbox = HaloSandbox.start(HaloSandboxOptions.defaults().withSeedData(false))) {
            Instant start = Instant.parse("2026-01-01T00:00:00Z");
            String details = "x".repeat(2_000);
            for (int i = 0; i < CHANGES; i++) {
                sandbox.setNow(start.plusSeconds(1 + i));
                sandbox.put("tickets", new HashMap<>(Map.of("summary", "change " + i, "details", details)));
            }
            sandbox.setNow(start.plusSeconds(CHANGES + 3_600));
            sandbox.resetCounters();
            String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
            Process process = new ProcessBuilder(
                    java, "-Xmx96m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                    CatchUpWalk.class.getName(), sandbox.baseUrl(), sandbox.clientId(), sandbox.clientSecret(),
                    String.valueOf(window), start.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Map<String, String> results = new HashMap<>();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
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
            results.put("apiRequests", String.valueOf(sandbox.apiRequestCount()));
            return results;
        }
    }

    private static void walk(String baseUrl, String clientId, String clientSecret, int window, Instant from)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        HaloConfiguration cfg = context.getComponent("halo", HaloComponent.class).getConfiguration();
        cfg.setBaseUrl(baseUrl);
        cfg.setClientId(clientId);
        cfg.setClientSecret(clientSecret);
        cfg.setRateLimit(0); // measure the catch-up, not Halo's per-tenant limit
        AtomicLong chars = new AtomicLong();
        context.getRegistry().bind("progress", new MemoryStateRepository() {
            @Override
            public void setState(String key, String value) {
                chars.addAndGet(value.length());
                super.setState(key, value);
            }
        });
        AtomicLong delivered = new AtomicLong();
        Set<Object> distinct = new HashSet<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("halo-poll:tickets?startScheduler=false&stateRepository=#progress&startFrom=" + from
                     + "&maxMessagesPerPoll=" + window).routeId("catch-up")
                        .process(e -> {
                            delivered.incrementAndGet();
                            distinct.add(e.getMessage().getHeader(HaloConstants.RECORD_ID));
                        });
            }
        });
        context.start();
        long start = System.nanoTime();
        int polls = 0;
        try {
            HaloPollConsumer consumer = (HaloPollConsumer) context.getRoute("catch-up").getConsumer();
            while (distinct.size() < CHANGES && polls < 1_000) {
                consumer.run();
                polls++;
                if (consumer.lastPollError() != null) {
                    throw new IllegalStateException(consumer.lastPollError());
                }
            }
        } catch (Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            System.out.println("RESULT failed " + root.getClass().getSimpleName());
        }
        System.out.println("RESULT delivered " + delivered.get());
        System.out.println("RESULT distinct " + distinct.size());
        System.out.println("RESULT polls " + polls);
        System.out.println("RESULT progressChars " + chars.get());
        System.out.println("RESULT seconds " + (System.nanoTime() - start) / 1e9);
        System.out.println("RESULT peakHeapMb " + peakHeapMb());
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }
}
