package io.camelhalo.quickstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks that the README's quick start is what the quick-start module holds: its files (less their header comment)
 * word for word, and its pom's dependencies. Reads README.md two folders up, in this repository.
 */
final class ReadmeCopy {

    private static final Pattern BLOCK = Pattern.compile("```[a-z]*\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern DEPENDENCY = Pattern.compile(
            "<dependency>\\s*(?:<!--.*?-->\\s*)?<groupId>([^<]+)</groupId>\\s*<artifactId>([^<]+)</artifactId>(.*?)</dependency>",
            Pattern.DOTALL);

    private ReadmeCopy() {
    }

    /** The code blocks of the README's quick start section. */
    static List<String> quickStartBlocks() throws IOException {
        String readme = Files.readString(Path.of("../../README.md"));
        String section = readme.substring(readme.indexOf("## Quick start"), readme.indexOf("## Documentation"));
        List<String> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(section);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    /** Asserts that a block of the README is {@code file} less the comment lines it starts with. */
    static void assertShown(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int first = 0;
        while (first < lines.size() && lines.get(first).startsWith("#")) {
            first++;
        }
        String body = String.join("\n", lines.subList(first, lines.size())) + "\n";
        assertTrue(quickStartBlocks().contains(body), "README's quick start shows " + file + " as it is:\n" + body);
    }

    /** The groupId:artifactId of the dependencies in {@code xml}, test-scoped ones left out. */
    static Set<String> dependencies(String xml) {
        Set<String> found = new TreeSet<>();
        Matcher m = DEPENDENCY.matcher(xml);
        while (m.find()) {
            if (!m.group(3).contains("<scope>test</scope>") && !m.group(3).contains("<scope>import</scope>")) {
                found.add(m.group(1) + ":" + m.group(2));
            }
        }
        return found;
    }

    /** Asserts that one of the README's blocks names exactly the dependencies of the module's pom. */
    static void assertDependenciesShown() throws IOException {
        Set<String> pom = dependencies(Files.readString(Path.of("pom.xml")));
        assertTrue(quickStartBlocks().stream().anyMatch(block -> dependencies(block).equals(pom)),
                "README's quick start shows a pom with exactly " + pom);
        assertEquals(false, pom.isEmpty());
    }
}
