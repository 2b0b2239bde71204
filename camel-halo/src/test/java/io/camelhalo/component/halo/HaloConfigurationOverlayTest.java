package io.camelhalo.component.halo;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import org.apache.camel.spi.UriParam;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * {@link HaloConfiguration#overriding}, option by option: every option, including one added later, counts as set once
 * its setter is called, so a missing mark in a new setter fails here.
 */
class HaloConfigurationOverlayTest {

    private static final HaloConfiguration DEFAULTS = new HaloConfiguration();

    @Test
    void everyOptionSetOnTheOverlayWinsEvenWhenSetToItsDefault() throws Exception {
        // given a base with every option changed from its default, and an overlay setting each to its default
        HaloConfiguration base = new HaloConfiguration();
        HaloConfiguration overlay = new HaloConfiguration();
        for (Field option : options()) {
            setter(option).invoke(base, otherThanDefault(option));
            setter(option).invoke(overlay, option.get(DEFAULTS));
        }

        // when the overlay is laid over the base
        HaloConfiguration merged = overlay.overriding(base);

        // then every option is the overlay's
        for (Field option : options()) {
            assertNotEquals(option.get(DEFAULTS), option.get(base), option.getName());
            assertEquals(option.get(DEFAULTS), option.get(merged), option.getName() + " set to its default wins");
        }
    }

    @Test
    void everyOptionNotSetOnTheOverlayIsTheBases() throws Exception {
        // given a base with every option changed from its default
        HaloConfiguration base = new HaloConfiguration();
        for (Field option : options()) {
            setter(option).invoke(base, otherThanDefault(option));
        }
        // and a component configuration whose endpoint copy had every option set (as a URI does)
        HaloConfiguration overlay = new HaloConfiguration();
        HaloConfiguration endpointCopy = overlay.copy();
        for (Field option : options()) {
            setter(option).invoke(endpointCopy, option.get(DEFAULTS));
        }

        // when the overlay, which had nothing set itself, is laid over the base
        HaloConfiguration merged = overlay.overriding(base);

        // then every option is the base's: setting an option on a copy does not mark it on the original
        for (Field option : options()) {
            assertEquals(option.get(base), option.get(merged), option.getName());
        }
    }

    /** The options: the fields Camel's tooling documents. */
    private static List<Field> options() {
        List<Field> options = Arrays.stream(HaloConfiguration.class.getDeclaredFields())
                .filter(f -> f.isAnnotationPresent(UriParam.class)).toList();
        options.forEach(f -> f.setAccessible(true));
        return options;
    }

    private static Method setter(Field option) throws NoSuchMethodException {
        String name = option.getName();
        return HaloConfiguration.class.getMethod("set" + Character.toUpperCase(name.charAt(0)) + name.substring(1),
                option.getType());
    }

    /** A value of the option's type that is not its default. */
    private static Object otherThanDefault(Field option) throws IllegalAccessException {
        Object value = option.get(DEFAULTS);
        Class<?> type = option.getType();
        if (type == boolean.class) {
            return !(Boolean) value;
        } else if (type == int.class) {
            return (Integer) value + 1;
        } else if (type == long.class) {
            return (Long) value + 1;
        } else if (type == String.class) {
            return "not-the-default-" + option.getName();
        } else if (type == SSLContextParameters.class) {
            return new SSLContextParameters();
        } else if (type == org.apache.camel.spi.StateRepository.class) {
            return new MemoryStateRepository();
        } else if (type == io.camelhalo.component.halo.http.HaloRateBudget.class) {
            return new io.camelhalo.component.halo.state.JdbcRateBudget();
        }
        throw new AssertionError(
                "no value other than the default for " + option.getName() + " of " + type
                                 + ": add one here");
    }
}
