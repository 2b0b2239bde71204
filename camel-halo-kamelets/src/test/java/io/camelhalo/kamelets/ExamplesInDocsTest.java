package io.camelhalo.kamelets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Kamelets' docs show the example files the tests run, as they are. */
class ExamplesInDocsTest {

    @Test
    void everyExampleFileIsInTheDocsWordForWord() throws IOException {
        String docs = Files.readString(Path.of("docs/README.md"));
        List<Path> examples;
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            examples = files.sorted().toList();
        }
        assertTrue(examples.size() >= 7, "the examples: " + examples);
        List<String> missing = examples.stream()
                .filter(f -> !docs.contains("`examples/" + f.getFileName() + "`:\n\n```")
                        || !docs.contains(read(f).strip() + "\n```"))
                .map(f -> f.getFileName().toString()).toList();
        assertEquals(List.of(), missing, "example files not shown as they are in docs/README.md");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
