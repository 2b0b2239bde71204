package io.camelhalo.component.halo;

import java.util.Map;

import org.apache.camel.spi.Metadata;
import org.apache.camel.support.HealthCheckComponent;

/**
 * The base of the consumer-only components, halo-poll and halo-webhook: their connection options default to the halo
 * component's, so {@code camel.component.halo.*} configures all three, and each option set on one of them
 * ({@code camel.component.halo-poll.read-timeout}, say) overrides just that option, even when set to its default. Their
 * endpoints share the halo component's connections (HTTP client, token manager, rate governor).
 */
public abstract class HaloConsumerComponent extends HealthCheckComponent {

    @Metadata(description = "The connection configuration: each option set here overrides the halo component's, "
                            + "even when set to its default; the options not set here are the halo component's")
    private HaloConfiguration configuration;

    /**
     * The configuration of a new endpoint: a copy of the halo component's with every option set on this component laid
     * over it. The component options are bound (Camel Main, Spring Boot) before any endpoint is created.
     */
    protected HaloConfiguration endpointConfiguration() {
        HaloConfiguration halo = getCamelContext().getComponent("halo", HaloComponent.class).getConfiguration();
        return configuration == null ? halo.copy() : configuration.overriding(halo);
    }

    /** Camel's check for options no setter took, naming the option meant when one is close (pageSise: pageSize). */
    @Override
    protected void validateParameters(String uri, Map<String, Object> parameters, String optionPrefix) {
        if (optionPrefix == null && parameters != null && !parameters.isEmpty()) {
            throw HaloOptionSuggestions.unknownOptions(getCamelContext(), uri, parameters);
        }
        super.validateParameters(uri, parameters, optionPrefix);
    }

    public HaloConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The connection configuration: each option set here overrides the halo component's, even when set to its default;
     * the options not set here are the halo component's.
     */
    public void setConfiguration(HaloConfiguration configuration) {
        this.configuration = configuration;
    }
}
