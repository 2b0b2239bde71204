package io.camelhalo.component.halo;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelhalo.component.halo.api.HaloOperation;
import io.camelhalo.component.halo.api.HaloResource;
import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.tooling.model.ComponentModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated component metadata is what Camel's tooling sees: every option and header must be in it, described, and
 * a route's URIs must be checkable against it before the route runs.
 */
class HaloComponentMetadataTest {

    private static String json;
    private static JsonNode model;
    private static String pollJson;
    private static JsonNode pollModel;
    private static String webhookJson;
    private static JsonNode webhookModel;

    @BeforeAll
    static void loadGeneratedJson() throws Exception {
        json = read("META-INF/io/camelhalo/component/halo/halo.json");
        model = new ObjectMapper().readTree(json);
        pollJson = read("META-INF/io/camelhalo/component/halo/poll/halo-poll.json");
        pollModel = new ObjectMapper().readTree(pollJson);
        webhookJson = read("META-INF/io/camelhalo/component/halo/webhook/halo-webhook.json");
        webhookModel = new ObjectMapper().readTree(webhookJson);
    }

    private static String read(String location) throws Exception {
        try (InputStream in = HaloComponent.class.getClassLoader().getResourceAsStream(location)) {
            assertNotNull(in, location + " is generated into the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyOptionAndHeaderHasADescription() {
        List<String> undocumented = new ArrayList<>();
        for (JsonNode component : List.of(model, pollModel, webhookModel)) {
            for (String section : List.of("componentProperties", "properties", "headers")) {
                component.get(section).fields().forEachRemaining(e -> {
                    if (e.getValue().path("description").asText().isBlank()) {
                        undocumented.add(component.at("/component/scheme").asText() + " " + section + "." + e.getKey());
                    }
                });
            }
        }
        assertEquals(List.of(), undocumented);
    }

    @Test
    void producerAndPollOptionsAreEndpointOptions() {
        Set<String> endpointOptions = names(model.get("properties"));
        Set<String> producerOptions = setters(HaloProducerConfiguration.class);
        assertTrue(endpointOptions.containsAll(producerOptions), "missing " + minus(producerOptions, endpointOptions));
        Set<String> pollOptions = names(pollModel.get("properties"));
        Set<String> connection = setters(HaloConfiguration.class);
        assertTrue(pollOptions.containsAll(connection), "halo-poll misses " + minus(connection, pollOptions));
        for (String option : List.of("overlap", "startFrom", "stateRepository", "pageSize", "query", "ticketId",
                "delay", "initialDelay", "greedy", "sendEmptyMessageWhenIdle", "backoffMultiplier", "scheduler")) {
            assertTrue(pollOptions.contains(option), "halo-poll option " + option);
        }
        assertTrue(pollModel.at("/component/consumerOnly").asBoolean());
        assertEquals("60000", pollModel.at("/properties/delay/defaultValue").asText(),
                "halo-poll's own default delay, not Camel's 500 ms");
    }

    @Test
    void thePollableResourcesAreTheTableRowsWithChangeDetectionThenApi() {
        List<String> pollable = new ArrayList<>(
                Arrays.stream(HaloResource.values()).filter(HaloResource::pollable).map(HaloResource::uriName).toList());
        pollable.add("api"); // halo-poll:api/<path>, any described list
        assertEquals(pollable, texts(pollModel.at("/properties/resource/enum")));
    }

    @Test
    void theCatalogChecksAHaloPollUri() {
        CamelCatalog catalog = new DefaultCamelCatalog();
        catalog.addComponent("halo-poll", io.camelhalo.component.halo.poll.HaloPollComponent.class.getName(), pollJson);
        EndpointValidationResult good = catalog.validateEndpointProperties(
                "halo-poll:invoices?delay=60000&overlap=10s&startFrom=beginning&query.client_id=3");
        assertTrue(good.isSuccess(), good.summaryErrorMessage(false));
        EndpointValidationResult notPollable = catalog.validateEndpointProperties("halo-poll:statuses");
        assertTrue(notPollable.getInvalidEnum() != null && notPollable.getInvalidEnum().containsKey("resource"));
    }

    @Test
    void theCatalogChecksAHaloWebhookUriAndItsSecretsAreMarkedSecret() {
        CamelCatalog catalog = new DefaultCamelCatalog();
        catalog.addComponent("halo-webhook", io.camelhalo.component.halo.webhook.HaloWebhookComponent.class.getName(),
                webhookJson);
        EndpointValidationResult good = catalog.validateEndpointProperties(
                "halo-webhook:tickets?bearerToken=x&events=3,19&recordIdField=ref&register=true&webhookUrl=https://a/b");
        assertTrue(good.isSuccess(), good.summaryErrorMessage(false));
        EndpointValidationResult bad = catalog.validateEndpointProperties(
                "halo-webhook:statuses?signatureEncoding=z&maxBodySize=big");
        assertTrue(bad.getInvalidEnum() != null && bad.getInvalidEnum().containsKey("resource")
                && bad.getInvalidEnum().containsKey("signatureEncoding")
                && bad.getInvalidInteger() != null && bad.getInvalidInteger().containsKey("maxBodySize"),
                bad.summaryErrorMessage(false));
        for (String secret : List.of("basicUsername", "basicPassword", "bearerToken", "apiKey", "signatureSecret",
                "clientSecret")) {
            assertTrue(webhookModel.at("/properties/" + secret + "/secret").asBoolean(), secret + " is secret");
        }
        // the webhook's resources are halo-poll's but any list (api): Halo's webhooks are about the 22 resources
        List<String> pollable = new ArrayList<>(texts(pollModel.at("/properties/resource/enum")));
        pollable.remove("api");
        assertEquals(pollable, texts(webhookModel.at("/properties/resource/enum")));
        assertTrue(webhookModel.at("/component/consumerOnly").asBoolean());
        assertTrue(names(pollModel.get("properties")).contains("idempotentRepository"));
    }

    private static Set<String> setters(Class<?> type) {
        Set<String> setters = new TreeSet<>();
        for (Method m : type.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && m.getName().startsWith("set") && m.getParameterCount() == 1) {
                setters.add(Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4));
            }
        }
        return setters;
    }

