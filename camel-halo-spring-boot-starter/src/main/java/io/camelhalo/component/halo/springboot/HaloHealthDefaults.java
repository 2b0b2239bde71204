package io.camelhalo.component.halo.springboot;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * Turns on Camel's producer health checks ({@code camel.health.producers-enabled=true}) as a default, so Halo's
 * connection check ({@code halo-producer-<clientId>}: a token can be had and Halo answers) is in the actuator's health
 * with no key of the user's. Camel keeps its producer checks off by default, as one may call a remote system; Halo's is
 * cheap (Halo is asked at most once a minute per connection, see HaloProducerHealthCheck).
 * <p>
 * A default only: {@code camel.health.producers-enabled=false} anywhere the user configures Spring Boot wins, and
 * {@code camel.component.halo.health-check-producer-enabled=false} turns Halo's check off alone. Other components'
 * producer checks show too while it is on. camel-spring-boot's CamelHealthCheckAutoConfiguration applies the key to
 * Camel's "producers" repository as if the user had set it.
 */
public class HaloHealthDefaults implements EnvironmentPostProcessor, Ordered {

    /** Camel Spring Boot's key for the "producers" health repository. */
    static final String PRODUCERS_ENABLED = "camel.health.producers-enabled";
    /** Camel Spring Boot's key for which checks the details list: full, default (the failing ones) or oneline. */
    static final String EXPOSURE_LEVEL = "camel.health.exposure-level";
    /** The property source this adds, below every source of the user's. */
    static final String SOURCE_NAME = "camel-halo-defaults";
    /** Spring Boot's SpringApplication.setDefaultProperties source, kept the lowest. */
    private static final String SPRING_DEFAULT_PROPERTIES = "defaultProperties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        MutablePropertySources sources = environment.getPropertySources();
        MapPropertySource defaults
                = new MapPropertySource(SOURCE_NAME, Map.of(PRODUCERS_ENABLED, "true", EXPOSURE_LEVEL, "full"));
        if (sources.contains(SPRING_DEFAULT_PROPERTIES)) {
            sources.addBefore(SPRING_DEFAULT_PROPERTIES, defaults);
        } else {
            sources.addLast(defaults);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after Spring Boot has loaded application.properties and the like
    }
}
