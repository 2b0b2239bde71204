package io.camelhalo.component.halo.apipath;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** halo-api's options reach Camel's tooling: a YAML or Java route's URI is checked by the catalog. */
class HaloApiMetadataTest {

    private static final String JSON = "META-INF/io/camelhalo/component/halo/apipath/halo-api.json";

    private static String json() throws Exception {
        try (InputStream in = HaloApiComponent.class.getClassLoader().getResourceAsStream(JSON)) {
            assertNotNull(in, JSON + " is generated into the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theCatalogChecksAHaloApiUri() throws Exception {
        CamelCatalog catalog = new DefaultCamelCatalog();
        catalog.addComponent("halo-api", HaloApiComponent.class.getName(), json());
        EndpointValidationResult good = catalog.validateEndpointProperties(
                "halo-api:Timesheet/{id}?method=GET&pathParam.id=3&query.agent_id=4&pageSize=50&streamList=true");
        assertTrue(good.isSuccess(), good.summaryErrorMessage(false));
        EndpointValidationResult badMethod = catalog.validateEndpointProperties("halo-api:Timesheet?method=PUT");
        assertTrue(badMethod.getInvalidEnum() != null && badMethod.getInvalidEnum().containsKey("method"));
        EndpointValidationResult typo = catalog.validateEndpointProperties("halo-api:Timesheet?metod=GET");
        assertFalse(typo.isSuccess());
        assertTrue(typo.getUnknown().contains("metod"), typo.summaryErrorMessage(false));
    }

    @Test
    void everyOptionAndHeaderIsDescribed() throws Exception {
        JsonNode model = new ObjectMapper().readTree(json());
        assertEquals("halo-api:path", model.at("/component/syntax").asText());
        for (String section : new String[] { "properties", "headers", "componentProperties" }) {
            model.get(section).fields().forEachRemaining(
                    option -> assertFalse(option.getValue().path("description").asText().isBlank(),
                            section + "." + option.getKey() + " has a description"));
        }
        assertTrue(model.at("/headers").has(HaloApiConstants.PATH_PARAMS));
        assertEquals("GET", model.at("/properties/method/defaultValue").asText());
    }
}
