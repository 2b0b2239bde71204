package io.camelhalo.component.halo.docs;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The component pages carry no hand-written option or header table: the build fails here when a page's generated parts
 * differ from the component JSON (changed Javadoc, a new option). To rewrite them:
 * {@code mvn -B -ntp verify -pl camel-halo -am -Dtest=ComponentPageTest -Dsurefire.failIfNoSpecifiedTests=false -Dhalo.docs.update=true}.
 */
class ComponentPageTest {

    private static final String UPDATE = "halo.docs.update";

    @ParameterizedTest
    @CsvSource({
            "halo, META-INF/io/camelhalo/component/halo/halo.json",
            "halo-poll, META-INF/io/camelhalo/component/halo/poll/halo-poll.json",
            "halo-webhook, META-INF/io/camelhalo/component/halo/webhook/halo-webhook.json",
            "halo-api, META-INF/io/camelhalo/component/halo/apipath/halo-api.json" })
    void theGeneratedPartsOfEachPageMatchTheComponentJson(String name, String json) throws Exception {
        // given the page as committed and the metadata the build just generated
        Path page = Path.of("src/main/docs", name + "-component.adoc");
        String committed = Files.readString(page);
        JsonNode model = metadata(json);

        // when its generated parts are rendered again
        String expected = ComponentPage.update(committed, model);

        // then nothing changes (or, asked to, the page is rewritten)
        if (Boolean.getBoolean(UPDATE) && !expected.equals(committed)) {
            Files.writeString(page, expected);
            return;
        }
        assertEquals(expected, committed, page + " is out of date with " + json
                                          + "; rewrite it with -D" + UPDATE + "=true (see this test's Javadoc)");
        model.get("componentProperties").fieldNames().forEachRemaining(
                option -> assertTrue(committed.contains("| *" + option + "* "), option + " in " + page));
        model.get("headers").fieldNames().forEachRemaining(
                header -> assertTrue(committed.contains("| *" + header + "* "), header + " in " + page));
    }

    @Test
    void aChangedDescriptionChangesThePageAndACellStaysOneCell() throws Exception {
        // given a page and the halo metadata with one description changed to contain a pipe and a brace
        String page = Files.readString(Path.of("src/main/docs/halo-component.adoc"));
        JsonNode model = metadata("META-INF/io/camelhalo/component/halo/halo.json");
        ((com.fasterxml.jackson.databind.node.ObjectNode) model.at("/properties/pageSize"))
                .put("description", "Records per page | at most {max}");

        // when the page is rendered from it
        String updated = ComponentPage.update(page, model);

        // then the page differs (the drift check would fail) and the cell is escaped
        assertFalse(updated.equals(page));
        assertTrue(updated.contains("Records per page \\| at most \\{max}"), "escaped cell");
    }

    @Test
    void aPageWithoutTheGeneratedBlockIsRefusedByName() throws Exception {
        JsonNode model = metadata("META-INF/io/camelhalo/component/halo/halo.json");
        String headerOnly
                = ":shortname: x\n:artifactid: x\n:description: x\n:since: x\n:supportlevel: x\n:component-header: x\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ComponentPage.update(headerOnly, model));
        assertTrue(e.getMessage().contains(ComponentPage.START), e.getMessage());
    }

    private static JsonNode metadata(String location) throws Exception {
        try (InputStream in = ComponentPageTest.class.getClassLoader().getResourceAsStream(location)) {
            return new ObjectMapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
