package io.camelhalo.quickstart;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The README's quick start on Spring Boot is this module's, with the route of the Camel Main one. */
class SpringBootReadmeTest {

    @Test
    void theReadmeShowsThisModulesFilesAndDependencies() throws Exception {
        ReadmeCopy.assertShown(Path.of("src/main/resources/application.properties"));
        ReadmeCopy.assertShown(Path.of("src/main/resources/routes/tickets.yaml"));
        ReadmeCopy.assertDependenciesShown();
    }

    @Test
    void theRouteIsTheCamelMainQuickStarts() throws Exception {
        assertEquals(Files.readString(Path.of("../camel-main/src/main/resources/routes/tickets.yaml")),
                Files.readString(Path.of("src/main/resources/routes/tickets.yaml")));
    }
}
