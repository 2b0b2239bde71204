package io.camelhalo.component.halo.springboot;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The starter's configuration classes are generated from the component JSON in the camel-halo jar. The build fails here
 * when they drift from it (a new option, a changed Javadoc); to rewrite them:
 * {@code mvn -B -ntp verify -pl camel-halo-spring-boot-starter -am -Dtest=ComponentConfigurationSourceTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dhalo.docs.update=true}.
 */
class ComponentConfigurationSourceTest {

    private static final String UPDATE = "halo.docs.update";

    @ParameterizedTest
    @CsvSource({
            "HaloComponentConfiguration, META-INF/io/camelhalo/component/halo/halo.json",
            "HaloPollComponentConfiguration, META-INF/io/camelhalo/component/halo/poll/halo-poll.json",
            "HaloWebhookComponentConfiguration, META-INF/io/camelhalo/component/halo/webhook/halo-webhook.json",
            "HaloApiComponentConfiguration, META-INF/io/camelhalo/component/halo/apipath/halo-api.json" })
    void theConfigurationClassIsWhatTheComponentJsonSays(String className, String json) throws Exception {
        // given the committed class and the metadata of the camel-halo jar on the classpath
        Path source = Path.of("src/main/java/io/camelhalo/component/halo/springboot", className + ".java");
        String committed = Files.exists(source) ? Files.readString(source) : "";
        JsonNode model;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(json)) {
            model = new ObjectMapper().readTree(in);
        }

        // when the class is written again from the metadata
        String expected = ComponentConfigurationSource.write(model, className, json.substring(json.lastIndexOf('/') + 1));

        // then it is unchanged (or, asked to, rewritten)
        if (Boolean.getBoolean(UPDATE) && !expected.equals(committed)) {
            Files.writeString(source, expected);
            return;
        }
        assertEquals(expected, committed, source + " is out of date with " + json + "; rewrite it with -D" + UPDATE + "=true");
    }
}
