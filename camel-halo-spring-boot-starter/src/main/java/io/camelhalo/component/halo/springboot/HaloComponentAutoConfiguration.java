package io.camelhalo.component.halo.springboot;

import io.camelhalo.component.halo.HaloComponent;
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
 * Configures the halo component from {@code camel.component.halo.*}, in the shape of camel-spring-boot's generated
 * starters: a {@link ComponentCustomizer} copies the bound {@link HaloComponentConfiguration} onto the component when
 * Camel creates it; {@code camel.component.halo.enabled=false} (or
 * {@code camel.component.halo.customizer.enabled=false}) turns it off.
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, HaloComponentConverter.class })
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, HaloComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.halo" })
public class HaloComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final CamelContext camelContext;
    private final HaloComponentConfiguration configuration;

    public HaloComponentAutoConfiguration(ApplicationContext applicationContext, CamelContext camelContext,
                                          HaloComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureHaloComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext,
                        "camel.component.customizer", "camel.component.halo.customizer")
                        && target instanceof HaloComponent;
            }
        };
    }
}
