package io.camelhalo.component.halo.springboot;

import io.camelhalo.component.halo.apipath.HaloApiComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Configures the halo-api component from {@code camel.component.halo-api.*}, in the shape of camel-spring-boot's
 * generated starters: a {@link ComponentCustomizer} copies the bound {@link HaloApiComponentConfiguration} onto the
 * component when Camel creates it; {@code camel.component.halo-api.enabled=false} (or
 * {@code camel.component.halo-api.customizer.enabled=false}) turns it off.
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, HaloComponentConverter.class })
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, HaloApiComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.halo-api" })
public class HaloApiComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final CamelContext camelContext;
    private final HaloApiComponentConfiguration configuration;

    public HaloApiComponentAutoConfiguration(ApplicationContext applicationContext, CamelContext camelContext,
                                             HaloApiComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureHaloApiComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext,
                        "camel.component.customizer", "camel.component.halo-api.customizer")
                        && target instanceof HaloApiComponent;
            }
        };
    }
}
