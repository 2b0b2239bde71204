package io.camelhalo.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalog the build writes parses and holds the four components and every Kamelet of camel-halo-kamelets, each with
 * all its properties, in the shapes Kaoto, Karavan and the VS Code Language Support read.
 */
class ToolingCatalogGeneratorTest {

    /** The Kamelets as the source tree has them, read apart from the generator's classpath lookup. */
    private static final Path KAMELET_SOURCES = Path.of("../camel-halo-kamelets/src/main/resources/kamelets");
    private static final List<String> COMPONENTS = List.of("halo", "halo-api", "halo-poll", "halo-webhook");

    @TempDir
    static Path out;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, JsonNode> kameletSources;

    @BeforeAll
    static void generate() throws IOException {
        new ToolingCatalogGenerator("1.2.3").generate(out, null, ToolingCatalogGeneratorTest.class.getClassLoader());
        kameletSources = new TreeMap<>();
        try (Stream<Path> files = Files.list(KAMELET_SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".kamelet.yaml")).toList()) {
                JsonNode kamelet = new YAMLMapper().readTree(file.toFile());
                kameletSources.put(kamelet.path("metadata").path("name").asText(), kamelet);
            }
        }
        assertFalse(kameletSources.isEmpty(), "no Kamelets in " + KAMELET_SOURCES.toAbsolutePath());
    }

    @Test
    void indexNamesTheComponentsAndKameletsFiles() throws IOException {
        JsonNode index = JSON.readTree(out.resolve("index.json").toFile());
        assertEquals("1.2.3", index.path("version").asText());
        for (String catalog : List.of("components", "kamelets")) {
            JsonNode entry = index.path("catalogs").path(catalog);
            assertEquals(catalog, entry.path("name").asText());
            assertTrue(Files.isRegularFile(out.resolve(entry.path("file").asText())), catalog + " file missing");
        }
    }

    @Test
    void kaotoComponentsCarryEveryEndpointOptionAsSchema() throws IOException {
        JsonNode components = JSON.readTree(out.resolve(ToolingCatalogGenerator.COMPONENTS).toFile());
        assertEquals(Set.copyOf(COMPONENTS), names(components));
        for (String scheme : COMPONENTS) {
            JsonNode component = components.path(scheme);
            assertEquals(scheme, component.path("component").path("scheme").asText());
            JsonNode schema = component.path("propertiesSchema");
            assertEquals(KaotoEntries.SCHEMA, schema.path("$schema").asText());
            assertEquals(names(component.path("properties")), names(schema.path("properties")), scheme);
            assertFalse(schema.path("properties").isEmpty(), scheme + " has no options");
        }
        JsonNode halo = components.path("halo").path("propertiesSchema");
        assertEquals(List.of("resource", "operation"), JSON.convertValue(halo.path("required"), List.class));
        assertEquals("string", halo.at("/properties/resource/type").asText());
        assertTrue(halo.at("/properties/resource/enum").toString().contains("\"tickets\""));
        assertEquals("password", halo.at("/properties/clientSecret/format").asText());
        assertEquals("string", halo.at("/properties/lookupCacheTtl/type").asText());
        assertEquals("duration", halo.at("/properties/lookupCacheTtl/format").asText());
        assertTrue(halo.at("/properties/resolveNames/default").asBoolean());
        assertTrue(halo.at("/properties/baseUrl/$comment").asText().startsWith("group:"));
    }

    @Test
    void everyKameletIsInTheKaotoKameletsWithItsProperties() throws IOException {
        JsonNode kamelets = JSON.readTree(out.resolve(ToolingCatalogGenerator.KAMELETS).toFile());
        assertEquals(kameletSources.keySet(), names(kamelets));
        kameletSources.forEach((name, source) -> {
            JsonNode entry = kamelets.path(name);
            JsonNode definition = source.path("spec").path("definition");
            assertEquals(definition, entry.path("spec").path("definition"), name);
            JsonNode schema = entry.path("propertiesSchema");
            assertEquals(names(definition.path("properties")), names(schema.path("properties")), name);
            assertEquals(definition.path("required"), schema.path("required"), name);
            assertEquals(definition.path("title"), schema.path("title"), name);
        });
        JsonNode sinkSecret = kamelets.at("/halo-sink/propertiesSchema/properties/clientSecret");
        assertEquals("password", sinkSecret.path("format").asText());
        assertTrue(Files.isRegularFile(out.resolve("kamelets/halo-sink.kamelet.yaml")));
    }

    @Test
    void vscodeSettingsListTheCamelCatalogJsonOfEachComponent() throws IOException {
        JsonNode extra = JSON.readTree(out.resolve(ToolingCatalogGenerator.VSCODE_SETTINGS).toFile())
                .path("camel.extra-components");
        Set<String> schemes = new HashSet<>();
        extra.forEach(component -> {
            schemes.add(component.path("component").path("scheme").asText());
            assertTrue(component.has("properties") && component.has("componentProperties"));
            assertFalse(component.has("propertiesSchema"), "the Camel catalog shape, not Kaoto's");
        });
        assertEquals(Set.copyOf(COMPONENTS), schemes);
        for (String scheme : COMPONENTS) {
            assertEquals(scheme,
                    JSON.readTree(out.resolve("components/" + scheme + ".json").toFile()).at("/component/scheme").asText());
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> answer = new HashSet<>();
        object.fieldNames().forEachRemaining(answer::add);
        return answer;
    }
}
