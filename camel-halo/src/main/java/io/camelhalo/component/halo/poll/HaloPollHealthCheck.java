package io.camelhalo.component.halo.poll;

import java.util.List;
import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.support.ScheduledPollConsumerHealthCheck;

/**
 * Camel's scheduled-poll consumer check of a halo-poll route, plus what the poll found out about the tenant and works
 * around (Halo ignoring {@code lastupdatefromdate}, refusing the sort key, listing slim items): the state stays what
 * Camel's check says (the route still delivers every change), the notices are a detail, so a readiness probe or the
 * actuator shows why polls cost more than documented.
 */
final class HaloPollHealthCheck extends ScheduledPollConsumerHealthCheck {

    /** The detail listing the tenant facts the poll works around. */
    static final String NOTICES = "halo.notices";

    private final HaloPollConsumer consumer;

    HaloPollHealthCheck(HaloPollConsumer consumer, String id) {
        super(consumer, id);
        this.consumer = consumer;
    }

    @Override
    public Result call(Map<String, Object> options) {
        Result result = super.call(options);
        List<String> notices = consumer.statistics().notices();
        if (notices.isEmpty()) {
            return result;
        }
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this).state(result.getState())
                .details(result.getDetails()).detail(NOTICES, String.join("; ", notices));
        result.getMessage().ifPresent(builder::message);
        result.getError().ifPresent(builder::error);
        return builder.build();
    }
}
