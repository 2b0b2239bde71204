package io.camelhalo.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Puts Halo into a Kaoto catalog library. Kaoto loads a whole catalog or nothing: its {@code index.json} lists
 * definitions (one per runtime and version), each naming an index whose {@code catalogs} and {@code schemas} name every
 * file it fetches (models, patterns, languages, the YAML DSL schema...). Halo cannot ship those, so the merge copies a
 * library Kaoto already loads and, in each Camel definition, adds Halo's components and Kamelets to the components and
 * Kamelets files, written under new names so no cached copy of the originals is mistaken for them.
 */
final class KaotoLibraryMerger {

    static final String LIBRARY_INDEX = "index.json";

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final String haloVersion;

    KaotoLibraryMerger(String haloVersion) {
        this.haloVersion = haloVersion;
    }

    /**
     * Copies the library in {@code base} to {@code target}, Halo merged in.
     *
     * @return the number of definitions Halo was merged into
     */
    int merge(Path base, Path target, Map<String, ObjectNode> components, Map<String, ObjectNode> kamelets)
            throws IOException {
        Path baseIndex = base.resolve(LIBRARY_INDEX);
        if (!Files.isRegularFile(baseIndex)) {
            throw new IllegalArgumentException(
                    "Not a Kaoto catalog library: " + base + " has no " + LIBRARY_INDEX
                                               + " (expected e.g. dist/camel-catalog of the @kaoto/camel-catalog npm package)");
        }
        copyTree(base, target);
        ObjectNode library = (ObjectNode) json.readTree(target.resolve(LIBRARY_INDEX).toFile());
        int merged = 0;
        for (JsonNode definition : library.withArray("definitions")) {
            Path indexFile = target.resolve(definition.path("fileName").asText());
            ObjectNode index = (ObjectNode) json.readTree(indexFile.toFile());
            JsonNode catalogs = index.path("catalogs");
            if (!catalogs.has("components") || !catalogs.has("kamelets")) {
                continue; // not a Camel runtime (Citrus, XSLT)
            }
            mergeInto(indexFile.getParent(), (ObjectNode) catalogs.get("components"), components, "camel-halo-components");
            mergeInto(indexFile.getParent(), (ObjectNode) catalogs.get("kamelets"), kamelets, "camel-halo-kamelets");
            String name = definition.path("name").asText() + " + Halo " + haloVersion;
            index.put("name", name);
            ((ObjectNode) definition).put("name", name);
            json.writeValue(indexFile.toFile(), index);
            merged++;
        }
        if (merged == 0) {
            throw new IllegalArgumentException("No Camel definition (with components and kamelets) in " + baseIndex);
        }
        library.put("name", library.path("name").asText("Kaoto catalog") + " with Camel Halo " + haloVersion);
        json.writeValue(target.resolve(LIBRARY_INDEX).toFile(), library);
        // the merged library must load as Kaoto loads it, or the build fails here rather than in the user's editor
        for (KaotoCatalogContract.LoadedDefinition loaded : KaotoCatalogContract.load(target)) {
            if (!loaded.components().keySet().containsAll(components.keySet())
                    || !loaded.kamelets().keySet().containsAll(kamelets.keySet())) {
                throw new IllegalStateException(loaded.name() + " lacks Halo's components or Kamelets after the merge");
            }
        }
        return merged;
    }

    private void mergeInto(Path folder, ObjectNode entry, Map<String, ObjectNode> halo, String prefix) throws IOException {
        ObjectNode all = (ObjectNode) json.readTree(folder.resolve(entry.path("file").asText()).toFile());
        halo.forEach(all::set);
        byte[] content = json.writeValueAsBytes(all);
        String file = prefix + "-" + shortHash(content) + ".json";
        Files.write(folder.resolve(file), content);
        entry.put("file", file);
        entry.put("description", entry.path("description").asText() + ", with Camel Halo " + haloVersion);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path copy = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static String shortHash(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
