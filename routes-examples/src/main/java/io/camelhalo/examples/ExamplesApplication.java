package io.camelhalo.examples;

import java.util.Map;

import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the example routes. With {@code HALO_BASE_URL}, {@code HALO_CLIENT_ID} and {@code HALO_CLIENT_SECRET} (and
 * optionally {@code HALO_TENANT}) set, they run against that Halo tenant; with no {@code HALO_BASE_URL} the embedded
 * Halo sandbox is started on a free loopback port and the routes run against it.
 */
public final class ExamplesApplication {

    private static final Logger LOG = LoggerFactory.getLogger(ExamplesApplication.class);

    private ExamplesApplication() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main(ExamplesApplication.class);
        try (HaloTarget target = HaloTarget.fromEnvironment(System.getenv())) {
            target.properties().forEach(main::addInitialProperty);
            main.run(args);
        }
    }

    /**
     * Where the examples send their requests: a real tenant from the environment, or the embedded sandbox.
     */
    static final class HaloTarget implements AutoCloseable {
        private final Map<String, String> properties;
        private final HaloSandbox sandbox;

        private HaloTarget(Map<String, String> properties, HaloSandbox sandbox) {
            this.properties = properties;
            this.sandbox = sandbox;
        }

        static HaloTarget fromEnvironment(Map<String, String> env) {
            String baseUrl = env.get("HALO_BASE_URL");
            if (baseUrl != null && !baseUrl.isBlank()) {
                LOG.info("Using the Halo tenant at {} (HALO_BASE_URL)", baseUrl);
                Map<String, String> props = new java.util.HashMap<>();
                props.put("camel.component.halo.base-url", baseUrl);
                props.put("camel.component.halo.client-id", env.getOrDefault("HALO_CLIENT_ID", ""));
                props.put("camel.component.halo.client-secret", env.getOrDefault("HALO_CLIENT_SECRET", ""));
                if (env.get("HALO_TENANT") != null) {
                    props.put("camel.component.halo.tenant", env.get("HALO_TENANT"));
                }
                return new HaloTarget(props, null);
            }
            HaloSandbox sandbox = HaloSandbox.start(0);
            LOG.info("No HALO_BASE_URL set: started the embedded Halo sandbox at {}", sandbox.baseUrl());
            LOG.info("Set HALO_BASE_URL, HALO_CLIENT_ID, HALO_CLIENT_SECRET (and HALO_TENANT) to use a real tenant");
            return new HaloTarget(Map.of(
                    "camel.component.halo.base-url", sandbox.baseUrl(),
                    "camel.component.halo.client-id", sandbox.clientId(),
                    "camel.component.halo.client-secret", sandbox.clientSecret()), sandbox);
        }

        Map<String, String> properties() {
            return properties;
        }

        HaloSandbox sandbox() {
            return sandbox;
        }

        @Override
        public void close() {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }
}
