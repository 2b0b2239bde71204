package io.camelhalo.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Writes the tooling catalog (run at package time, see the pom):
 * <ul>
 * <li>{@code index.json}: the Kaoto catalog definition of what Halo adds, its {@code catalogs} naming
 * {@code halo-components.json} and {@code halo-kamelets.json} (Kaoto's shapes: name to model plus
 * {@code propertiesSchema});</li>
 * <li>{@code components/<scheme>.json}: each component's Camel catalog JSON, as Camel's tooling reads it;</li>
 * <li>{@code kamelets/*.kamelet.yaml}: the Kamelets, for Karavan's Kamelets path and Kaoto's workspace Kamelets;</li>
 * <li>{@code vscode-settings.json}: the {@code camel.extra-components} setting of Language Support for Apache
 * Camel;</li>
 * <li>{@code kaoto/}: when a Kaoto catalog library is given, that library with Halo merged in, the folder Kaoto's
 * catalog URL points at.</li>
 * </ul>
 */
public final class ToolingCatalogGenerator {

    static final String INDEX = "index.json";
    static final String COMPONENTS = "halo-components.json";
    static final String KAMELETS = "halo-kamelets.json";
    static final String VSCODE_SETTINGS = "vscode-settings.json";
    static final String KAOTO_LIBRARY = "kaoto";

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final YAMLMapper yaml = new YAMLMapper();
    private final String version;

    ToolingCatalogGenerator(String version) {
        this.version = version;
    }

    /** Arguments: output folder, the version, and optionally a Kaoto catalog library folder to merge into. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("Usage: ToolingCatalogGenerator <outputDir> <version> [<kaotoLibraryDir>]");
        }
        Path base = args.length > 2 && args[2] != null && !args[2].isBlank() ? Path.of(args[2]) : null;
        new ToolingCatalogGenerator(args[1]).generate(Path.of(args[0]), base,
                Thread.currentThread().getContextClassLoader());
    }

    void generate(Path out, Path kaotoBase, ClassLoader loader) throws IOException {
        Map<String, ObjectNode> components = HaloCatalogSources.components(loader);
        Map<String, String> kameletYaml = HaloCatalogSources.kamelets(loader);
        Files.createDirectories(out.resolve("components"));
        Files.createDirectories(out.resolve("kamelets"));

        Map<String, ObjectNode> kaotoComponents = new LinkedHashMap<>();
        ArrayNode extraComponents = json.createArrayNode();
        for (Map.Entry<String, ObjectNode> component : components.entrySet()) {
            json.writeValue(out.resolve("components/" + component.getKey() + ".json").toFile(), component.getValue());
            kaotoComponents.put(component.getKey(), KaotoEntries.component(component.getValue()));
            extraComponents.add(component.getValue());
        }
        Map<String, ObjectNode> kaotoKamelets = new LinkedHashMap<>();
        for (Map.Entry<String, String> file : kameletYaml.entrySet()) {
            Files.writeString(out.resolve("kamelets/" + file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            ObjectNode kamelet = (ObjectNode) yaml.readTree(file.getValue());
            String name = kamelet.path("metadata").path("name").asText();
            if (name.isEmpty()) {
                throw new IllegalStateException("Kamelet " + file.getKey() + " has no metadata.name");
            }
            kaotoKamelets.put(name, KaotoEntries.kamelet(kamelet));
        }

        json.writeValue(out.resolve(COMPONENTS).toFile(), kaotoComponents);
        json.writeValue(out.resolve(KAMELETS).toFile(), kaotoKamelets);
        json.writeValue(out.resolve(INDEX).toFile(), index());
        ObjectNode settings = json.createObjectNode();
        settings.set("camel.extra-components", extraComponents);
        json.writeValue(out.resolve(VSCODE_SETTINGS).toFile(), settings);

        if (kaotoBase != null) {
            new KaotoLibraryMerger(version).merge(kaotoBase, out.resolve(KAOTO_LIBRARY), kaotoComponents, kaotoKamelets);
        }
    }

    private ObjectNode index() {
        ObjectNode index = json.createObjectNode();
        index.put("name", "Camel Halo " + version);
        index.put("version", version);
        ObjectNode catalogs = index.putObject("catalogs");
        catalogs.set("components", entry("components", "Camel Halo components", COMPONENTS));
        catalogs.set("kamelets", entry("kamelets", "Camel Halo Kamelets", KAMELETS));
        return index;
    }

    private ObjectNode entry(String name, String description, String file) {
        ObjectNode entry = json.createObjectNode();
        entry.put("name", name);
        entry.put("description", description);
        entry.put("version", version);
        entry.put("file", file);
        return entry;
    }
}
