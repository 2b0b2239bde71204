package io.camelhalo.component.halo.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Writes the generated parts of a component page ({@code src/main/docs/<name>-component.adoc}) from the component's
 * JSON metadata, the one source of every option and header description (itself generated from the Javadoc).
 * <p>
 * Upstream, camel-package-maven-plugin's {@code update-readme} goal does this job, but in Camel 4 it writes
 * {@code include::partial$component-endpoint-options.adoc[]} lines that only camel-website's Antora build can resolve
 * (they render as nothing anywhere else), and it insists on the line {@code *Since Camel {since}*}, which for a
 * third-party component would state camel-halo's version as a Camel version. So this class renders the same header
 * attributes and the tables themselves, as plain AsciiDoc.
 */
public final class ComponentPage {

    static final String START = "// generated options: START (from the component JSON; see ComponentPageTest)";
    static final String END = "// generated options: END";

    private static final Pattern GENERATED_BLOCK = Pattern.compile(
            Pattern.quote(START) + ".*?" + Pattern.quote(END), Pattern.DOTALL);

    private ComponentPage() {
    }

    /** The page with its header attributes and its option and header tables rewritten from {@code model}. */
    public static String update(String page, JsonNode model) {
        JsonNode component = model.get("component");
        String updated = page;
        for (Map.Entry<String, String> attribute : headerAttributes(component).entrySet()) {
            Matcher line = Pattern.compile("(?m)^:" + attribute.getKey() + ":.*$").matcher(updated);
            if (!line.find()) {
                throw new IllegalArgumentException("the page has no :" + attribute.getKey() + ": attribute line");
            }
            updated = line.replaceFirst(Matcher.quoteReplacement(":" + attribute.getKey() + ": " + attribute.getValue()));
        }
        Matcher block = GENERATED_BLOCK.matcher(updated);
        if (!block.find()) {
            throw new IllegalArgumentException("the page has no block from '" + START + "' to '" + END + "'");
        }
        return block.replaceFirst(Matcher.quoteReplacement(START + "\n" + tables(model) + END));
    }

    private static Map<String, String> headerAttributes(JsonNode component) {
        String version = component.path("firstVersion").asText();
        String since = version.replaceFirst("^(\\d+\\.\\d+).*$", "$1");
        String header = component.path("consumerOnly").asBoolean() ? "Only consumer is supported"
                : component.path("producerOnly").asBoolean() ? "Only producer is supported"
                : "Both producer and consumer are supported";
        return Map.of(
                "shortname", component.path("scheme").asText(),
                "artifactid", component.path("artifactId").asText(),
                "description", component.path("description").asText(),
                "since", since,
                "supportlevel", component.path("supportLevel").asText(),
                "component-header", header);
    }

    private static String tables(JsonNode model) {
        String scheme = model.at("/component/scheme").asText();
        StringBuilder out = new StringBuilder();
        out.append("\n== Configuring Options\n\n")
                .append("The options can be set on the component (Spring Boot and Camel Main: `camel.component.")
                .append(scheme).append(".<option-in-kebab-case>`) and, where listed below, per endpoint in the URI.\n\n")
                .append("=== Component Options\n\n")
                .append(table(model.get("componentProperties"), o -> true));
        out.append("\n== Endpoint Options\n\n")
                .append("----\n").append(model.at("/component/syntax").asText()).append("\n----\n\n")
                .append("=== Path Parameters\n\n")
                .append(table(model.get("properties"), o -> "path".equals(o.path("kind").asText())))
                .append("\n=== Query Parameters\n\n")
                .append(table(model.get("properties"), o -> !"path".equals(o.path("kind").asText())));
        out.append("\n== Message Headers\n\n")
                .append(table(model.get("headers"), o -> true));
        return out.append('\n').toString();
    }

    private static String table(JsonNode options, Predicate<JsonNode> include) {
        List<String> rows = new ArrayList<>();
        options.fields().forEachRemaining(e -> {
            JsonNode o = e.getValue();
            if (include.test(o)) {
                String group = o.path("group").asText();
                rows.add("| *" + e.getKey() + "* " + (group.isEmpty() ? "" : "(" + group + ")")
                         + " | " + description(o)
                         + " | " + cell(o.path("defaultValue").asText(""))
                         + " | " + cell(type(o)));
            }
        });
        return "[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n| Name | Description | Default | Type\n"
               + String.join("\n", rows) + "\n|===\n";
    }

    private static String description(JsonNode option) {
        StringBuilder text = new StringBuilder();
        if (option.path("required").asBoolean()) {
            text.append("*Required* ");
        }
        text.append(option.path("description").asText());
        if (option.has("enum")) {
            List<String> values = new ArrayList<>();
            option.get("enum").forEach(v -> values.add(v.asText()));
            text.append(" Enum values: ").append(String.join(", ", values)).append('.');
        }
        if (option.path("secret").asBoolean()) {
            text.append(" (secret)");
        }
        return cell(text.toString());
    }

    private static String type(JsonNode option) {
        String javaType = option.path("javaType").asText();
        return javaType.replaceAll("(?:[a-z]\\w*\\.)+([A-Z])", "$1");
    }

    /** A table cell: a '|' would end it, and '{x}' would be read as an attribute reference. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("{", "\\{");
    }
}
