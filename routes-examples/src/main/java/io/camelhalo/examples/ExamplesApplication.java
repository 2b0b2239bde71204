package io.camelhalo.examples;

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
            Main main = newMain(target);
            DemoDriver[] driver = new DemoDriver[1];
            if (target.isSandbox()) {
                main.addMainListener(new MainListenerSupport() {
                    @Override
                    public void afterStart(BaseMainSupport m) {
                        driver[0] = new DemoDriver(main.getCamelContext(), target, main::completed);
                        new Thread(driver[0], "demo-driver").start();
                    }
                });
            }
            main.run(args);
            if (driver[0] != null && driver[0].failure() != null) {
                throw new IllegalStateException("The demo failed", driver[0].failure());
            }
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
