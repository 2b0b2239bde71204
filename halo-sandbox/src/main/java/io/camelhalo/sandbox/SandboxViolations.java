package io.camelhalo.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * The violations recorded by every sandbox started in this JVM and not yet taken: what {@link ConformanceExtension}
 * checks after each test class, so no test has to.
 */
public final class SandboxViolations {

    private static final List<Violation> PENDING = new ArrayList<>(); // guarded by itself

    private SandboxViolations() {
    }

    static void record(Violation v) {
        synchronized (PENDING) {
            PENDING.add(v);
        }
    }

    /** Forgets the given violations (a test that provoked them on purpose took them). */
    static void forget(List<Violation> taken) {
        synchronized (PENDING) {
            taken.forEach(v -> PENDING.removeIf(p -> p == v));
        }
    }

    /** The violations recorded since the last call, by any sandbox; the registry is then empty. */
    public static List<Violation> takeAll() {
        synchronized (PENDING) {
            List<Violation> all = new ArrayList<>(PENDING);
            PENDING.clear();
            return all;
        }
    }
}
