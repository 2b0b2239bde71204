package io.camelhalo.component.halo;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tooling (camel-report's validate goal, IDE plugins) finds third-party components the way upstream jars are found:
 * {@code META-INF/services/org/apache/camel/component.properties} lists the jar's components, each component's service
 * file names its class, and the JSON metadata lies where Camel 4's build puts it,
 * {@code META-INF/<package of the class>/<name>.json}. (The catalog's two-argument {@code addComponent} still looks
 * beside the class without {@code META-INF/}, the Camel 2 location, so tooling passes the JSON itself.) Nothing here
 * names the JSON files or the component classes: all of it comes from the jar.
 */
class HaloCatalogDiscoveryTest {

    private static final String COMPONENT_LIST = "META-INF/services/org/apache/camel/component.properties";

    @Test
    void theCatalogFindsTheThreeComponentsAndTheirMetadataFromTheJarAlone() throws Exception {
        // given: a catalog that knows only Camel's own components
        CamelCatalog catalog = new DefaultCamelCatalog();
        assertFalse(catalog.findComponentNames().contains("halo"));

        // when: the components listed by the jar's component.properties are added as tooling does
        Properties listing = haloListing();
        for (String name : listing.getProperty("components").split("\\s+")) {
            String javaType = componentClass(name);
            catalog.addComponent(name, javaType, metadata(name, javaType));
        }

        // then: the catalog lists all four, with their JSON, and validates URIs against it
        assertEquals("io.camelhalo", listing.getProperty("groupId"));
        assertEquals("camel-halo", listing.getProperty("artifactId"));
        List<String> schemes = List.of("halo", "halo-api", "halo-poll", "halo-webhook");
        assertTrue(catalog.findComponentNames().containsAll(schemes), catalog.findComponentNames().toString());
        for (String scheme : schemes) {
            assertTrue(catalog.componentJSonSchema(scheme).contains("\"scheme\": \"" + scheme + "\""), scheme);
        }
        assertTrue(catalog.findComponentNames("api").containsAll(schemes), "found by label");
        EndpointValidationResult typo = catalog.validateEndpointProperties("halo:tickets/list?pagesize=5");
        assertTrue(typo.getUnknown() != null && typo.getUnknown().contains("pagesize"), typo.summaryErrorMessage(false));
        assertTrue(catalog.validateEndpointProperties("halo-poll:invoices?overlap=10s").isSuccess());
        EndpointValidationResult webhookTypo = catalog.validateEndpointProperties("halo-webhook:tickets?registr=true");
        assertTrue(webhookTypo.getUnknown() != null && webhookTypo.getUnknown().contains("registr"),
                webhookTypo.summaryErrorMessage(false));
        assertTrue(catalog.validateEndpointProperties("halo-webhook:tickets?register=true&path=/hooks/t").isSuccess());
        EndpointValidationResult apiTypo = catalog.validateEndpointProperties("halo-api:Timesheet?methd=GET");
        assertTrue(apiTypo.getUnknown() != null && apiTypo.getUnknown().contains("methd"),
                apiTypo.summaryErrorMessage(false));
        assertTrue(catalog.validateEndpointProperties("halo-api:Timesheet?method=POST").isSuccess());
    }

    /** The one component.properties on the classpath that belongs to camel-halo (Camel's own jars carry theirs). */
    private static Properties haloListing() throws Exception {
        for (URL url : Collections.list(HaloCatalogDiscoveryTest.class.getClassLoader().getResources(COMPONENT_LIST))) {
            Properties listing = new Properties();
            try (InputStream in = url.openStream()) {
                listing.load(in);
            }
            if ("camel-halo".equals(listing.getProperty("artifactId"))) {
                return listing;
            }
        }
        throw new AssertionError("no " + COMPONENT_LIST + " with artifactId=camel-halo on the classpath");
    }

    private static String metadata(String name, String javaType) throws Exception {
        String location
                = "META-INF/" + javaType.substring(0, javaType.lastIndexOf('.')).replace('.', '/') + "/" + name + ".json";
        try (InputStream in = HaloCatalogDiscoveryTest.class.getClassLoader().getResourceAsStream(location)) {
            assertNotNull(in, location);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String componentClass(String name) throws Exception {
        try (InputStream in = HaloCatalogDiscoveryTest.class.getClassLoader()
                .getResourceAsStream("META-INF/services/org/apache/camel/component/" + name)) {
            assertNotNull(in, "service file of " + name);
            Properties service = new Properties();
            service.load(in);
            return service.getProperty("class");
        }
    }
}
