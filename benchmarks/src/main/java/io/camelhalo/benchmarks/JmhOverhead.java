package io.camelhalo.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link OverheadBenchmark} under JMH against one {@link BenchServer} started here, so every fork calls the same
 * server and the forks' CPU and allocation figures are the client side alone, with JMH's GC profiler and
 * {@link CpuTimeProfiler}; prints route / raw ratios of throughput, CPU per call and bytes per call.
 * <p>
 * The raw and route forks run in pairs, the order swapped every pair (raw, route, route, raw, ...): JMH would run all
 * forks of one benchmark before the other's, and on a machine shared with other builds the load moves between minutes
 * far more than the difference measured. Each pair's ratio compares forks that ran back to back; the figure is the
 * median of the pair ratios, each side of a pair taken as the median of its measured iterations. {@code routeGoverned}
 * and {@code camelOnly} run once after the pairs.
 * <p>
 * Each fork runs on its own core ({@link CorePinning}) and first warms up until steady ({@link SteadyWarmUp}), then 5
 * JMH warm-up iterations of 1 s and 10 measured iterations of 1 s, throughput mode (CPU and bytes per call from the
 * profilers). Defaults: 2 rounds of forks (raw, route, rawDirect, the order rotated), then one sample-time fork each of
 * raw and route for the latency percentiles, then {@code routeGoverned} and {@code camelOnly}.
 * {@code -Dbench.quick=true}: 1 pair, 3 + 5 iterations, a shorter steady warm-up, no sample-time forks. Arguments are
 * JMH command-line options; with a benchmark pattern (e.g. {@code route -prof stack}) they run as one plain JMH run
 * instead of the pairs.
 */
public final class JmhOverhead {

    static final String RAW = "raw";
    static final String ROUTE = "route";
    static final String RAW_DIRECT = "rawDirect";
    private static final List<String> OTHERS = List.of("routeGoverned", "camelOnly");
    private static final int SERVER_WARM_UP_SECONDS = 20;

    private JmhOverhead() {
    }

    public static void main(String[] args) throws Exception {
        run(args).print();
    }

    /** Runs the benchmarks; {@code args} are JMH command-line options. */
    static Summary run(String... args) throws Exception {
        CommandLineOptions cmd = new CommandLineOptions(args);
        boolean quick = Boolean.getBoolean("bench.quick");
        try (CorePinning pinning = CorePinning.pinLauncher();
             BenchServer server = new BenchServer(Duration.ZERO, 1)) {
            warmUp(server);
            List<RunResult> results = new ArrayList<>();
            if (!cmd.getIncludes().isEmpty()) {
                results.addAll(new Runner(
                        options(cmd, server, pinning, quick, null, null,
                                cmd.getForkCount().orElse(1)))
                        .run());
                return new Summary(results);
            }
            int pairs = cmd.getForkCount().orElse(quick ? 1 : 2);
            List<String> rotation = List.of(RAW, ROUTE, RAW_DIRECT);
            for (int pair = 0; pair < pairs; pair++) {
                List<String> order = new ArrayList<>(rotation);
                java.util.Collections.rotate(order, -pair); // each of the three goes first once in three rounds
                for (String method : order) {
                    results.addAll(new Runner(options(cmd, server, pinning, quick, method, Mode.Throughput, 1)).run());
                }
            }
            if (!quick) { // latency percentiles, outside the ratios
                for (String method : List.of(RAW, ROUTE)) {
                    results.addAll(new Runner(options(cmd, server, pinning, quick, method, Mode.SampleTime, 1)).run());
                }
            }
            for (String method : OTHERS) {
                results.addAll(new Runner(options(cmd, server, pinning, quick, method, Mode.Throughput, 1)).run());
            }
            Summary summary = new Summary(results);
            summary.alternating = alternatingRounds(server, pinning, quick ? 10 : 30, 500);
            return summary;
        }
    }

