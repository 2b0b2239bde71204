package io.camelhalo.quickstart;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The README's quick start on Camel Main is this module's. */
class CamelMainReadmeTest {

    @Test
    void theReadmeShowsThisModulesFilesAndDependencies() throws Exception {
        ReadmeCopy.assertShown(Path.of("src/main/resources/application.properties"));
        ReadmeCopy.assertShown(Path.of("src/main/resources/routes/tickets.yaml"));
        ReadmeCopy.assertShown(Path.of("src/main/resources/log4j2.properties"));
        ReadmeCopy.assertDependenciesShown();
    }
}
