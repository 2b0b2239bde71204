package io.camelhalo.component.halo.springboot;

import io.camelhalo.component.halo.webhook.HaloWebhookComponent;
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
 * Configures the halo-webhook component from {@code camel.component.halo-webhook.*}, in the shape of
 * camel-spring-boot's generated starters: a {@link ComponentCustomizer} copies the bound
 * {@link HaloWebhookComponentConfiguration} onto the component when Camel creates it;
 * {@code camel.component.halo-webhook.enabled=false} (or {@code camel.component.halo-webhook.customizer.enabled=false})
 * turns it off. The connection options left unset are the halo component's.
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, HaloComponentConverter.class })
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, HaloWebhookComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.halo-webhook" })
public class HaloWebhookComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final CamelContext camelContext;
    private final HaloWebhookComponentConfiguration configuration;

    public HaloWebhookComponentAutoConfiguration(ApplicationContext applicationContext, CamelContext camelContext,
                                                 HaloWebhookComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureHaloWebhookComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext,
                        "camel.component.customizer", "camel.component.halo-webhook.customizer")
                        && target instanceof HaloWebhookComponent;
            }
        };
    }
}
