package io.camelhalo.component.halo;

import java.util.ArrayList;
import java.util.List;

import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The one way a test sets up Camel: a context whose halo component points at a test Halo (the sandbox, through
 * {@link HaloSandboxExtension}, or a WireMock server), with the rate governor and the start-up check of the credentials
 * off (tests count or time requests themselves; the governor and the check have their own tests).
 */
public final class TestCamel {

    private TestCamel() {
    }

    /** A context (not started) pointing at the sandbox; tune it through {@link #configuration}. */
    public static CamelContext context(HaloSandbox sandbox) {
        return context(sandbox.baseUrl(), sandbox.clientId(), sandbox.clientSecret());
    }

    /** A context (not started) pointing at a test Halo; tune it through {@link #configuration}. */
    public static CamelContext context(String baseUrl, String clientId, String clientSecret) {
        CamelContext context = new DefaultCamelContext();
        pointAt(context, baseUrl, clientId, clientSecret);
        return context;
    }

    /** Points a context's halo component (and so halo-poll's) at a test Halo, with the rate governor off. */
    private static void pointAt(CamelContext context, String baseUrl, String clientId, String clientSecret) {
        HaloConfiguration cfg = configuration(context);
        cfg.setBaseUrl(baseUrl);
        cfg.setClientId(clientId);
        cfg.setClientSecret(clientSecret);
        cfg.setRateLimit(0);
        // tests count token requests exactly: the start-up check of the credentials is HaloStartupErrorsTest's
        cfg.setCheckCredentialsOnStart(false);
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
