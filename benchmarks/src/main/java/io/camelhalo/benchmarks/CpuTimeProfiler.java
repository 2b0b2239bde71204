package io.camelhalo.benchmarks;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per benchmark call from {@link ThreadMXBean#getThreadCpuTime}, which moves far less than throughput when
 * other processes share the cores. In microseconds per call, averaged over the measurement iterations:
 * <ul>
 * <li>{@code cpu.caller}: the JMH worker thread, i.e. the calling thread (template, route, producer, request building,
 * parse);</li>
 * <li>{@code cpu.client}: every Java thread of the benchmark JVM: the caller plus the HTTP client's selector and worker
 * threads and Camel's. The JIT's and the GC's threads are not Java threads and are left out: the JIT's work is warm-up,
 * not a cost per call, and the GC's follows from the bytes per call ({@code gc.alloc.rate.norm});</li>
 * <li>{@code cpu.server}: the {@link BenchServer}'s threads per API request served, when it runs in another JVM
 * ({@code -Dbench.url}); {@code cpu.total} is client plus server, what a whole-JVM figure would show.</li>
 * </ul>
 * and {@code alloc.caller}, the bytes the calling thread allocates per call (beside {@code gc.alloc.rate.norm}, which
 * counts every thread). {@code -Dbench.cpu.threads=true} also prints each iteration's busiest threads.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private static final String CALLER = "jmh-worker";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final String statsUrl = System.getProperty("bench.url") == null
            ? null : System.getProperty("bench.url") + BenchServer.STATS_PATH;
    private Map<String, Long> start;
    private Map<String, Long> callerAllocStart;
    private long[] serverStart;

    @Override
    public String getDescription() {
        return "CPU time per call: calling thread, benchmark JVM's Java threads, loopback server's";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        serverStart = serverStats();
        callerAllocStart = callerAllocated();
        start = threadCpu();
    }

    @Override
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        Map<String, Long> spent = threadCpu();
        Map<String, Long> allocated = callerAllocated();
        long[] serverEnd = serverStats();
        spent.replaceAll((thread, cpu) -> cpu - start.getOrDefault(thread, 0L));
        long ops = Math.max(1, result.getMetadata().getAllOps());
        long caller = spent.entrySet().stream().filter(e -> e.getKey().contains(CALLER)).mapToLong(Map.Entry::getValue).sum();
        long client = spent.values().stream().mapToLong(Long::longValue).sum();
        if (Boolean.getBoolean("bench.cpu.threads")) {
            System.out.println("busiest threads, us per call: " + spent.entrySet().stream()
                    .sorted(Map.Entry.<String, Long> comparingByValue().reversed()).limit(8)
                    .map(e -> e.getKey() + "=" + e.getValue() / 1000 / ops).collect(Collectors.joining(", ")));
        }
        List<Result> results = new ArrayList<>();
        results.add(perCall("cpu.caller", caller, ops));
        results.add(perCall("cpu.client", client, ops));
        long callerBytes = 0;
        for (Map.Entry<String, Long> e : allocated.entrySet()) {
            callerBytes += e.getValue() - callerAllocStart.getOrDefault(e.getKey(), 0L);
        }
        results.add(new ScalarResult("alloc.caller", (double) callerBytes / ops, "B/op", AggregationPolicy.AVG));
        if (serverStart != null && serverEnd != null && serverEnd[1] > serverStart[1]) {
            long served = serverEnd[1] - serverStart[1];
            double server = (serverEnd[0] - serverStart[0]) / 1e3 / served;
            results.add(new ScalarResult("cpu.server", server, "us/op", AggregationPolicy.AVG));
            results.add(new ScalarResult("cpu.total", client / 1e3 / ops + server, "us/op", AggregationPolicy.AVG));
        }
        return results;
    }

    private static ScalarResult perCall(String label, long nanos, long ops) {
        return new ScalarResult(label, nanos / 1e3 / ops, "us/op", AggregationPolicy.AVG);
    }

    /** Bytes allocated by the calling threads, by thread (name#id). */
    private Map<String, Long> callerAllocated() {
        Map<String, Long> bytes = new HashMap<>();
        if (threads instanceof com.sun.management.ThreadMXBean hotspot) {
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null && info.getThreadName().contains(CALLER)) {
                    long b = hotspot.getThreadAllocatedBytes(info.getThreadId());
                    if (b >= 0) {
                        bytes.put(info.getThreadName() + "#" + info.getThreadId(), b);
                    }
                }
            }
        }
        return bytes;
    }

    /** CPU time by thread (name#id) of this JVM's live Java threads. */
    private Map<String, Long> threadCpu() {
        Map<String, Long> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            long t = info == null ? -1 : threads.getThreadCpuTime(info.getThreadId());
            if (t >= 0) {
                cpu.put(info.getThreadName() + "#" + info.getThreadId(), t);
            }
        }
        return cpu;
    }

    /** {CPU ns of the server's threads, API requests served}, or null when it runs in this JVM. */
    private long[] serverStats() {
        if (statsUrl == null) {
            return null;
        }
        try (InputStream in = new URL(statsUrl).openStream()) {
            String[] parts = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().split(" ");
            return new long[] { Long.parseLong(parts[0]), Long.parseLong(parts[1]) };
        } catch (Exception e) {
            return null;
        }
    }
}
