package io.camelhalo.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Warm-up until steady, run by each fork before JMH's own warm-up iterations: the benchmark's call in windows of one
 * second until the last {@value #WINDOWS} windows' throughputs are within {@value #SPREAD} of each other (max / min),
 * after at least {@code bench.steady.min} seconds and at most {@code bench.steady.max}. A fixed count of warm-up
 * iterations cannot tell warm-up from cost: on one core the route's code (Camel, the component, the JDK client) was
 * still being compiled 30 s in, its throughput climbing, while the raw call was steady after 20 s.
 */
final class SteadyWarmUp {

    private static final int WINDOWS = 5;
    private static final double SPREAD = 1.10;

    private SteadyWarmUp() {
    }

    static void run(String method, OverheadBenchmark benchmark) throws Exception {
        Callable<Object> call = call(method, benchmark);
        if (call == null) {
            return;
        }
        run(method, call);
    }

    /** The benchmark's call by method name; {@code null} for camelOnly (microseconds per call, no steady wait). */
    static Callable<Object> call(String method, OverheadBenchmark benchmark) {
        return switch (method) {
            case "raw" -> benchmark::raw;
            case "rawDirect" -> benchmark::rawDirect;
            case "route" -> benchmark::route;
            case "routeGoverned" -> benchmark::routeGoverned;
            default -> null; // camelOnly: microseconds per call, JMH's warm-up is plenty
        };
    }

    static void run(String method, Callable<Object> call) throws Exception {
        boolean quick = Boolean.getBoolean("bench.quick");
        int min = Integer.getInteger("bench.steady.min", quick ? 10 : 20);
        int max = Integer.getInteger("bench.steady.max", quick ? 45 : 60);
        List<Double> rates = new ArrayList<>();
        boolean steady = false;
        while (rates.size() < max && !steady) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            long calls = 0;
            while (System.nanoTime() < end) {
                call.call();
                calls++;
            }
            rates.add((double) calls);
            steady = rates.size() >= min && spread(rates.subList(rates.size() - WINDOWS, rates.size())) <= SPREAD;
        }
        StringBuilder trace = new StringBuilder();
        for (int i = 0; i < rates.size(); i++) {
            trace.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.0f", rates.get(i)));
        }
        System.out.printf(Locale.ROOT, "%n# steady warm-up of %s: %s after %d s; calls per 1 s window: %s%n", method,
                steady ? "steady (last " + WINDOWS + " within " + SPREAD + "x)" : "NOT steady", rates.size(), trace);
    }

    private static double spread(List<Double> rates) {
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (double r : rates) {
            lo = Math.min(lo, r);
            hi = Math.max(hi, r);
        }
        return lo == 0 ? Double.MAX_VALUE : hi / lo;
    }
}
