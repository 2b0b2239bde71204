package io.camelhalo.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The paired estimator of row 1, kept beside JMH because it answers what separate forks cannot on a shared machine: one
 * JVM (pinned to its own core like the forks) warms raw, rawDirect and route until steady, then runs them in short
 * blocks one after another, the order rotated each round, so the two sides of each ratio ran within a second of each
 * other. Per block: calls per second, CPU per call of every Java thread of the JVM (caller, the JDK clients' selector
 * and worker threads, Camel's), bytes allocated per call by them; per round the ratios route / raw and route /
 * rawDirect; printed: the median of each side and the median ratio with its quartiles. In the fork runs of this machine
 * the raw call alone moved from 60 to 158 us of CPU between forks minutes apart; within a round it moves by a few
 * percent.
 * <p>
 * Arguments: the server's base URL, rounds, block length in ms. Output lines start with {@code ROUND} (one per round)
 * and {@code RESULT} (read by {@link JmhOverhead}).
 */
public final class AlternatingRounds {

    static final List<String> SIDES = List.of(JmhOverhead.RAW, JmhOverhead.ROUTE, JmhOverhead.RAW_DIRECT);

    private AlternatingRounds() {
    }

    record Block(double callsPerSecond, double cpuMicrosPerCall, double bytesPerCall) {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        int rounds = Integer.parseInt(args[1]);
        long blockMillis = Long.parseLong(args[2]);
        OverheadBenchmark benchmark = new OverheadBenchmark();
        benchmark.start(baseUrl);
        Map<String, Callable<Object>> calls = new LinkedHashMap<>();
        for (String side : SIDES) {
            calls.put(side, SteadyWarmUp.call(side, benchmark));
            SteadyWarmUp.run(side, calls.get(side));
        }
        Map<String, List<Block>> blocks = new LinkedHashMap<>();
        SIDES.forEach(side -> blocks.put(side, new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            List<String> order = new ArrayList<>(SIDES);
            Collections.rotate(order, -round);
            StringBuilder line = new StringBuilder("ROUND " + (round + 1));
            for (String side : order) {
                Block b = block(calls.get(side), blockMillis);
                blocks.get(side).add(b);
                line.append(String.format(Locale.ROOT, " %s %.0f/s %.1fus %.0fB", side, b.callsPerSecond(),
                        b.cpuMicrosPerCall(), b.bytesPerCall()));
            }
            System.out.println(line);
        }
        for (String side : SIDES) {
            List<Block> bs = blocks.get(side);
            System.out.printf(Locale.ROOT, "RESULT side %s %.1f %.2f %.1f%n", side,
                    median(bs.stream().mapToDouble(Block::callsPerSecond).toArray()),
                    median(bs.stream().mapToDouble(Block::cpuMicrosPerCall).toArray()),
                    median(bs.stream().mapToDouble(Block::bytesPerCall).toArray()));
        }
        for (String baseline : List.of(JmhOverhead.RAW, JmhOverhead.RAW_DIRECT)) {
            List<Block> base = blocks.get(baseline);
            List<Block> route = blocks.get(JmhOverhead.ROUTE);
            double[] cpu = new double[rounds];
            double[] cost = new double[rounds];
            double[] bytes = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                cpu[i] = route.get(i).cpuMicrosPerCall() / base.get(i).cpuMicrosPerCall();
                cost[i] = base.get(i).callsPerSecond() / route.get(i).callsPerSecond();
                bytes[i] = route.get(i).bytesPerCall() / base.get(i).bytesPerCall();
            }
            System.out.printf(Locale.ROOT, "RESULT ratio %s %.4f %.4f %.4f %.4f %.4f %.4f %.4f%n", baseline,
                    median(cpu), quartile(cpu, 1), quartile(cpu, 3), median(cost), quartile(cost, 1), quartile(cost, 3),
                    median(bytes));
        }
        System.exit(0); // the Camel contexts and the JDK clients' threads need not be stopped one by one
    }

    private static Block block(Callable<Object> call, long millis) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = threads.getAllThreadIds();
        long cpu0 = sum(threads.getThreadCpuTime(ids));
        long bytes0 = sum(threads.getThreadAllocatedBytes(ids));
        long start = System.nanoTime();
        long end = start + TimeUnit.MILLISECONDS.toNanos(millis);
        long n = 0;
        long now;
        do {
            call.call();
            n++;
            now = System.nanoTime();
        } while (now < end);
        // threads started during the block count from zero; threads ended during it are lost (none in a warm run)
        long[] after = threads.getAllThreadIds();
        long cpu = sum(threads.getThreadCpuTime(after)) - cpu0;
        long bytes = sum(threads.getThreadAllocatedBytes(after)) - bytes0;
        return new Block(n * 1e9 / (now - start), cpu / 1e3 / n, (double) bytes / n);
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += Math.max(0, v);
        }
        return s;
    }

    static double median(double[] values) {
        return quartile(values, 2);
    }

    /** The q-th quartile (1, 2 or 3) by the nearest-rank method. */
    static double quartile(double[] values, int q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q / 4.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