    /** Runs {@link AlternatingRounds} in its own JVM (pinned like the forks) and returns its RESULT lines. */
    private static List<String> alternatingRounds(BenchServer server, CorePinning pinning, int rounds, int blockMillis)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(pinning.forkJvm() != null
                ? pinning.forkJvm()
                : java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx1g", "-Dbench.quick=" + Boolean.getBoolean("bench.quick"), "-cp",
                System.getProperty("java.class.path"), AlternatingRounds.class.getName(), server.baseUrl(),
                String.valueOf(rounds), String.valueOf(blockMillis)));
        System.out.println("# alternating rounds: " + rounds + " rounds of raw, route and rawDirect, " + blockMillis
                           + " ms each, in one JVM");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> results = new ArrayList<>();
        try (java.io.BufferedReader out = new java.io.BufferedReader(
                new java.io.InputStreamReader(process.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("RESULT ")) {
                    results.add(line);
                } else if (line.startsWith("ROUND ") || line.startsWith("# steady")) {
                    System.out.println(line);
                }
            }
        }
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("the alternating rounds failed (exit " + process.exitValue() + ")");
        }
        return results;
    }

    private static Options options(
            CommandLineOptions cmd, BenchServer server, CorePinning pinning, boolean quick,
            String method, Mode mode, int forks) {
        List<String> jvmArgs = new ArrayList<>(cmd.getJvmArgsAppend().orElse(List.of()));
        jvmArgs.add("-Dbench.url=" + server.baseUrl());
        jvmArgs.add("-Dbench.quick=" + quick);
        OptionsBuilder builder = new OptionsBuilder();
        builder.parent(cmd);
        if (method != null) {
            builder.include(OverheadBenchmark.class.getName() + "." + method + "$");
        }
        if (mode != null && cmd.getBenchModes().isEmpty()) {
            builder.mode(mode);
        }
        if (pinning.forkJvm() != null && !cmd.getJvm().hasValue()) {
            builder.jvm(pinning.forkJvm());
        }
        // each fork first warms up until steady (SteadyWarmUp); JMH's warm-up iterations then only settle the loop
        return builder
                .forks(forks)
                .warmupIterations(cmd.getWarmupIterations().orElse(quick ? 3 : 5))
                .warmupTime(cmd.getWarmupTime().orElse(TimeValue.seconds(1)))
                .measurementIterations(cmd.getMeasurementIterations().orElse(quick ? 5 : 10))
                .measurementTime(cmd.getMeasurementTime().orElse(TimeValue.seconds(1)))
                .jvmArgsAppend(jvmArgs.toArray(String[]::new))
                .addProfiler(GCProfiler.class)
                .addProfiler(CpuTimeProfiler.class)
                .shouldFailOnError(true)
                .build();
    }

    /**
     * Compiles the server's code before the first fork measures: a server still interpreting would charge the
     * benchmarks that run first more CPU per request.
     */
    private static void warmUp(BenchServer server) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/Tickets/1"))
                .header("Authorization", "Bearer " + BenchServer.TOKEN).build();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SERVER_WARM_UP_SECONDS);
        while (System.nanoTime() < end) {
            http.send(request, HttpResponse.BodyHandlers.discarding());
        }
    }

    /** The results by benchmark method and mode, one per fork in the order they ran. */
    static final class Summary {
        private final Map<String, List<RunResult>> byName = new HashMap<>();
        /** The RESULT lines of {@link AlternatingRounds}; empty when it did not run. */
        private List<String> alternating = List.of();

        Summary(Collection<RunResult> results) {
            for (RunResult r : results) {
                BenchmarkParams p = r.getParams();
                String method = p.getBenchmark().substring(p.getBenchmark().lastIndexOf('.') + 1);
                byName.computeIfAbsent(method + "/" + p.getMode().shortLabel(), k -> new ArrayList<>()).add(r);
            }
        }

        boolean has(String method) {
            return byName.containsKey(method + "/thrpt");
        }

        /** Calls per second: median of the measured iterations of every fork. */
        double throughput(String method) {
            List<RunResult> runs = byName.get(method + "/thrpt");
            return runs == null ? Double.NaN : median(runs, JmhOverhead::callsPerSecond);
        }

        /**
         * A profiler's figure per call (cpu.caller, cpu.client, cpu.total, gc.alloc.rate.norm): median of the measured
         * iterations of every fork.
         */
        double perCall(String method, String label) {
            List<RunResult> runs = byName.get(method + "/thrpt");
            return runs == null ? Double.NaN : median(runs, it -> secondary(it, label));
        }

        /** A percentile of the sampled call time in microseconds, mean over the forks; NaN without a sample run. */
        double latencyMicros(String method, double percentile) {
            List<RunResult> runs = byName.get(method + "/sample");
            return runs == null
                    ? Double.NaN : runs.stream()
                            .mapToDouble(r -> r.getPrimaryResult().getStatistics().getPercentile(percentile) * 1000)
                            .average().orElse(Double.NaN);
        }

        /** Median over the rounds of baseline throughput / route throughput: how much slower the route is. */
        double throughputCost(String baseline) {
            return pairedMedian(baseline, fork -> 1 / median(List.of(fork), JmhOverhead::callsPerSecond));
        }

        /** Median over the rounds of route / baseline for a per-call figure. */
        double ratio(String baseline, String label) {
            return pairedMedian(baseline, fork -> median(List.of(fork), it -> secondary(it, label)));
        }

        /** Round i is the i-th baseline fork with the i-th route fork (they ran within one round). */
        private double pairedMedian(String baseline, ToDoubleFunction<RunResult> perCall) {
            List<RunResult> raw = byName.get(baseline + "/thrpt");
            List<RunResult> route = byName.get(ROUTE + "/thrpt");
            int pairs = Math.min(raw.size(), route.size());
            double[] ratios = new double[pairs];
            for (int i = 0; i < pairs; i++) {
                ratios[i] = perCall.applyAsDouble(route.get(i)) / perCall.applyAsDouble(raw.get(i));
            }
            return median(ratios);
        }

        /**
         * From the alternating rounds: {@code [cpu median, cpu q1, cpu q3, throughput cost median, q1, q3, bytes]} of
         * route against the baseline, or {@code null} when they did not run.
         */
        double[] alternatingRatio(String baseline) {
            return alternatingLine("ratio", baseline);
        }

        /** From the alternating rounds: {@code [calls/s, CPU us per call, bytes per call]} of a side, or null. */
        double[] alternatingSide(String side) {
            return alternatingLine("side", side);
        }

        /** The numbers of the RESULT line {@code RESULT <kind> <name> <numbers...>}, or {@code null}. */
        private double[] alternatingLine(String kind, String name) {
            for (String line : alternating) {
                String[] f = line.split(" ");
                if (f[1].equals(kind) && f[2].equals(name)) {
                    return Arrays.stream(f, 3, f.length).mapToDouble(Double::parseDouble).toArray();
                }
            }
            return null;
        }

        void print() {
            System.out.println();
            System.out.println(
                    "1. overhead (JMH): per call, throughput mode, median of the measured iterations; CPU in us, allocation in bytes");
            String format = "   %-14s %9s %9s %9s %9s %9s %10s %10s %8s %8s%n";
            System.out.printf(Locale.ROOT, format, "benchmark", "calls/s", "cpu.call", "cpu.clnt", "cpu.srv",
                    "cpu.tot", "bytes", "bytes.call", "p50 us", "p99 us");
            for (String m : List.of(RAW, RAW_DIRECT, ROUTE, "routeGoverned", "camelOnly")) {
                if (has(m)) {
                    System.out.printf(Locale.ROOT, format, m, f0(throughput(m)), f1(perCall(m, "cpu.caller")),
                            f1(perCall(m, "cpu.client")), f1(perCall(m, "cpu.server")), f1(perCall(m, "cpu.total")),
                            f0(perCall(m, "gc.alloc.rate.norm")), f0(perCall(m, "alloc.caller")),
                            f1(latencyMicros(m, 0.5)), f1(latencyMicros(m, 0.99)));
                }
            }
            for (String baseline : List.of(RAW, RAW_DIRECT)) {
                if (has(baseline) && has(ROUTE)) {
                    System.out.printf(Locale.ROOT,
                            "   route/%s, median of %d round(s) of forks: throughput cost %.3fx; CPU per call %.3fx "
                                                   + "(client JVM) %.3fx (calling thread) %.3fx (client+server); bytes per "
                                                   + "call %.3fx%n",
                            baseline, Math.min(byName.get(baseline + "/thrpt").size(), byName.get(ROUTE + "/thrpt").size()),
                            throughputCost(baseline), ratio(baseline, "cpu.client"), ratio(baseline, "cpu.caller"),
                            ratio(baseline, "cpu.total"), ratio(baseline, "gc.alloc.rate.norm"));
                }
            }
            if (!alternating.isEmpty()) {
                System.out.println("   alternating rounds in one JVM (medians of the blocks; CPU of every Java thread):");
                for (String side : AlternatingRounds.SIDES) {
                    double[] v = alternatingSide(side);
                    System.out.printf(Locale.ROOT, "   %-14s %9.0f calls/s %9.1f us CPU %9.0f bytes per call%n", side,
                            v[0], v[1], v[2]);
                }
                for (String baseline : List.of(RAW, RAW_DIRECT)) {
                    double[] r = alternatingRatio(baseline);
                    System.out.printf(Locale.ROOT, "   route/%s: CPU per call %.3fx (quartiles %.3f to %.3f); throughput cost "
                                                   + "%.3fx (%.3f to %.3f); bytes per call %.3fx%n",
                            baseline, r[0], r[1], r[2], r[3], r[4], r[5], r[6]);
                }
            }
        }

        private static String f0(double v) {
            return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f", v);
        }

        private static String f1(double v) {
            return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
        }
    }

    /**
     * The median of a figure over the measured iterations of the given forks: a shared machine stalls a fork now and
     * then for a second (an iteration of a few calls, whose per-call figures are then mostly the iteration's own
     * overhead), which would move a mean far more than the difference measured.
     */
    private static double median(List<RunResult> forks, ToDoubleFunction<IterationResult> figure) {
        List<Double> values = new ArrayList<>();
        for (RunResult fork : forks) {
            for (BenchmarkResult result : fork.getBenchmarkResults()) {
                for (IterationResult iteration : result.getIterationResults()) {
                    values.add(figure.applyAsDouble(iteration));
                }
            }
        }
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double callsPerSecond(IterationResult iteration) {
        return iteration.getPrimaryResult().getScore() * 1000; // ops/ms
    }

    private static double secondary(IterationResult iteration, String label) {
        Result<?> result = iteration.getSecondaryResults().get(label);
        return result == null ? Double.NaN : result.getScore();
    }
}
