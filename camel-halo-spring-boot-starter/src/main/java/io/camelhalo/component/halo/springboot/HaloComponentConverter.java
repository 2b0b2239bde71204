package io.camelhalo.component.halo.springboot;

import java.util.Set;

import io.camelhalo.component.halo.HaloConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Lets {@code camel.component.halo.configuration=#bean:name} (and the halo-poll and halo-webhook ones) name a
 * {@link HaloConfiguration} bean, as camel-spring-boot's generated converters do for a component's object options.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
public class HaloComponentConverter implements GenericConverter {

    private final ApplicationContext applicationContext;

    public HaloComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, HaloConfiguration.class));
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        String reference = source.toString();
        if (!reference.startsWith("#")) {
            return null; // Spring then reports the value as not convertible
        }
        String name = reference.startsWith("#bean:") ? reference.substring("#bean:".length()) : reference.substring(1);
        return applicationContext.getBean(name, targetType.getType());
    }
}
