package io.camelhalo.component.halo;

import java.time.Duration;
import java.util.Map;

import io.camelhalo.component.halo.api.HaloResource;
import io.camelhalo.component.halo.client.HaloConnection;
import io.camelhalo.component.halo.error.HaloApiException;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Readiness of a halo: producer: a token can be obtained and a cheap read succeeds ({@code GET /api/Status}, a short
 * list). Registered in Camel's "producers" health repository when the component's healthCheckProducerEnabled is on
 * and camel-health is present.
 */
public class HaloProducerHealthCheck implements HealthCheck {

    private final HaloEndpoint endpoint;
    private final String id;
    private boolean enabled = true;

    public HaloProducerHealthCheck(HaloEndpoint endpoint, String id) {
        this.endpoint = endpoint;
        this.id = id;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        builder.detail(ENDPOINT_URI, endpoint.getEndpointBaseUri());
        try {
            HaloConnection connection = endpoint.getConnection();
            connection.tokenManager().accessToken();
            connection.httpClient().call("GET", HaloResource.STATUSES, null, Map.of(), null,
                    Duration.ofMillis(endpoint.getConfiguration().getReadTimeout()));
            return builder.up().build();
        } catch (HaloApiException e) {
            if (e.isErrorReply()) {
                builder.detail(HTTP_RESPONSE_CODE, e.getStatusCode());
            }
            return builder.down().message(e.getMessage()).error(e).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return builder.down().message("interrupted").build();
        } catch (RuntimeException e) {
            return builder.down().message(e.getMessage()).error(e).build();
        }
    }

    @Override
    public boolean isLiveness() {
        return false; // Halo being unreachable is no reason to restart this application
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
        return id;
    }
}
