package io.camelhalo.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Checks one {@code /api} request against Halo's API description ({@link ApiDescription}) and the declared exceptions
 * ({@link SpecExceptions}): the path and method are declared, each query parameter is declared for them, each top-level
 * field of each body element is in the body schema.
 */
final class ConformanceCheck {

    private final ApiDescription description;

    ConformanceCheck(ApiDescription description) {
        this.description = description;
    }

    /**
     * @param  apiPath the path after {@code /api}, e.g. {@code /Tickets/12}
     * @return         what is outside the description; empty when the request conforms
     */
    List<String> problems(String method, String apiPath, Iterable<String> queryNames, String body) {
        List<String> problems = new ArrayList<>();
        Optional<String> template = description.template(apiPath);
        if (template.isEmpty()) {
            problems.add("path " + apiPath + " is not in Halo's API description");
            return problems;
        }
        String t = template.get();
        Optional<ApiDescription.Operation> op = description.operation(t, method);
        if (op.isEmpty()) {
            problems.add("method " + method + " is not declared for " + t + " (declared: "
                         + description.methods(t) + ")");
            return problems;
        }
        for (String name : queryNames) {
            if (!op.get().queryParameters().contains(name) && !SpecExceptions.allowsQuery(method, t, name)) {
                problems.add("query parameter '" + name + "' is not declared for " + method + " " + t);
            }
        }
        String schema = op.get().bodySchema();
        if (schema != null && body != null && !body.isBlank()) {
            problems.addAll(bodyProblems(method, t, schema, op.get().bodyArray(), body));
        }
        return problems;
    }

    private List<String> bodyProblems(String method, String template, String schema, boolean array, String body) {
        Object parsed;
        try {
            parsed = HttpReply.JSON.readValue(body, Object.class);
        } catch (JsonProcessingException e) {
            return List.of("the body is not JSON");
        }
        if (array && !(parsed instanceof List)) {
            return List.of("the body is not a JSON array of " + schema + " as declared");
        }
        if (!array && !(parsed instanceof Map)) {
            return List.of("the body is not a JSON object " + schema + " as declared");
        }
        List<?> elements = array ? (List<?>) parsed : List.of(parsed);
        List<String> problems = new ArrayList<>();
        for (Object element : elements) {
            if (element instanceof Map<?, ?> fields) {
                for (Object name : fields.keySet()) {
                    String n = String.valueOf(name);
                    if (description.field(schema, n).isEmpty() && !SpecExceptions.allowsBodyField(method, template, n)) {
                        problems.add("body field '" + n + "' is not in schema " + schema);
                    }
                }
            }
        }
        return problems;
    }

    /**
     * One body element as Halo keeps it: fields of the schema under their declared spelling; any other field dropped,
     * as Halo's deserialiser drops it. A field allowed by an exception is kept as sent.
     */
    Map<String, Object> knownFields(String apiPath, Map<String, Object> element) {
        Optional<String> template = description.template(apiPath);
        Optional<ApiDescription.Operation> op = template.flatMap(t -> description.operation(t, "POST"));
        if (op.isEmpty() || op.get().bodySchema() == null) {
            return element;
        }
        String schema = op.get().bodySchema();
        Map<String, Object> kept = new LinkedHashMap<>();
        element.forEach((name, value) -> {
            Optional<String> declared = description.field(schema, name);
            if (declared.isPresent()) {
                kept.put(declared.get(), value);
            } else if (SpecExceptions.allowsBodyField("POST", template.get(), name)) {
                kept.put(name, value);
            }
        });
        return kept;
    }
}
