package io.camelhalo.sandbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SandboxHelpTest {

    @Test
    void helpPrintsTheCredentialsAndTheSeedDataASandboxReallyServes() {
        // given the standalone defaults
        HaloSandboxOptions options = HaloSandboxOptions.defaults().withPort(8089);

        // when --help is asked for
        String help = SandboxHelp.text(options);

        // then it names the connection a route needs and the records a started sandbox holds
        assertTrue(help.contains("camel.component.halo.base-url      = http://127.0.0.1:8089"), help);
        assertTrue(help.contains("camel.component.halo.client-id     = sandbox-client"), help);
        assertTrue(help.contains("camel.component.halo.client-secret = sandbox-secret"), help);
        assertTrue(help.contains("#1 Printer on floor 2 is jammed"), help);
        try (HaloSandbox sandbox = HaloSandbox.start(0)) {
            for (String resource : new String[] { "tickets", "clients", "users", "statuses" }) {
                Matcher line = Pattern.compile("(?m)^  " + resource + " +/api/\\S+ +(\\d+):").matcher(help);
                assertTrue(line.find(), resource + " listed in\n" + help);
                assertEquals(sandbox.count(resource), Integer.parseInt(line.group(1)), resource);
            }
        }
    }
}
