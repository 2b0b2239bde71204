package io.camelhalo.component.halo.metrics;

import io.camelhalo.component.halo.client.HaloConnection;
import org.apache.camel.CamelContext;

/**
 * Publishes a connection's statistics to Micrometer when Micrometer is on the classpath (camel-micrometer brings it)
 * and a {@code MeterRegistry} is in Camel's registry; otherwise does nothing. This class names no Micrometer type, so
 * camel-halo runs without Micrometer.
 */
public final class HaloMetrics {

    private static final boolean MICROMETER_PRESENT = present("io.micrometer.core.instrument.MeterRegistry");

    private HaloMetrics() {
    }

    /** Binds the connection's meters, if there is a registry to bind them to. */
    public static void bind(CamelContext context, HaloConnection connection) {
        if (MICROMETER_PRESENT) {
            HaloMicrometerBinding.bind(context, connection);
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, HaloMetrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
