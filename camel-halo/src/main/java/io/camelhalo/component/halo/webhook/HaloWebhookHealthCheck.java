package io.camelhalo.component.halo.webhook;

import java.util.Map;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * The consumer health check of a halo-webhook route (Camel's "consumers" repository calls it while the route runs,
 * under the id {@code consumer:<routeId>}): UP while the consumer serves its path and, with register=true, its webhook
 * is registered in Halo. It reads the consumer's state only: a probe sends no request to Halo.
 */
public class HaloWebhookHealthCheck implements HealthCheck {

    /** The detail naming the path the consumer serves. */
    public static final String PATH = "halo.webhook.path";
    /** The detail telling whether the webhook is registered in Halo (only with register=true). */
    public static final String REGISTERED = "halo.webhook.registered";

    private final HaloWebhookConsumer consumer;
    private final HaloWebhookEndpoint endpoint;
    private boolean enabled = true;

    public HaloWebhookHealthCheck(HaloWebhookConsumer consumer, HaloWebhookEndpoint endpoint) {
        this.consumer = consumer;
        this.endpoint = endpoint;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        if (!enabled) {
            // as Camel's own consumer checks answer when the component's healthCheckConsumerEnabled is off
            return builder.unknown().message("Disabled").detail(CHECK_ENABLED, false).build();
        }
        builder.detail(PATH, endpoint.httpPath());
        if (!consumer.isServing()) {
            return builder.down().message("Not serving " + endpoint.httpPath()).build();
        }
        if (endpoint.isRegister()) {
            boolean registered = consumer.isRegistered();
            builder.detail(REGISTERED, registered);
            if (!registered) {
                return builder.down().message("The webhook '" + endpoint.registrationName()
                                              + "' is not registered in Halo")
                        .build();
            }
        }
        return builder.up().build();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return "consumer:" + consumer.getRouteId(); // the route id is known only once the route is built
    }
}
