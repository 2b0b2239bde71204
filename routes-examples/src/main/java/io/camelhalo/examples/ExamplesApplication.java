package io.camelhalo.examples;

import java.util.concurrent.atomic.AtomicReference;

import io.camelhalo.examples.demo.DemoDriver;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * Runs the example routes. With {@code HALO_BASE_URL}, {@code HALO_CLIENT_ID} and {@code HALO_CLIENT_SECRET} (and
 * optionally {@code HALO_TENANT}) set, they run against that Halo tenant until stopped; with no {@code HALO_BASE_URL}
 * the embedded Halo sandbox and mail server are started, the {@link DemoDriver} makes each automation fire once, and
 * the app stops by itself.
 */
public final class ExamplesApplication {

    private ExamplesApplication() {
    }

    public static void main(String[] args) throws Exception {
        try (HaloTarget target = HaloTarget.fromEnvironment(System.getenv())) {
            run(target, args);
        }
    }

    /**
     * Runs the app against {@code target}: until stopped for a tenant; for the sandbox, until the demo is over.
     *
     * @throws IllegalStateException when the demo failed (so the demo command fails too)
     */
    public static void run(HaloTarget target, String... args) throws Exception {
        Main main = newMain(target);
        AtomicReference<DemoDriver> driver = new AtomicReference<>();
        if (target.isSandbox()) {
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void afterStart(BaseMainSupport m) {
                    driver.set(new DemoDriver(main.getCamelContext(), target, main::completed));
                    new Thread(driver.get(), "demo-driver").start();
                }
            });
        }
        main.run(args);
        if (driver.get() != null && driver.get().failure() != null) {
            throw new IllegalStateException("The demo failed", driver.get().failure());
        }
    }

    /** The app's Camel Main (routes, beans, HTTP server), pointed at {@code target}; tests start it the same way. */
    public static Main newMain(HaloTarget target) {
        Main main = new Main(ExamplesApplication.class);
        // ExamplesConfiguration and the RouteBuilders are found by camel.main.base-package-scan
        // override: these win over application.properties (initial properties would lose to it)
        target.properties().forEach(main::addOverrideProperty);
        return main;
    }
}