    @Test
    void everyConfigurationSetterIsAnEndpointAndComponentOption() {
        Set<String> setters = setters(HaloConfiguration.class);
        Set<String> endpointOptions = names(model.get("properties"));
        Set<String> componentOptions = names(model.get("componentProperties"));
        assertTrue(endpointOptions.containsAll(setters), "endpoint options miss " + minus(setters, endpointOptions));
        assertTrue(componentOptions.containsAll(setters), "component options miss " + minus(setters, componentOptions));
    }

    @Test
    void everyHeaderConstantIsListed() throws Exception {
        Set<String> constants = new TreeSet<>();
        for (Field f : HaloConstants.class.getFields()) {
            constants.add((String) f.get(null));
        }
        assertEquals(constants, names(model.get("headers")));
    }

    @Test
    void pathEnumsAreTheResourceAndOperationTables() {
        assertEquals(Arrays.stream(HaloResource.values()).map(HaloResource::uriName).toList(),
                texts(model.at("/properties/resource/enum")));
        assertEquals(Arrays.stream(HaloOperation.values()).map(HaloOperation::uriName).toList(),
                texts(model.at("/properties/operation/enum")));
    }

    @Test
    void secretsAreMarkedSecretAndHaveNoDefault() {
        for (String secret : List.of("clientSecret", "refreshToken", "clientId")) {
            JsonNode option = model.at("/properties/" + secret);
            assertTrue(option.path("secret").asBoolean(), secret + " is secret");
            assertTrue(option.path("defaultValue").isMissingNode(), secret + " has no default");
        }
    }

    @Test
    void generatedConfigurersShipInTheJar() {
        ClassLoader cl = HaloComponent.class.getClassLoader();
        for (String file : List.of("META-INF/services/org/apache/camel/component/halo",
                "META-INF/services/org/apache/camel/configurer/halo-component",
                "META-INF/services/org/apache/camel/configurer/halo-endpoint",
                "META-INF/services/org/apache/camel/urifactory/halo-endpoint")) {
            assertNotNull(cl.getResource(file), file);
        }
    }

    @Test
    void theCatalogChecksAUriBeforeTheRouteRuns() {
        CamelCatalog catalog = new DefaultCamelCatalog();
        catalog.addComponent("halo", HaloComponent.class.getName(), json);
        ComponentModel component = catalog.componentModel("halo");
        assertEquals("halo:resource/operation", component.getSyntax());

        EndpointValidationResult good = catalog.validateEndpointProperties(
                "halo:tickets/list?pageSize=50&maxResults=500&query.open_only=true&readTimeout=30s");
        assertTrue(good.isSuccess(), good.summaryErrorMessage(false));

        EndpointValidationResult typo = catalog.validateEndpointProperties("halo:tikets/create");
        assertFalse(typo.isSuccess());
        assertTrue(typo.getInvalidEnum() != null && typo.getInvalidEnum().containsKey("resource"),
                typo.summaryErrorMessage(false));

        EndpointValidationResult badOperation = catalog.validateEndpointProperties("halo:tickets/remove");
        assertTrue(badOperation.getInvalidEnum() != null && badOperation.getInvalidEnum().containsKey("operation"));

        EndpointValidationResult badNumber = catalog.validateEndpointProperties("halo:tickets/list?pageSize=many");
        assertTrue(badNumber.getInvalidInteger() != null && badNumber.getInvalidInteger().containsKey("pageSize"));

        EndpointValidationResult unknown = catalog.validateEndpointProperties("halo:tickets/list?pagesize=5");
        assertTrue(unknown.getUnknown() != null && unknown.getUnknown().contains("pagesize"));

        EndpointValidationResult badGrant = catalog.validateEndpointProperties("halo:tickets/get?grantType=password");
        assertTrue(badGrant.getInvalidEnum() != null && badGrant.getInvalidEnum().containsKey("grantType"));
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> diff = new TreeSet<>(a);
        diff.removeAll(b);
        return diff;
    }
}
