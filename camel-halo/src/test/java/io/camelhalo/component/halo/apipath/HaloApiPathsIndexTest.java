package io.camelhalo.component.halo.apipath;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * halo-api's index of Halo's API ({@code halo-api-paths.txt}) is generated from the description vendored in
 * halo-sandbox, and the build fails here when the two differ. To rewrite it:
 * {@code mvn -B -ntp verify -pl halo-sandbox,camel-halo -Dtest=HaloApiPathsIndexTest -Dsurefire.failIfNoSpecifiedTests=false -Dhalo.index.update=true}.
 */
class HaloApiPathsIndexTest {

    private static final String UPDATE = "halo.index.update";
    private static final String DESCRIPTION = "/io/camelhalo/sandbox/halo-openapi/halo-api-v2.openapi.json.gz";
    private static final Path INDEX = Path.of("src/main/resources/io/camelhalo/component/halo/apipath",
            HaloApiPaths.RESOURCE);

    @Test
    void theShippedIndexIsTheDescriptionsOperations() throws Exception {
        // given the index rendered again from the description
        String expected = render(description());
        String committed = Files.readString(INDEX);
        if (Boolean.getBoolean(UPDATE) && !expected.equals(committed)) {
            Files.writeString(INDEX, expected);
            return;
        }
        // then it is the committed one, and it reads back as every operation of the 808 paths
        assertEquals(expected, committed, INDEX + " is out of date; rewrite it with -D" + UPDATE + "=true");
        assertEquals(808, HaloApiPaths.get().all().stream().map(HaloApiOperation::template).distinct().count());
        assertEquals(1216, HaloApiPaths.get().all().size());
    }

    private static JsonNode description() throws Exception {
        try (InputStream in = HaloApiPathsIndexTest.class.getResourceAsStream(DESCRIPTION)) {
            assertNotNull(in, DESCRIPTION + " (halo-sandbox's resources) is missing from the test class path");
            return new ObjectMapper().readTree(new GZIPInputStream(in));
        }
    }

    static String render(JsonNode doc) {
        StringBuilder sb = new StringBuilder()
                .append("# Every operation of Halo's published OpenAPI description \"Halo API v2\" (808 paths), one a line:\n")
                .append("# METHOD<tab>/Template<tab>body (array, object or -)<tab>path parameters (name:type)")
                .append("<tab>query parameters<tab>for a list (GET without path parameters): the last-modified\n")
                .append("# field of the schema its POST takes (a date-time named as Halo names its change stamps), or -.\n")
                .append("# Generated from halo-sandbox's halo-openapi/halo-api-v2.openapi.json.gz (sha256 of the JSON\n")
                .append("# a421a6673accd2a7..., MIT-licensed covenanttechnologysolutions/halopsa-rest) by\n")
                .append("# HaloApiPathsIndexTest, which fails when they differ. Read by apipath/HaloApiPaths.\n");
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            List<String> path = new ArrayList<>();
            List<String> query = new ArrayList<>();
            for (JsonNode param : m.getValue().path("parameters")) {
                String in = param.path("in").asText();
                if ("query".equals(in)) {
                    query.add(param.path("name").asText());
                } else if ("path".equals(in)) {
                    path.add(param.path("name").asText() + ":" + param.path("schema").path("type").asText("string"));
                }
            }
            boolean list = "get".equals(m.getKey()) && path.isEmpty() && !p.getKey().contains("{");
            JsonNode body = m.getValue().path("requestBody");
            String shape = body.isMissingNode() ? "-"
                    : "array".equals(body.path("content").path("application/json").path("schema").path("type").asText())
                            ? "array"
                    : "object";
            sb.append(m.getKey().toUpperCase(Locale.ROOT)).append('\t').append(p.getKey()).append('\t').append(shape)
                    .append('\t').append(path.isEmpty() ? "-" : String.join(",", path))
                    .append('\t').append(query.isEmpty() ? "-" : String.join(",", query))
                    .append('\t').append(list ? lastModifiedField(doc, p.getValue()) : "-").append('\n');
        }));
        return sb.toString();
    }

    /**
     * The last-modified field of the records a list path holds: the first date-time property of the schema its POST
     * takes whose name is one Halo gives its change stamps ({@link HaloApiOperation#LAST_MODIFIED_NAMES}), or "-".
     */
    private static String lastModifiedField(JsonNode doc, JsonNode operations) {
        JsonNode schema = operations.path("post").path("requestBody").path("content").path("application/json")
                .path("schema");
        schema = schema.has("items") ? schema.path("items") : schema;
        String ref = schema.path("$ref").asText("");
        if (ref.isEmpty()) {
            return "-";
        }
        JsonNode properties = doc.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1))
                .path("properties");
        List<String> found = new ArrayList<>();
        properties.fields().forEachRemaining(f -> {
            if ("date-time".equals(f.getValue().path("format").asText())
                    && HaloApiOperation.LAST_MODIFIED_NAMES.matcher(f.getKey()).matches()) {
                found.add(f.getKey());
            }
        });
        // a name without a one-letter table prefix (last_modified before dlastupdate) first
        return found.stream().min((a, b) -> Boolean.compare(!a.startsWith("last"), !b.startsWith("last"))).orElse("-");
    }
}
