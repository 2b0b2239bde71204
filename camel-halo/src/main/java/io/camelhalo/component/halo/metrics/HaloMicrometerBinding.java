package io.camelhalo.component.halo.metrics;

import java.util.concurrent.TimeUnit;

import io.camelhalo.component.halo.client.HaloConnection;
import io.camelhalo.component.halo.http.HaloConnectionStatistics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;

/**
 * The Micrometer meters of one connection, tagged with its API URL ({@code halo.api}):
 * <ul>
 * <li>{@code halo.requests} (counter; {@code resource}, {@code operation}, {@code status}): Halo's replies</li>
 * <li>{@code halo.retries} (counter; {@code resource}, {@code operation}): requests sent again after a failure</li>
 * <li>{@code halo.rate.limited} (counter; {@code resource}, {@code operation}): 429 replies</li>
 * <li>{@code halo.rate.governor.wait} (timer): time requests waited for a rate-governor permit</li>
 * <li>{@code halo.rate.governor.permits.used}, {@code halo.rate.governor.waiting} (gauges)</li>
 * </ul>
 * Only loaded when Micrometer is present (see {@link HaloMetrics}).
 */
final class HaloMicrometerBinding implements HaloConnectionStatistics.Listener {

    /** The name camel-micrometer binds its registry under. */
    static final String CAMEL_MICROMETER_REGISTRY = "metricsRegistry";

    private final MeterRegistry registry;
    private final Tags connectionTags;
    private final Timer permitWait;

    private HaloMicrometerBinding(MeterRegistry registry, HaloConnection connection) {
        this.registry = registry;
        this.connectionTags = Tags.of("halo.api", connection.key().apiUrl());
        this.permitWait
                = Timer.builder("halo.rate.governor.wait").description("Time requests waited for a rate-governor permit")
                        .tags(connectionTags).register(registry);
        HaloConnectionStatistics statistics = connection.statistics();
        Gauge.builder("halo.rate.governor.permits.used", statistics, HaloConnectionStatistics::permitsUsed)
                .description("Rate-governor permits in use (in flight or counting in the window)")
                .tags(connectionTags).register(registry);
        Gauge.builder("halo.rate.governor.waiting", statistics, HaloConnectionStatistics::waitingForPermit)
                .description("Requests waiting for a rate-governor permit").tags(connectionTags).register(registry);
    }

    static void bind(CamelContext context, HaloConnection connection) {
        MeterRegistry registry = context.getRegistry().lookupByNameAndType(CAMEL_MICROMETER_REGISTRY, MeterRegistry.class);
        if (registry == null) {
            registry = context.getRegistry().findSingleByType(MeterRegistry.class);
        }
        if (registry != null) {
            connection.statistics().addListener(new HaloMicrometerBinding(registry, connection));
        }
    }

    @Override
    public void replied(String resource, String operation, int status) {
        Counter.builder("halo.requests").description("Halo's replies by resource, operation and status")
                .tags(connectionTags).tags("resource", resource, "operation", operation, "status", String.valueOf(status))
                .register(registry).increment();
    }

    @Override
    public void retried(String resource, String operation) {
        Counter.builder("halo.retries").description("Requests sent again after a failure")
                .tags(connectionTags).tags("resource", resource, "operation", operation).register(registry).increment();
    }

    @Override
    public void rateLimited(String resource, String operation) {
        Counter.builder("halo.rate.limited").description("429 replies from Halo")
                .tags(connectionTags).tags("resource", resource, "operation", operation).register(registry).increment();
    }

    @Override
    public void waitedForPermit(long nanos) {
        permitWait.record(nanos, TimeUnit.NANOSECONDS);
    }
}
