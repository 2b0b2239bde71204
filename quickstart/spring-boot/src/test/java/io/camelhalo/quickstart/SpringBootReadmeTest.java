package io.camelhalo.quickstart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's quick start on Spring Boot is this module's, with the route of the Camel Main one. */
class SpringBootReadmeTest {

    @Test
    void theReadmeShowsThisModulesFilesAndDependencies() throws Exception {
        ReadmeCopy.assertShown(Path.of("src/main/resources/application.properties"));
        ReadmeCopy.assertShown(Path.of("src/main/resources/routes/tickets.yaml"));
        ReadmeCopy.assertDependenciesShown();
    }

    @Test
    void thisProjectAndTheReadmeNameTheRepositorysVersion() throws Exception {
        // this module's parent is Spring Boot's, so a version change of the repository does not reach it by itself
        String repository = version(Files.readString(Path.of("../../pom.xml")), "camel-halo-parent");
        assertEquals(repository, version(Files.readString(Path.of("pom.xml")), "quickstart-spring-boot"));
        String readme = Files.readString(Path.of("../../README.md"));
        assertEquals(repository, version(readme, "camel-halo-spring-boot-starter"));
        assertEquals(repository, version(readme, "camel-halo"));
    }

    /** The version that follows the first {@code <artifactId>artifactId</artifactId>} in {@code xml}. */
    private static String version(String xml, String artifactId) {
        Matcher m = Pattern.compile("<artifactId>" + Pattern.quote(artifactId) + "</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(xml);
        assertTrue(m.find(), artifactId + " with a version");
        return m.group(1);
    }

    @Test
    void theRouteIsTheCamelMainQuickStarts() throws Exception {
        assertEquals(Files.readString(Path.of("../camel-main/src/main/resources/routes/tickets.yaml")),
                Files.readString(Path.of("src/main/resources/routes/tickets.yaml")));
    }
}
