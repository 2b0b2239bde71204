package io.camelhalo.catalog;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Halo merged into a Kaoto catalog library (a trimmed copy of the npm package's, see kaoto-library/README.md) loads the
 * way Kaoto loads a library, with Halo's components and Kamelets beside the library's own.
 */
class KaotoLibraryMergeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    @Test
    void mergedLibraryLoadsWithHaloBesideTheBaseEntries() throws Exception {
        new ToolingCatalogGenerator("1.2.3").generate(out, fixture(), getClass().getClassLoader());
        Path kaoto = out.resolve(ToolingCatalogGenerator.KAOTO_LIBRARY);

        List<KaotoCatalogContract.LoadedDefinition> loaded = KaotoCatalogContract.load(kaoto);

        assertEquals(1, loaded.size());
        KaotoCatalogContract.LoadedDefinition main = loaded.get(0);
        assertEquals("Camel Main 4.18.4 + Halo 1.2.3", main.name());
        assertTrue(main.components().keySet().containsAll(List.of("timer", "halo", "halo-api", "halo-poll", "halo-webhook")),
                main.components().keySet().toString());
        assertTrue(main.kamelets().keySet().containsAll(List.of("timer-source", "halo-source", "halo-sink")),
                main.kamelets().keySet().toString());
        assertEquals("halo",
                main.components().get("halo").at("/component/scheme").asText());

        JsonNode library = JSON.readTree(kaoto.resolve("index.json").toFile());
        assertEquals("Camel Main 4.18.4 + Halo 1.2.3", library.at("/definitions/0/name").asText());
        assertEquals("Citrus 4.10.3", library.at("/definitions/1/name").asText(), "a Citrus definition is left alone");
        JsonNode index = JSON.readTree(kaoto.resolve("camel-main/4.18.4/index-fixture.json").toFile());
        assertTrue(index.at("/catalogs/components/file").asText().startsWith("camel-halo-components-"));
        assertEquals("camel-catalog-aggregate-models-fixture.json", index.at("/catalogs/models/file").asText());
    }

    @Test
    void aFolderWithoutALibraryIndexIsRefusedByName() throws IOException {
        Path notALibrary = Files.createDirectories(out.resolve("empty"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new ToolingCatalogGenerator("1.2.3").generate(out.resolve("gen"), notALibrary,
                        getClass().getClassLoader()));
        assertTrue(error.getMessage().contains(notALibrary.toString()), error.getMessage());
        assertTrue(error.getMessage().contains("index.json"), error.getMessage());
    }

    @Test
    void kaotoWouldNotLoadALibraryMissingAFileItNames() throws Exception {
        new ToolingCatalogGenerator("1.2.3").generate(out, fixture(), getClass().getClassLoader());
        Path kaoto = out.resolve(ToolingCatalogGenerator.KAOTO_LIBRARY);
        Files.delete(kaoto.resolve("camel-main/4.18.4/camel-catalog-aggregate-models-fixture.json"));

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> KaotoCatalogContract.load(kaoto));
        assertTrue(error.getMessage().contains("camel-catalog-aggregate-models-fixture.json"), error.getMessage());
    }

    private Path fixture() throws URISyntaxException {
        return Path.of(getClass().getClassLoader().getResource("kaoto-library/index.json").toURI()).getParent();
    }
}
