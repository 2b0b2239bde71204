package io.camelhalo.component.halo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.camelhalo.component.halo.api.HaloOperation;
import io.camelhalo.component.halo.api.HaloResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The resource table against Halo's own API description: every path the component calls exists in Halo's OpenAPI spec
 * with the verbs it uses, and the paging and ticket_id parameters it sends are ones Halo declares. The spec excerpt is
 * in src/test/resources/halo-openapi-resource-paths.txt (its header names the source).
 */
class HaloOpenApiPathsTest {

    /** path → [methods, GET query parameters]. */
    private static final Map<String, String[]> SPEC = new LinkedHashMap<>();

    @BeforeAll
    static void readSpecExcerpt() throws IOException {
        try (InputStream in = HaloOpenApiPathsTest.class.getResourceAsStream("/halo-openapi-resource-paths.txt")) {
            assertNotNull(in, "halo-openapi-resource-paths.txt is missing from the test resources");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null;) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] cells = line.trim().split(" ");
                    SPEC.put(cells[0], new String[] { cells[1], cells[2] });
                }
            }
        }
    }

    @Test
    void theExcerptCoversExactlyTheComponentsResources() {
        // given the spec excerpt and the resource table
        Set<String> expected = Arrays.stream(HaloResource.values())
                .flatMap(r -> Stream.of("/" + r.path(), "/" + r.path() + "/{id}"))
                .collect(Collectors.toSet());

        // then they name the same 42 paths
        assertEquals(expected, SPEC.keySet());
    }

    @ParameterizedTest
    @EnumSource(HaloResource.class)
    void everyPathAndVerbTheComponentUsesIsInHalosSpec(HaloResource resource) {
        // given the spec's entries for the resource
        String[] collection = SPEC.get("/" + resource.path());
        String[] single = SPEC.get("/" + resource.path() + "/{id}");

        // then list and write (GET, POST) are on /<Path>, get and delete (GET, DELETE) on /<Path>/{id}
        assertNotNull(collection, "/" + resource.path() + " not in Halo's spec");
        assertNotNull(single, "/" + resource.path() + "/{id} not in Halo's spec");
        assertEquals(Set.of("GET", "POST"), Set.of(collection[0].split(",")));
        assertEquals(Set.of("DELETE", "GET"), Set.of(single[0].split(",")));
    }

    @ParameterizedTest
    @EnumSource(HaloResource.class)
    void theResourceIsPagedExactlyWhenHalosListDeclaresThePagingParameters(HaloResource resource) {
        // given the query parameters Halo declares on the list
        Set<String> listParameters = Set.of(SPEC.get("/" + resource.path())[1].split(","));

        // then the component pages where Halo can, and never sends paging parameters Halo does not declare
        boolean declared = listParameters.containsAll(Set.of("pageinate", "page_size", "page_no"));
        assertEquals(declared, resource.paginated(), resource.uriName() + " paginated");
    }

    @ParameterizedTest
    @EnumSource(HaloResource.class)
    void aTicketIdIsOnlySentOnAListThatDeclaresIt(HaloResource resource) {
        // given the query parameters Halo declares on the list
        Set<String> listParameters = Set.of(SPEC.get("/" + resource.path())[1].split(","));

        // then where the component sends ticket_id on a list, Halo's spec declares it
        if (resource.needsTicketId(HaloOperation.LIST)) {
            assertTrue(listParameters.contains("ticket_id"), resource.uriName() + " list ticket_id");
        }
        if (resource.needsTicketId(HaloOperation.GET)) {
            assertTrue(SPEC.get("/" + resource.path() + "/{id}")[1].contains("ticket_id"),
                    resource.uriName() + " get ticket_id");
        }
    }
}
