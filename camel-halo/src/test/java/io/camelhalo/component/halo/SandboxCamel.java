package io.camelhalo.component.halo;

import java.util.ArrayList;
import java.util.List;

import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Test helpers shared by the tests that run Camel against the sandbox.
 */
public final class SandboxCamel {

    private SandboxCamel() {
    }

    /**
     * A context (not started) whose halo component points at the sandbox, with the rate governor off (these tests
     * count or time requests themselves; the governor has its own tests); tune it through {@link #configuration}.
     */
    public static CamelContext context(HaloSandbox sandbox) {
        CamelContext context = new DefaultCamelContext();
        HaloConfiguration cfg = configuration(context);
        cfg.setBaseUrl(sandbox.baseUrl());
        cfg.setClientId(sandbox.clientId());
        cfg.setClientSecret(sandbox.clientSecret());
        cfg.setRateLimit(0);
        return context;
    }

    /** The halo component's configuration in a context. */
    public static HaloConfiguration configuration(CamelContext context) {
        return context.getComponent("halo", HaloComponent.class).getConfiguration();
    }

    /** The most of the given instants (System.nanoTime) that fall inside any one window. */
    public static int maxInAnyWindow(List<Long> nanos, java.time.Duration window) {
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        int max = 0;
        int from = 0;
        for (int to = 0; to < sorted.size(); to++) {
            while (sorted.get(to) - sorted.get(from) >= window.toNanos()) {
                from++;
            }
            max = Math.max(max, to - from + 1);
        }
        return max;
    }
}
