package io.camelhalo.component.halo.springboot;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IDEs complete and document {@code camel.component.halo.*} from the starter's spring-configuration-metadata.json
 * (written by spring-boot-configuration-processor): every component option of the component JSON is in it, with the
 * same description and default; a connection option halo-poll or halo-webhook takes from halo has none (it is halo's
 * value).
 */
class ConfigurationMetadataTest {

    @ParameterizedTest
    @CsvSource({
            "halo, META-INF/io/camelhalo/component/halo/halo.json",
            "halo-poll, META-INF/io/camelhalo/component/halo/poll/halo-poll.json",
            "halo-webhook, META-INF/io/camelhalo/component/halo/webhook/halo-webhook.json" })
    void everyComponentOptionIsCompletedAndDocumented(String scheme, String json) throws Exception {
        JsonNode component = read(json);
        Map<String, JsonNode> metadata = new HashMap<>();
        read("META-INF/spring-configuration-metadata.json").get("properties")
                .forEach(p -> metadata.put(p.get("name").asText(), p));

        component.get("componentProperties").fields().forEachRemaining(e -> {
            String key = "camel.component." + scheme + "." + e.getKey().replaceAll("([A-Z])", "-$1").toLowerCase();
            JsonNode property = metadata.get(key);
            assertTrue(property != null, key + " in spring-configuration-metadata.json");
            String description = property.path("description").asText();
            assertFalse(description.isBlank(), key + " documented");
            assertTrue(description.startsWith(e.getValue().path("description").asText().split("[.;]")[0]),
                    key + ": " + description);
            if (ComponentConfigurationSource.inheritedFromHalo(scheme, e.getValue())) {
                assertFalse(property.has("defaultValue"), key + " has no default of its own: it is halo's");
            } else if (e.getValue().has("defaultValue") && !"object".equals(e.getValue().path("type").asText())) {
                assertEquals(e.getValue().get("defaultValue").asText(), property.path("defaultValue").asText(), key);
            }
        });
        assertTrue(metadata.containsKey("camel.component." + scheme + ".enabled"));
    }

    private static JsonNode read(String location) throws Exception {
        try (InputStream in = ConfigurationMetadataTest.class.getClassLoader().getResourceAsStream(location)) {
            assertTrue(in != null, location);
            return new ObjectMapper().readTree(in);
        }
    }
}
