package io.camelhalo.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/**
 * Puts the server and the measured JVM on different cores, with {@code taskset} (util-linux) when the machine has it
 * and at least two cores: the launching JVM (the server) on core 0, every JMH fork on core 1. On two shared cores the
 * client's threads (caller, the JDK client's selector and workers) and the server's otherwise take turns on both cores,
 * and the measured CPU per call moved by 30 % between forks of the same code; pinned, by a few percent. Off with
 * {@code -Dbench.pin=false}; without {@code taskset} nothing is pinned and the run says so.
 */
final class CorePinning implements AutoCloseable {

    private final boolean on;
    private final Path forkJvm;

    private CorePinning(boolean on, Path forkJvm) {
        this.on = on;
        this.forkJvm = forkJvm;
    }

    /** Pins this JVM (all its threads, and so the threads they start) to core 0 when it can. */
    static CorePinning pinLauncher() throws IOException, InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        if (!Boolean.parseBoolean(System.getProperty("bench.pin", "true")) || cores < 2
                || !run("taskset", "-a", "-p", "-c", "0", pid())) {
            System.out.println("# core pinning: off (" + (cores < 2 ? "one core" : "taskset missing or -Dbench.pin=false")
                               + "); forks and server share the cores");
            return new CorePinning(false, null);
        }
        Path script = Files.createTempFile("halo-bench-java-", ".sh");
        Files.writeString(script, "#!/bin/sh\nexec taskset -c 1 '" + Path.of(System.getProperty("java.home"), "bin",
                "java") + "' \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        System.out.println("# core pinning: server (this JVM) on core 0, each JMH fork on core 1 (taskset)");
        return new CorePinning(true, script);
    }

    /** The java command for the forks ({@code taskset -c 1 java ...}), or {@code null}: JMH's default. */
    String forkJvm() {
        return forkJvm == null ? null : forkJvm.toString();
    }

    /** Gives this JVM all cores back (the other benchmark rows measure concurrency). */
    @Override
    public void close() throws IOException, InterruptedException {
        if (on) {
            run("taskset", "-a", "-p", "-c", "0-" + (Runtime.getRuntime().availableProcessors() - 1), pid());
            Files.deleteIfExists(forkJvm);
        }
    }

    private static String pid() {
        return String.valueOf(ProcessHandle.current().pid());
    }

    private static boolean run(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException notThere) {
            return false;
        }
    }
}
