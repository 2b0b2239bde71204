package io.camelhalo.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started by a test on this module's test classpath, its output in a log file. {@link #kill()} is kill -9:
 * {@link Process#destroyForcibly()} sends SIGKILL on Linux, so nothing in the JVM runs after it (no shutdown hook, no
 * finally block, no flush).
 */
final class JvmProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;

    private JvmProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code mainClass} with {@code args} in a new JVM; its output goes to {@code <logDir>/<name>.log}. */
    static JvmProcess start(String name, Path logDir, Class<?> mainClass, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // surefire runs tests from a manifest-only jar; it passes the real class path in this property
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(
                List.of(java, "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-cp", classPath, ChildJvm.class.getName(), mainClass.getName()));
        command.addAll(List.of(args));
        Path log = logDir.resolve(name + ".log");
        try {
            Files.deleteIfExists(log); // the log of this run only
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new JvmProcess(name, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    String name() {
        return name;
    }

    /** What the JVM printed so far. */
    String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** kill -9, and waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " still runs 30 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while killing " + name, e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
