package io.camelhalo.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What Kaoto needs to load a catalog library, checked the way its UI loads one (packages/ui, fetch-camel-catalog.ts and
 * catalog-schema-loader.ts in KaotoIO/kaoto): {@code index.json} lists definitions; the selected definition's index is
 * fetched and every file its {@code catalogs} and {@code schemas} name is fetched relative to that index and parsed as
 * JSON (the XSD aside). A missing catalog or file leaves Kaoto without a catalog, so each is named here.
 */
final class KaotoCatalogContract {

    /** The catalogs Kaoto's Camel loader fetches for a Camel runtime (functions came in later Kaoto versions). */
    static final List<String> CAMEL_CATALOGS = List.of("components", "models", "patterns", "entities", "languages",
            "dataformats", "loadbalancers", "kamelets", "kameletBoundaries");

    private static final ObjectMapper JSON = new ObjectMapper();

    private KaotoCatalogContract() {
    }

    /** A loaded Camel definition: its components and Kamelets by name. */
    record LoadedDefinition(String name, Map<String, JsonNode> components, Map<String, JsonNode> kamelets) {
    }

    /**
     * Loads every Camel definition of the library in {@code folder} as Kaoto would.
     *
     * @throws IllegalStateException naming the definition and file Kaoto could not load
     */
    static List<LoadedDefinition> load(Path folder) throws IOException {
        JsonNode library = read(folder.resolve(KaotoLibraryMerger.LIBRARY_INDEX), "the library");
        List<LoadedDefinition> answer = new ArrayList<>();
        for (JsonNode definition : library.path("definitions")) {
            String name = definition.path("name").asText();
            Path indexFile = folder.resolve(definition.path("fileName").asText());
            JsonNode index = read(indexFile, name);
            for (String group : List.of("catalogs", "schemas")) {
                for (JsonNode entry : index.path(group)) {
                    String file = entry.path("file").asText();
                    if (!file.endsWith(".xsd")) {
                        read(indexFile.getParent().resolve(file), name);
                    }
                }
            }
            if (!index.path("catalogs").has("components")) {
                continue; // Citrus, XSLT: not Camel runtimes
            }
            for (String catalog : CAMEL_CATALOGS) {
                if (!index.path("catalogs").has(catalog)) {
                    throw new IllegalStateException(
                            name + ": its index " + indexFile + " names no '" + catalog
                                                    + "' catalog, which Kaoto loads for a Camel runtime");
                }
            }
            if (!index.path("schemas").has("camelYamlDsl")) {
                throw new IllegalStateException(name + ": its index " + indexFile + " names no camelYamlDsl schema");
            }
            answer.add(new LoadedDefinition(
                    name, fields(read(catalogFile(indexFile, index, "components"), name)),
                    fields(read(catalogFile(indexFile, index, "kamelets"), name))));
        }
        return answer;
    }

    private static Path catalogFile(Path indexFile, JsonNode index, String catalog) {
        return indexFile.getParent().resolve(index.path("catalogs").path(catalog).path("file").asText());
    }

    private static Map<String, JsonNode> fields(JsonNode node) {
        Map<String, JsonNode> answer = new LinkedHashMap<>();
        node.properties().forEach(e -> answer.put(e.getKey(), e.getValue()));
        return answer;
    }

    private static JsonNode read(Path file, String what) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(what + ": Kaoto would fetch " + file + ", which does not exist");
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(what + ": " + file + " is not JSON: " + e.getMessage(), e);
        }
    }
}
