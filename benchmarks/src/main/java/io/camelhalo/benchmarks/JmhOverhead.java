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

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
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
 * forks of one benchmark before the other's, and on a machine shared with other builds the load moves between
 * minutes far more than the difference measured. Each pair's ratio compares forks that ran back to back; the figure
 * is the median of the pair ratios. {@code routeGoverned} and {@code camelOnly} run once after the pairs.
 * <p>
 * Defaults: 2 pairs of forks, each fork 15 warm-up iterations of 1 s (the figures settle after about 12 on the shared
 * 2-core machine) and 5 measured iterations of 1 s, in both throughput and sample-time mode. {@code -Dbench.quick=true}:
 * 1 pair, 10 + 3 iterations, throughput mode only. Arguments are JMH command-line options; with a benchmark pattern
 * (e.g. {@code route -prof stack}) they run as one plain JMH run instead of the pairs.
 */
public final class JmhOverhead {

    static final String RAW = "raw";
    static final String ROUTE = "route";
    private static final List<String> OTHERS = List.of("routeGoverned", "camelOnly");
    private static final int SERVER_WARM_UP_SECONDS = 5;

    private JmhOverhead() {
    }

    public static void main(String[] args) throws Exception {
        run(args).print();
    }

    /** Runs the benchmarks; {@code args} are JMH command-line options. */
    static Summary run(String... args) throws Exception {
        CommandLineOptions cmd = new CommandLineOptions(args);
        boolean quick = Boolean.getBoolean("bench.quick");
        try (BenchServer server = new BenchServer(Duration.ZERO, 1)) {
            warmUp(server);
            List<RunResult> results = new ArrayList<>();
            if (!cmd.getIncludes().isEmpty()) {
                results.addAll(new Runner(options(cmd, server, quick, null, cmd.getForkCount().orElse(1))).run());
                return new Summary(results);
            }
            int pairs = cmd.getForkCount().orElse(quick ? 1 : 2);
            for (int pair = 0; pair < pairs; pair++) {
                List<String> order = pair % 2 == 0 ? List.of(RAW, ROUTE) : List.of(ROUTE, RAW);
                for (String method : order) {
                    results.addAll(new Runner(options(cmd, server, quick, method, 1)).run());
                }
            }
            for (String method : OTHERS) {
                results.addAll(new Runner(options(cmd, server, quick, method, 1)).run());
            }
            return new Summary(results);
        }
    }

    private static Options options(CommandLineOptions cmd, BenchServer server, boolean quick, String method, int forks) {
        List<String> jvmArgs = new ArrayList<>(cmd.getJvmArgsAppend().orElse(List.of()));
        jvmArgs.add("-Dbench.url=" + server.baseUrl());
        OptionsBuilder builder = new OptionsBuilder();
        builder.parent(cmd);
        if (method != null) {
            builder.include(OverheadBenchmark.class.getName() + "." + method + "$");
        }
        if (quick && cmd.getBenchModes().isEmpty()) {
            builder.mode(org.openjdk.jmh.annotations.Mode.Throughput);
        }
        return builder
                .forks(forks)
                .warmupIterations(cmd.getWarmupIterations().orElse(quick ? 10 : 15))
                .warmupTime(cmd.getWarmupTime().orElse(TimeValue.seconds(1)))
                .measurementIterations(cmd.getMeasurementIterations().orElse(quick ? 3 : 5))
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

        /** Calls per second, mean over the forks. */
        double throughput(String method) {
            return mean(method, JmhOverhead::callsPerSecond);
        }

        /** A profiler's figure per call (cpu.caller, cpu.client, cpu.total, gc.alloc.rate.norm), mean over the forks. */
        double perCall(String method, String label) {
            return mean(method, r -> secondary(r, label));
        }

        /** A percentile of the sampled call time in microseconds, mean over the forks; NaN without a sample run. */
        double latencyMicros(String method, double percentile) {
            List<RunResult> runs = byName.get(method + "/sample");
            return runs == null ? Double.NaN : runs.stream()
                    .mapToDouble(r -> r.getPrimaryResult().getStatistics().getPercentile(percentile) * 1000)
                    .average().orElse(Double.NaN);
        }

        /** Median over the pairs of raw throughput / route throughput: how much slower a call through the route is. */
        double throughputCost() {
            return pairedMedian(raw -> 1 / callsPerSecond(raw));
        }

        /** Median over the pairs of route / raw for a per-call figure. */
        double ratio(String label) {
            return pairedMedian(r -> secondary(r, label));
        }

        /** Pair i is the i-th raw fork with the i-th route fork (they ran back to back). */
        private double pairedMedian(ToDoubleFunction<RunResult> perCall) {
            List<RunResult> raw = byName.get(RAW + "/thrpt");
            List<RunResult> route = byName.get(ROUTE + "/thrpt");
            int pairs = Math.min(raw.size(), route.size());
            double[] ratios = new double[pairs];
            for (int i = 0; i < pairs; i++) {
                ratios[i] = perCall.applyAsDouble(route.get(i)) / perCall.applyAsDouble(raw.get(i));
            }
            Arrays.sort(ratios);
            return pairs % 2 == 1 ? ratios[pairs / 2] : (ratios[pairs / 2 - 1] + ratios[pairs / 2]) / 2;
        }

        private double mean(String method, ToDoubleFunction<RunResult> figure) {
            List<RunResult> runs = byName.get(method + "/thrpt");
            return runs == null ? Double.NaN : runs.stream().mapToDouble(figure).average().orElse(Double.NaN);
        }

        void print() {
            System.out.println();
            System.out.println("1. overhead (JMH): per call, throughput mode, mean over forks; CPU in us, allocation in bytes");
            String format = "   %-14s %9s %9s %9s %9s %9s %10s %8s %8s%n";
            System.out.printf(Locale.ROOT, format, "benchmark", "calls/s", "cpu.call", "cpu.clnt", "cpu.srv",
                    "cpu.tot", "bytes", "p50 us", "p99 us");
            for (String m : List.of(RAW, ROUTE, "routeGoverned", "camelOnly")) {
                if (has(m)) {
                    System.out.printf(Locale.ROOT, format, m, f0(throughput(m)), f1(perCall(m, "cpu.caller")),
                            f1(perCall(m, "cpu.client")), f1(perCall(m, "cpu.server")), f1(perCall(m, "cpu.total")),
                            f0(perCall(m, "gc.alloc.rate.norm")), f1(latencyMicros(m, 0.5)), f1(latencyMicros(m, 0.99)));
                }
            }
            if (has(RAW) && has(ROUTE)) {
                System.out.printf(Locale.ROOT,
                        "   route/raw, median of %d pair(s) of forks: throughput cost %.3fx; CPU per call %.3fx (client "
                                               + "JVM) %.3fx (calling thread) %.3fx (client+server); bytes per call %.3fx%n",
                        Math.min(byName.get(RAW + "/thrpt").size(), byName.get(ROUTE + "/thrpt").size()),
                        throughputCost(), ratio("cpu.client"), ratio("cpu.caller"), ratio("cpu.total"),
                        ratio("gc.alloc.rate.norm"));
            }
        }

        private static String f0(double v) {
            return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f", v);
        }

        private static String f1(double v) {
            return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
        }
    }

    private static double callsPerSecond(RunResult r) {
        return r.getPrimaryResult().getScore() * 1000; // ops/ms
    }

    private static double secondary(RunResult r, String label) {
        Result<?> result = r.getSecondaryResults().get(label);
        return result == null ? Double.NaN : result.getScore();
    }
}
