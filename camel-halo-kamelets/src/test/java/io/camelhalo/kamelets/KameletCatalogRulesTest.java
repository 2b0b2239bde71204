package io.camelhalo.kamelets;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules of the Apache Kamelet catalog's validator (camel-kamelets' script/validator/validator.go and its Maven
 * plugin's ValidateKamelets), over every Kamelet as this build ships it (target/classes, version filled in), plus what
 * a Kamelet outside that catalog must get right itself: its dependencies name this build's artifacts and version. Where
 * ours differ from the Apache catalog's they say why (the provider is not the ASF; a template bean may be used by a
 * property's default).
 */
class KameletCatalogRulesTest {

    private static final String TYPE_LABEL = "camel.apache.org/kamelet.type";
    private static final String CREDENTIALS = "urn:camel:group:credentials";
    private static final Pattern PARAM = Pattern.compile("\\{\\{[?]?([A-Za-z0-9-._]+)(?:[:][^}]*)?}}");
    /** The English stop words the validator leaves lower case in a title (bbalet/stopwords' list, the short ones). */
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "as", "at", "by", "for", "from", "in", "into",
            "of", "on", "or", "per", "the", "to", "with");
    private static final Set<String> TYPES = Set.of("string", "integer", "number", "boolean", "object", "array");
    private static final String VERSION = System.getProperty("project.version");

    private static final Map<String, Kamelet> KAMELETS = new TreeMap<>();

    record Kamelet(Path file, Map<String, Object> yaml) {
        String name() {
            return (String) map(yaml, "metadata").get("name");
        }

        Map<String, Object> annotations() {
            return map(map(yaml, "metadata"), "annotations");
        }

        String type() {
            return (String) map(map(yaml, "metadata"), "labels").get(TYPE_LABEL);
        }

        Map<String, Object> definition() {
            return map(map(yaml, "spec"), "definition");
        }

        Map<String, Map<String, Object>> properties() {
            Map<String, Map<String, Object>> properties = new LinkedHashMap<>();
            map(definition(), "properties").forEach((k, v) -> properties.put(k, asMap(v)));
            return properties;
        }

        Map<String, Object> template() {
            return map(map(yaml, "spec"), "template");
        }

        @SuppressWarnings("unchecked")
        List<String> dependencies() {
            Object deps = map(yaml, "spec").get("dependencies");
            return deps == null ? List.of() : (List<String>) deps;
        }
    }

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        Path dir = Path.of(KameletCatalogRulesTest.class.getResource("/kamelets").toURI());
        Load yaml = new Load(LoadSettings.builder().build());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".kamelet.yaml")).toList()) {
                KAMELETS.put(file.getFileName().toString(), new Kamelet(
                        file, asMap(yaml.loadFromString(
                                Files.readString(file)))));
            }
        }
        assertTrue(KAMELETS.size() >= 8, "the Kamelets are found: " + KAMELETS.keySet());
    }

    @Test
    void namesMatchFileNamesAndEndWithTheirType() {
        List<String> errors = new ArrayList<>();
        KAMELETS.forEach((file, k) -> {
            if (!file.equals(k.name() + ".kamelet.yaml")) {
                errors.add("file " + file + " holds Kamelet " + k.name());
            }
            String type = k.type();
            if (!Set.of("source", "sink", "action").contains(type)) {
                errors.add(k.name() + ": label " + TYPE_LABEL + " is " + type + ", not source, sink or action");
            } else {
                if (!k.name().endsWith("-" + type)) {
                    errors.add(k.name() + ": the name does not end with -" + type);
                }
                String title = String.valueOf(k.definition().get("title"));
                if (!title.endsWith(Character.toUpperCase(type.charAt(0)) + type.substring(1))) {
                    errors.add(k.name() + ": title '" + title + "' does not end with its type");
                }
            }
        });
        assertNoErrors(errors);
    }

    @Test
    void definitionsHaveTitleDescriptionAndObjectType() {
        List<String> errors = new ArrayList<>();
        Set<Object> titles = new HashSet<>();
        Set<Object> descriptions = new HashSet<>();
        KAMELETS.values().forEach(k -> {
            Map<String, Object> definition = k.definition();
            if (blank(definition.get("title")) || blank(definition.get("description"))) {
                errors.add(k.name() + ": no title or description");
            }
            if (!"object".equals(definition.get("type"))) {
                errors.add(k.name() + ": the definition's type is not object");
            }
            if (!titles.add(definition.get("title")) || !descriptions.add(definition.get("description"))) {
                errors.add(k.name() + ": its title or description is another Kamelet's");
            }
            List<?> required = definition.get("required") == null ? List.of() : (List<?>) definition.get("required");
            if (new HashSet<>(required).size() != required.size()) {
                errors.add(k.name() + ": a required property is listed twice");
            }
            required.stream().filter(r -> !k.properties().containsKey(r))
                    .forEach(r -> errors.add(k.name() + ": required property " + r + " is not defined"));
        });
        assertNoErrors(errors);
    }

    @Test
    void propertiesHaveATypeATitleInTitleCaseAndADescription() {
        List<String> errors = new ArrayList<>();
        KAMELETS.values().forEach(k -> k.properties().forEach((name, p) -> {
            String where = k.name() + " property " + name;
            if (!TYPES.contains(String.valueOf(p.get("type")))) {
                errors.add(where + ": type " + p.get("type") + " is not one of " + TYPES);
            }
            String title = String.valueOf(p.get("title"));
            if (blank(p.get("title"))) {
                errors.add(where + ": no title");
            }
            for (String word : title.split(" ")) {
                if (!word.isEmpty() && !STOP_WORDS.contains(word.toLowerCase()) && Character.isLowerCase(word.charAt(0))) {
                    errors.add(where + ": title '" + title + "' has the lower-case word " + word);
                }
            }
            if (title.startsWith("The ") || title.startsWith("A ") || title.startsWith("An ")) {
                errors.add(where + ": title '" + title + "' starts with an article");
            }
            if (blank(p.get("description"))) {
                errors.add(where + ": no description");
            }
            Object dflt = p.get("default");
            if (dflt != null && !fits(dflt, String.valueOf(p.get("type")))) {
                errors.add(where + ": default " + dflt + " is not a " + p.get("type"));
            }
            if (dflt != null && p.get("enum") instanceof List<?> values && !values.contains(dflt)) {
                errors.add(where + ": default " + dflt + " is not one of " + values);
            }
            List<?> descriptors = p.get("x-descriptors") == null ? List.of() : (List<?>) p.get("x-descriptors");
            if ("password".equals(p.get("format")) && !descriptors.contains(CREDENTIALS)) {
                errors.add(where + ": format password without x-descriptor " + CREDENTIALS);
            }
            if (descriptors.stream().anyMatch(d -> String.valueOf(d).startsWith("urn:alm:descriptor:com.tectonic.ui"))
                    || new HashSet<>(descriptors).size() != descriptors.size()) {
                errors.add(where + ": a deprecated or repeated x-descriptor");
            }
        }));
        assertNoErrors(errors);
    }

    @Test
    void everyPlaceholderIsAPropertyAndEveryPropertyIsUsed() {
        List<String> errors = new ArrayList<>();
        KAMELETS.values().forEach(k -> {
            Set<String> used = new HashSet<>();
            collectParams(k.template(), used);
            Set<String> beans = new HashSet<>();
            Object beanList = k.template().get("beans");
            if (beanList instanceof List<?> list) {
                list.forEach(b -> beans.add(String.valueOf(asMap(b).get("name"))));
            }
            Set<String> usedByDefaults = new HashSet<>();
            k.properties().values().forEach(p -> collectParams(p.get("default"), usedByDefaults));
            used.stream().filter(u -> !k.properties().containsKey(u) && !beans.contains(u))
                    .forEach(u -> errors.add(k.name() + ": {{" + u + "}} is not a property"));
            k.properties().keySet().stream().filter(p -> !used.contains(p))
                    .forEach(p -> errors.add(k.name() + ": property " + p + " is never used"));
            // a template bean may be the default of a property (halo-source's file state repository)
            beans.stream().filter(b -> !used.contains(b) && !usedByDefaults.contains(b))
                    .forEach(b -> errors.add(k.name() + ": bean " + b + " is never used"));
        });
        assertNoErrors(errors);
    }

    @Test
    void sourcesRouteToTheSinkAndSinksConsumeFromTheSource() {
        List<String> errors = new ArrayList<>();
        KAMELETS.values().forEach(k -> {
            String template = String.valueOf(k.template());
            if ("source".equals(k.type()) && !template.contains("kamelet:sink")) {
                errors.add(k.name() + ": a source that does not route to kamelet:sink");
            }
            if (("sink".equals(k.type()) || "action".equals(k.type()))
                    && !String.valueOf(map(k.template(), "from").get("uri")).equals("kamelet:source")) {
                errors.add(k.name() + ": a " + k.type() + " that does not consume from kamelet:source");
            }
        });
        assertNoErrors(errors);
    }

    @Test
    void annotationsNameTheIconTheVersionTheProviderAndTheSupportLevel() {
        assertTrue(VERSION != null && !VERSION.isBlank(), "surefire passes project.version");
        List<String> errors = new ArrayList<>();
        KAMELETS.values().forEach(k -> {
            Map<String, Object> a = k.annotations();
            String icon = String.valueOf(a.get("camel.apache.org/kamelet.icon"));
            String prefix = "data:image/svg+xml;base64,";
            if (!icon.startsWith(prefix) || !new String(
                    Base64.getDecoder().decode(icon.substring(prefix.length())),
                    StandardCharsets.UTF_8).startsWith("<svg")) {
                errors.add(k.name() + ": the icon is not an SVG data URI");
            }
            if (!VERSION.equals(a.get("camel.apache.org/catalog.version"))) {
                errors.add(k.name() + ": catalog.version " + a.get("camel.apache.org/catalog.version") + ", not "
                           + VERSION);
            }
            // the Apache catalog requires its own provider name; ours names this project
            if (!"camel-halo".equals(a.get("camel.apache.org/provider"))) {
                errors.add(k.name() + ": provider is not camel-halo");
            }
            if (!Set.of("Stable", "Preview", "Deprecated").contains(a.get("camel.apache.org/kamelet.support.level"))) {
                errors.add(k.name() + ": support level " + a.get("camel.apache.org/kamelet.support.level"));
            }
            if (blank(a.get("camel.apache.org/kamelet.group"))) {
                errors.add(k.name() + ": no kamelet.group");
            }
        });
        assertNoErrors(errors);
    }

    @Test
    void dependenciesAreThisBuildsArtifactsAndCamelsOwn() {
        // camel:X is the artifact org.apache.camel:camel-X (as camel-jbang and Camel K resolve it)
        CamelCatalog camel = new DefaultCamelCatalog();
        List<String> errors = new ArrayList<>();
        KAMELETS.values().forEach(k -> {
            if (k.dependencies().stream().noneMatch(d -> d.startsWith("mvn:io.camelhalo:"))) {
                errors.add(k.name() + ": no dependency on camel-halo");
            }
            for (String dep : k.dependencies()) {
                if (dep.startsWith("camel:")) {
                    if (!isCamelArtifact(camel, "camel-" + dep.substring("camel:".length()))) {
                        errors.add(k.name() + ": " + dep + " is no artifact of Camel's catalog");
                    }
                } else if (dep.startsWith("mvn:io.camelhalo:")) {
                    String[] gav = dep.substring("mvn:".length()).split(":");
                    if (gav.length != 3 || !VERSION.equals(gav[2])) {
                        errors.add(k.name() + ": " + dep + " is not io.camelhalo:<artifact>:" + VERSION);
                    } else if (!Files.isRegularFile(Path.of("..", gav[1], "pom.xml"))) {
                        errors.add(k.name() + ": " + dep + " names no module of this build");
                    }
                } else if (!dep.startsWith("mvn:") && !dep.startsWith("github:apache/")) {
                    errors.add(k.name() + ": " + dep + " is not camel:, mvn:group:artifact:version or github:apache/");
                }
            }
        });
        assertNoErrors(errors);
    }

    @Test
    void theSourcesLeaveTheVersionToTheBuild() throws IOException {
        List<String> errors = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/kamelets"))) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                if (text.contains(VERSION) || !text.contains("camel.apache.org/catalog.version: \"${project.version}\"")) {
                    errors.add(file.getFileName() + ": the version is written in, not ${project.version}");
                }
            }
        }
        KAMELETS.forEach((file, k) -> {
            try {
                if (Files.readString(k.file()).contains("${project.")) {
                    errors.add(file + ": ${project.*} left unfilled");
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertNoErrors(errors);
    }

    @Test
    void haloEndpointParametersAreOptionsOfTheirComponent() throws IOException {
        Map<String, Set<String>> options = new HashMap<>();
        for (String scheme : List.of("halo", "halo-poll", "halo-webhook")) {
            String json = "/META-INF/io/camelhalo/component/halo/"
                          + (scheme.equals("halo") ? "" : scheme.substring(5) + "/") + scheme + ".json";
            try (InputStream in = getClass().getResourceAsStream(json)) {
                JsonNode properties = new ObjectMapper().readTree(in).get("properties");
                Set<String> names = new HashSet<>();
                properties.fieldNames().forEachRemaining(names::add);
                options.put(scheme, names);
            }
        }
        List<String> errors = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        KAMELETS.values().forEach(k -> endpoints(k.template(), (uri, parameters) -> {
            String scheme = uri.substring(0, uri.indexOf(':'));
            if (options.containsKey(scheme)) {
                checked.add(k.name() + " " + uri);
                parameters.keySet().stream().filter(p -> !options.get(scheme).contains(p))
                        .forEach(p -> errors.add(k.name() + ": " + p + " is not an option of " + scheme));
            }
        }));
        assertNoErrors(errors);
        assertTrue(checked.size() >= 6, "halo endpoints found: " + checked);
    }

    /** Whether a component, data format, language or other part of Camel's catalog comes in that artifact. */
    private static boolean isCamelArtifact(CamelCatalog camel, String artifact) {
        String name = artifact.substring("camel-".length());
        String quoted = "\"artifactId\": \"" + artifact + "\"";
        return Stream.of(camel.componentJSonSchema(name), camel.dataFormatJSonSchema(name),
                camel.languageJSonSchema(name), camel.otherJSonSchema(name))
                .anyMatch(json -> json != null && json.contains(quoted))
                || camel.findComponentNames().stream().anyMatch(c -> camel.componentJSonSchema(c).contains(quoted));
    }

    private static void endpoints(Object node, java.util.function.BiConsumer<String, Map<String, Object>> each) {
        if (node instanceof Map<?, ?> m) {
            if (m.get("uri") instanceof String uri && uri.contains(":")) {
                each.accept(uri, m.get("parameters") == null ? Map.of() : asMap(m.get("parameters")));
            }
            m.values().forEach(v -> endpoints(v, each));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> endpoints(v, each));
        }
    }

    private static void collectParams(Object node, Set<String> params) {
        if (node instanceof String s) {
            Matcher m = PARAM.matcher(s);
            while (m.find()) {
                params.add(m.group(1));
            }
        } else if (node instanceof Map<?, ?> m) {
            m.values().forEach(v -> collectParams(v, params));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectParams(v, params));
        }
    }

    private static boolean fits(Object value, String type) {
        return switch (type) {
            case "integer" -> value instanceof Integer || value instanceof Long;
            case "number" -> value instanceof Number;
            case "boolean" -> value instanceof Boolean;
            case "string" -> value instanceof String;
            default -> true;
        };
    }

    private static boolean blank(Object value) {
        return value == null || String.valueOf(value).isBlank();
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object child = parent.get(key);
        return child == null ? Map.of() : asMap(child);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    private static void assertNoErrors(List<String> errors) {
        assertEquals(List.of(), errors, "Kamelet catalog rules");
    }
}
