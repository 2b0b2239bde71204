package io.camelhalo.component.halo.apipath;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.camelhalo.component.halo.api.HaloNames;
import io.camelhalo.component.halo.api.HaloOperation;

/**
 * What a halo-api endpoint sends, checked against Halo's API description when the endpoint is created: the operation,
 * the path parameter values fixed by the route, and its query parameters. Per exchange it builds the path (values from
 * headers first) and the query (header CamelHaloQuery over the options), each checked the same way before anything is
 * sent.
 */
final class HaloApiRequest {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,18}");
    private static final Set<String> PAGING_PARAMETERS = Set.of("pageinate", "page_size", "page_no");

    private final HaloApiOperation operation;
    private final boolean pages;
    /** Parameter name (declared spelling) to the value the URI path or a pathParam. option fixes. */
    private final Map<String, String> fixed;
    private final Map<String, Object> query;
    private final String scope;
    /** The halo-style operation a {@link HaloApiResource} path names, or {@code null}. */
    private final HaloOperation named;

    private HaloApiRequest(HaloApiOperation operation, boolean pages, Map<String, String> fixed,
                           Map<String, Object> query, HaloOperation named) {
        this.operation = operation;
        this.named = named;
        this.pages = pages;
        this.fixed = fixed;
        this.query = query;
        this.scope = operation.scope();
    }

    /**
     * @param  match                    the operation and the values the URI path gives
     * @param  pathParams               the pathParam. options
     * @param  query                    the query. options
     * @param  paging                   whether a GET whose list pages is read across its pages
     * @param  named                    the operation a {@link HaloApiResource} path names, or {@code null}
     * @throws IllegalArgumentException naming a parameter the path does not have, or a value of the wrong type
     */
    static HaloApiRequest of(
            HaloApiPaths.Match match, Map<String, Object> pathParams, Map<String, Object> query,
            boolean paging, HaloOperation named) {
        HaloApiOperation op = match.operation();
        boolean pages = paging && op.paged();
        Map<String, String> fixed = new LinkedHashMap<>();
        match.fixedValues().forEach((name, value) -> fixed.put(name, checkValue(op, name, value, "the URI path")));
        pathParams.forEach((name, value) -> {
            String declared = declaredPathParameter(op, name, "pathParam." + name);
            fixed.putIfAbsent(declared, checkValue(op, declared, value, "option pathParam." + name));
        });
        Map<String, Object> checked = new LinkedHashMap<>();
        query.forEach((name, value) -> checked.put(checkQueryName(op, pages, name, "query." + name), value));
        return new HaloApiRequest(
                op, pages, Collections.unmodifiableMap(fixed), Collections.unmodifiableMap(checked),
                named);
    }

    /** The halo-style operation a {@link HaloApiResource} path names ({@code timeentries/list}), or {@code null}. */
    HaloOperation named() {
        return named;
    }

    HaloApiOperation operation() {
        return operation;
    }

    /** Whether this request reads a list across its pages. */
    boolean pages() {
        return pages;
    }

    /** The OAuth scope the request needs, as a 403 names it. */
    String scope() {
        return scope;
    }

    /**
     * The path under {@code /api/}, its values encoded.
     *
     * @param  headerParams             header CamelHaloPathParams, or {@code null}
     * @param  id                       header CamelHaloId, or {@code null}
     * @throws IllegalArgumentException naming a missing or bad value; nothing was sent
     */
    String path(Map<?, ?> headerParams, Object id) {
        Map<String, Object> given = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headerParams != null) {
            headerParams.forEach((k, v) -> {
                String name = declaredPathParameter(operation, String.valueOf(k),
                        "header " + HaloApiConstants.PATH_PARAMS);
                if (v != null) {
                    given.put(name, v);
                }
            });
        }
        StringBuilder sb = new StringBuilder();
        for (String segment : operation.template().substring(1).split("/", -1)) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            if (!HaloApiPaths.isParameter(segment)) {
                sb.append(segment);
                continue;
            }
            String name = HaloApiPaths.name(segment);
            Object value = given.get(name);
            String where = "header " + HaloApiConstants.PATH_PARAMS;
            if (value == null && id != null
                    && (name.equalsIgnoreCase("id") || operation.pathParameters().size() == 1)) {
                value = id;
                where = "header " + HaloApiConstants.ID;
            }
            String text = value != null ? checkValue(operation, name, value, where) : fixed.get(name);
            if (text == null) {
                throw new IllegalArgumentException(
                        "No value for path parameter {" + name + "} of " + operation + ": set header "
                                                   + HaloApiConstants.PATH_PARAMS + " (" + name + "), option pathParam."
                                                   + name
                                                   + (name.equalsIgnoreCase("id") ? " or header " + HaloApiConstants.ID : "")
                                                   + "; nothing was sent to Halo");
            }
            sb.append(URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return sb.toString();
    }

    /**
     * The query: the options, with header CamelHaloQuery laid over them.
     *
     * @throws IllegalArgumentException naming a parameter the path does not declare; nothing was sent
     */
    Map<String, Object> query(Map<?, ?> header) {
        if (header == null || header.isEmpty()) {
            return query;
        }
        Map<String, Object> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        merged.putAll(query);
        header.forEach((k, v) -> merged.put(
                checkQueryName(operation, pages, String.valueOf(k), "header " + HaloApiConstants.QUERY), v));
        return new LinkedHashMap<>(merged);
    }

    private static String checkQueryName(HaloApiOperation op, boolean pages, String name, String where) {
        if (name == null || !name.matches("[A-Za-z0-9_.\\-\\[\\]]{1,100}")) {
            throw new IllegalArgumentException(
                    "Invalid Halo query parameter name '" + name + "' in " + where
                                               + ": allowed are letters, digits and _ . - [ ]");
        }
        if (pages && PAGING_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(
                    "Query parameter '" + name + "' in " + where + " is set by the component when it pages "
                                               + op + ": use the options pageSize and maxResults, or paging=false "
                                               + "to send your own");
        }
        if (!op.query().contains(name)) {
            throw new IllegalArgumentException(
                    "Halo does not know query parameter '" + name + "' (" + where + ") on " + op
                                               + ": it would be ignored and the filter silently lost."
                                               + HaloNames.didYouMean(name, op.query())
                                               + (op.query().isEmpty()
                                                       ? " It declares none there."
                                                       : " Declared there: " + String.join(", ", op.query())));
        }
        return op.query().stream().filter(name::equalsIgnoreCase).findFirst().orElse(name);
    }

    private static String declaredPathParameter(HaloApiOperation op, String name, String where) {
        for (String declared : op.pathParameters().keySet()) {
            if (declared.equalsIgnoreCase(name)) {
                return declared;
            }
        }
        throw new IllegalArgumentException(
                "Path parameter '" + name + "' (" + where + ") is not one of " + op + "."
                                           + HaloNames.didYouMean(name, op.pathParameters().keySet())
                                           + (op.pathParameters().isEmpty()
                                                   ? " The path has none."
                                                   : " Its parameters: " + String.join(", ", op.pathParameters().keySet())));
    }

    private static String checkValue(HaloApiOperation op, String name, Object value, String where) {
        String text = String.valueOf(value).trim();
        if ("integer".equals(op.pathParameters().get(name)) && !WHOLE_NUMBER.matcher(text).matches()) {
            throw new IllegalArgumentException(
                    "Invalid value '" + text + "' for path parameter {" + name + "} of " + op + " in " + where
                                               + ": Halo declares it a whole number");
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException(
                    "Empty value for path parameter {" + name + "} of " + op + " in " + where);
        }
        return text;
    }
}
