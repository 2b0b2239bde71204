package io.camelhalo.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The shape Kaoto's catalog gives a component and a Kamelet: the Camel component JSON, or the Kamelet as JSON, plus a
 * {@code propertiesSchema} (JSON Schema draft-07) its forms are drawn from. The rules follow Kaoto's own catalog
 * generator (KaotoIO/camel-catalog: ComponentGenerator, CamelCatalogSchemaEnhancer, KameletProcessor): the group in
 * {@code $comment}, enums as strings, durations and beans as strings with a {@code format}, secrets as
 * {@code format: password}, a boolean default only when true.
 */
final class KaotoEntries {

    static final String SCHEMA = "http://json-schema.org/draft-07/schema#";

    private KaotoEntries() {
    }

    /** A copy of the component JSON with its endpoint options as {@code propertiesSchema}. */
    static ObjectNode component(ObjectNode componentJson) {
        ObjectNode entry = componentJson.deepCopy();
        ObjectNode schema = entry.putObject("propertiesSchema");
        ObjectNode properties = schema.putObject("properties");
        List<String> required = new ArrayList<>();
        for (Map.Entry<String, JsonNode> option : componentJson.path("properties").properties()) {
            JsonNode model = option.getValue();
            properties.set(option.getKey(), option(model));
            if (model.path("required").asBoolean()) {
                required.add(option.getKey());
            }
        }
        schema.put("$schema", SCHEMA);
        schema.put("type", "object");
        if (!required.isEmpty()) {
            ArrayNode names = schema.putArray("required");
            required.forEach(names::add);
        }
        return entry;
    }

    private static ObjectNode option(JsonNode model) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        String type = model.path("type").asText("string");
        node.put("title", model.path("displayName").asText());
        node.put("description", model.path("description").asText());
        node.put("type", type);
        List<String> format = new ArrayList<>();
        if (model.has("enum") && !model.path("multiValue").asBoolean()) {
            ArrayNode values = node.putArray("enum");
            model.get("enum").forEach(values::add);
            if ("enum".equals(type) || "object".equals(type)) {
                node.put("type", "string");
            }
        } else if ("array".equals(type)) {
            node.putObject("items").put("type", "string");
        } else if ("object".equals(type) && !model.path("javaType").asText().startsWith("java.util.Map")) {
            format.add("bean:" + model.path("javaType").asText());
            node.put("type", "string");
        }
        String group = model.hasNonNull("group") ? model.get("group").asText() : model.path("label").asText(null);
        if (group != null) {
            node.put("$comment", "group:" + group);
        }
        if ("duration".equals(type)) {
            format.add("duration");
            node.put("type", "string");
        }
        if (model.path("secret").asBoolean()) {
            format.add("password");
        }
        if (!format.isEmpty()) {
            node.put("format", String.join("|", format));
        }
        if (model.path("deprecated").asBoolean()) {
            node.put("deprecated", true);
        }
        JsonNode defaultValue = model.get("defaultValue");
        if (defaultValue != null && !defaultValue.isNull()) {
            if ("integer".equals(type) && defaultValue.isNumber()) {
                node.put("default", defaultValue.asInt());
            } else if ("boolean".equals(type)) {
                if (defaultValue.asBoolean()) {
                    node.put("default", true);
                }
            } else {
                node.put("default", defaultValue.asText());
            }
        }
        return node;
    }

    /** A copy of the Kamelet with its {@code spec.definition} as {@code propertiesSchema}. */
    static ObjectNode kamelet(ObjectNode kamelet) {
        ObjectNode entry = kamelet.deepCopy();
        JsonNode definition = kamelet.path("spec").path("definition");
        ObjectNode schema = entry.putObject("propertiesSchema");
        schema.put("$schema", SCHEMA);
        schema.put("type", "object");
        for (String key : List.of("title", "description", "required")) {
            if (definition.has(key)) {
                schema.set(key, definition.get(key).deepCopy());
            }
        }
        ObjectNode properties = schema.putObject("properties");
        for (Map.Entry<String, JsonNode> property : definition.path("properties").properties()) {
            JsonNode model = property.getValue();
            ObjectNode node = properties.putObject(property.getKey());
            String type = model.path("type").asText("string");
            node.put("type", type);
            if ("binary".equals(type)) {
                node.put("$comment", "type:binary");
                node.put("type", "string");
            }
            for (String key : List.of("title", "description", "enum", "default", "format")) {
                if (model.has(key)) {
                    node.set(key, model.get(key).deepCopy());
                }
            }
        }
        return entry;
    }
}
