package io.camelhalo.component.halo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.camelhalo.sandbox.HaloSandbox;
import io.camelhalo.sandbox.HaloSandboxOptions;
import io.camelhalo.sandbox.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.LambdaRouteBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.function.ThrowingConsumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one way a test gets a Halo sandbox and Camel on it: the sandbox on loopback (a free port), and a started Camel
 * context whose {@code halo} component (and so {@code halo-poll}'s and {@code halo-webhook}'s) points at it through
 * {@link TestCamel}, with a {@link ProducerTemplate}. The request counters are zero when a test starts, so
 * {@link #apiRequestCount()} and {@link #apiRequests()} are what the test caused. Everything is stopped after it.
 *
 * <p>
 * A test class registers it with {@code @RegisterExtension} and reads what it needs from it:
 *
 * <pre>{@code
 * final HaloSandboxExtension halo = HaloSandboxExtension.perTest()
 *         .configure(cfg -> cfg.setRetryDelay(5))
 *         .routes(r -> r.from("direct:list").to("halo:tickets/list"));
 *
 * halo.template().requestBody("direct:list", null, List.class);
 * assertEquals(1, halo.apiRequestCount());
 * }</pre>
 *
 * <p>
 * Lifecycle: {@link #perTest()} (an instance field) starts a sandbox for each test; {@link #perClass()} (a
 * {@code static} field) starts one for the class, keeps its records, and puts back between tests what a test may have
 * switched: faults, modes, token lifetime and counters. The Camel context is always one per test. With
 * {@link #withoutContext()} none is started for the test, which makes its own with {@link #newContext()} or
 * {@link #startContext(RoutesBuilder)}: those point at the sandbox too and are stopped after the test as well.
 */
public final class HaloSandboxExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final boolean perClass;
    private Supplier<HaloSandboxOptions> options = HaloSandboxOptions::defaults;
    private Consumer<HaloConfiguration> configure = cfg -> {
    };
    private ThrowingConsumer<CamelContext, Exception> beforeStart = context -> {
    };
    private final List<LambdaRouteBuilder> routes = new ArrayList<>();
    private boolean startContext = true;

    private HaloSandbox sandbox;
    private HaloSandboxOptions started;
    private CamelContext context;
    private ProducerTemplate template;
    private final List<CamelContext> contexts = new ArrayList<>();

    private HaloSandboxExtension(boolean perClass) {
        this.perClass = perClass;
    }

    /**
     * A sandbox (demo data, default credentials) and a Camel context for each test; register it on an instance field.
     */
    public static HaloSandboxExtension perTest() {
        return new HaloSandboxExtension(false);
    }

    /**
     * One sandbox for the test class, its records kept from test to test, and a Camel context for each test; register
     * it on a {@code static} field.
     */
    public static HaloSandboxExtension perClass() {
        return new HaloSandboxExtension(true);
    }

    // ---- options ---------------------------------------------------------------------------------------------------

    /** How to start the sandbox (modes, demo data, credentials); the port is always a free one. */
    public HaloSandboxExtension options(HaloSandboxOptions sandboxOptions) {
        Objects.requireNonNull(sandboxOptions, "sandboxOptions");
        return options(() -> sandboxOptions);
    }

    /** How to start the sandbox, asked when it starts: e.g. from a {@code @Parameter} of a parameterized class. */
    public HaloSandboxExtension options(Supplier<HaloSandboxOptions> sandboxOptions) {
        this.options = Objects.requireNonNull(sandboxOptions, "sandboxOptions");
        return this;
    }

    /** Changes the halo component's configuration of every context made here, before it starts. */
    public HaloSandboxExtension configure(Consumer<HaloConfiguration> change) {
        this.configure = Objects.requireNonNull(change, "change");
        return this;
    }

    /** Prepares the test's context before it starts: beans in its registry, services, other components. */
    public HaloSandboxExtension beforeStart(ThrowingConsumer<CamelContext, Exception> prepare) {
        this.beforeStart = Objects.requireNonNull(prepare, "prepare");
        return this;
    }

    /** Routes the test's context starts with; may be given more than once. */
    public HaloSandboxExtension routes(LambdaRouteBuilder builder) {
        routes.add(Objects.requireNonNull(builder, "builder"));
        return this;
    }

    /** Starts no context for the test: it makes its own with {@link #newContext()}, or needs none. */
    public HaloSandboxExtension withoutContext() {
        this.startContext = false;
        return this;
    }

    // ---- what a test uses ------------------------------------------------------------------------------------------

    /** The sandbox. */
    public HaloSandbox sandbox() {
        if (sandbox == null) {
            throw new IllegalStateException(
                    perClass
                            ? "no sandbox: HaloSandboxExtension.perClass() must be registered on a static field"
                            : "no sandbox outside a test");
        }
        return sandbox;
    }

    /** The test's started Camel context. */
    public CamelContext context() {
        if (context == null) {
            throw new IllegalStateException(
                    startContext
                            ? "no Camel context outside a test"
                            : "this extension starts no context (withoutContext()): use newContext()");
        }
        return context;
    }

    /** A producer template of the test's context. */
    public ProducerTemplate template() {
        context();
        return template;
    }

    /**
     * Another context (not started) on the sandbox, configured as {@link #configure} says, without the routes and
     * preparation of the test's context; it is stopped after the test.
     */
    public CamelContext newContext() {
        CamelContext another = TestCamel.context(sandbox());
        contexts.add(another);
        configure.accept(TestCamel.configuration(another));
        return another;
    }

    /** {@link #newContext()} with these routes, started. */
    public CamelContext startContext(RoutesBuilder routesBuilder) throws Exception {
        CamelContext another = newContext();
        another.addRoutes(routesBuilder);
        another.start();
        return another;
    }

    /** The requests to Halo's API ({@code /api/**}) since the test started, answered or not. */
    public int apiRequestCount() {
        return sandbox().apiRequestCount();
    }

    /** The requests to the token endpoint since the test started. */
    public int tokenRequestCount() {
        return sandbox().tokenRequestCount();
    }

    /** The requests to Halo's API since the test started, oldest first. */
    public List<RecordedRequest> apiRequests() {
        return sandbox().requests().stream().filter(r -> isApi(r.path())).toList();
    }

    // ---- JUnit -----------------------------------------------------------------------------------------------------

    @Override
    public void beforeAll(ExtensionContext junit) {
        if (perClass) {
            startSandbox();
        }
    }

    @Override
    public void beforeEach(ExtensionContext junit) throws Exception {
        if (perClass) {
            putBack();
        } else {
            startSandbox();
        }
        if (startContext) {
            try {
                context = newContext();
                beforeStart.accept(context);
                for (LambdaRouteBuilder builder : routes) {
                    RouteBuilder.addRoutes(context, builder);
                }
                context.start();
                template = context.createProducerTemplate();
            } catch (Exception | Error e) {
                stopAll(e);
                throw e;
            }
        }
        sandbox.resetCounters();
    }

    @Override
    public void afterEach(ExtensionContext junit) {
        stopAll(null);
    }

    @Override
    public void afterAll(ExtensionContext junit) {
        if (perClass && sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }

    /** As the sandbox counts them: {@code /api} and below, in any letter case. */
    private static boolean isApi(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.equals("/api") || lower.startsWith("/api/");
    }

    private void startSandbox() {
        started = options.get().withPort(0);
        sandbox = HaloSandbox.start(started);
    }

    /** A per-class sandbox as the next test expects it: no fault on, the modes and token lifetime it started with. */
    private void putBack() {
        HaloSandbox s = sandbox();
        s.failNext(0, 500);
        s.dropNextReplies(0);
        s.delayNextReplies(0, Duration.ZERO);
        s.latency(null);
        s.rateLimit(0, null);
        s.rateLimitRetryAfter(null);
        s.simulateNoAgentToLogInAs(false);
        s.tokenLifetime(started.tokenLifetime());
        s.setModes(started.modes());
    }

    /**
     * Stops the template and every context of the test, newest first, then a per-test sandbox; the first failure is
     * thrown after all were stopped (added to {@code failure} instead when one is being thrown already).
     */
    private void stopAll(Throwable failure) {
        RuntimeException first = null;
        if (template != null) {
            try {
                template.stop();
            } catch (RuntimeException e) {
                first = e;
            }
        }
        for (int i = contexts.size() - 1; i >= 0; i--) {
            try {
                contexts.get(i).stop();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        contexts.clear();
        context = null;
        template = null;
        if (!perClass && sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
        if (first != null) {
            if (failure != null) {
                failure.addSuppressed(first);
            } else {
                throw first;
            }
        }
    }
}
