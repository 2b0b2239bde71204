package io.camelhalo.component.halo.apipath;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.camelhalo.component.halo.api.HaloNames;

/**
 * Every operation of Halo's API description, from the compact index {@code halo-api-paths.txt} beside this class
 * (generated from the description, see its header): what halo-api checks a route against before it runs.
 */
public final class HaloApiPaths {

    static final String RESOURCE = "halo-api-paths.txt";

    private static final HaloApiPaths INSTANCE = new HaloApiPaths(read());

    /** Template (as declared) to method to operation. */
    private final Map<String, Map<String, HaloApiOperation>> operations;

    HaloApiPaths(List<HaloApiOperation> all) {
        Map<String, Map<String, HaloApiOperation>> byTemplate = new LinkedHashMap<>();
        all.forEach(op -> byTemplate.computeIfAbsent(op.template(), t -> new TreeMap<>()).put(op.method(), op));
        this.operations = Collections.unmodifiableMap(byTemplate);
    }

    /** The description shipped with the component. */
    public static HaloApiPaths get() {
        return INSTANCE;
    }

    /** Every operation, in the description's order. */
    public List<HaloApiOperation> all() {
        List<HaloApiOperation> all = new ArrayList<>();
        operations.values().forEach(m -> all.addAll(m.values()));
        return all;
    }

    /** A path as a route names it, matched to the description. */
    public record Match(HaloApiOperation operation, Map<String, String> fixedValues) {
    }

    /**
     * The operation a route names: a path as the description writes it ({@code Timesheet/{id}}, with or without the
     * leading slash, in any case) or with values in place of its parameters ({@code Timesheet/12}, a value given in the
     * URI), and a method.
     *
     * @throws IllegalArgumentException naming the path or method, a likely intended one and what is allowed
     */
    public Match resolve(String path, String method) {
        String wanted = normalise(path);
        String[] parts = wanted.split("/", -1);
        String best = null;
        int bestLiterals = -1;
        for (String template : operations.keySet()) {
            String[] t = template.split("/", -1);
            int literals = literals(t, parts);
            if (literals > bestLiterals) {
                best = template;
                bestLiterals = literals;
            }
        }
        if (best == null) {
            List<String> templates = new ArrayList<>(operations.keySet());
            throw new IllegalArgumentException(
                    "Halo's API has no path '" + path + "'." + HaloNames.didYouMean(wanted, templates)
                                               + " Paths are written as in Halo's API description, e.g. Timesheet or "
                                               + "Timesheet/{id} (see halo-api-component.adoc for the list)");
        }
        Map<String, HaloApiOperation> methods = operations.get(best);
        HaloApiOperation op = methods.get(method.toUpperCase(Locale.ROOT));
        if (op == null) {
            throw new IllegalArgumentException(
                    "Halo's API has no " + method + " " + best + ". Declared there: " + String.join(", ", methods.keySet()));
        }
        Map<String, String> fixed = new LinkedHashMap<>();
        String[] t = best.split("/", -1);
        for (int i = 0; i < t.length; i++) {
            if (isParameter(t[i]) && !isParameter(parts[i])) {
                fixed.put(name(t[i]), parts[i]);
            }
        }
        return new Match(op, fixed);
    }

    /**
     * The list a route names: the GET of a path without path parameters, the path written as the description writes it
     * (with or without the leading slash, in any case).
     *
     * @throws IllegalArgumentException naming the path, a likely intended list and what is allowed
     */
    public HaloApiOperation listPath(String path) {
        String wanted = normalise(path);
        List<String> lists = new ArrayList<>();
        for (Map<String, HaloApiOperation> methods : operations.values()) {
            HaloApiOperation get = methods.get("GET");
            if (get != null && get.list()) {
                if (get.template().equalsIgnoreCase(wanted)) {
                    return get;
                }
                lists.add(get.template());
            }
        }
        throw new IllegalArgumentException(
                "Halo's API has no list '" + path + "'." + HaloNames.didYouMean(wanted, lists)
                                           + " A list is a path whose GET takes no path parameter, written as in Halo's "
                                           + "API description, e.g. SalesOrder or Appointment/Booking (see "
                                           + "halo-api-component.adoc for the list)");
    }

    /**
     * The number of literal segments of a template matching the path, or -1 when it does not match. A {@code {name}} in
     * the path matches the template's parameter of that name only.
     */
    private static int literals(String[] template, String[] path) {
        if (template.length != path.length) {
            return -1;
        }
        int literals = 0;
        for (int i = 0; i < template.length; i++) {
            if (isParameter(template[i])) {
                if (path[i].isEmpty() || isParameter(path[i]) && !path[i].equalsIgnoreCase(template[i])) {
                    return -1;
                }
            } else if (template[i].equalsIgnoreCase(path[i])) {
                literals++;
            } else {
                return -1;
            }
        }
        return literals;
    }

    private static String normalise(String path) {
        String p = path == null ? "" : path.trim();
        if (p.startsWith("/api/")) {
            p = p.substring("/api".length());
        }
        return p.startsWith("/") ? p : "/" + p;
    }

    static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    static String name(String segment) {
        return segment.substring(1, segment.length() - 1);
    }

    private static List<HaloApiOperation> read() {
        try (InputStream in = HaloApiPaths.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the index: one line per operation, {@code METHOD<tab>/Template<tab>body<tab>path parameters<tab>query
     * parameters<tab>last-modified field}, body {@code array}, {@code object} or {@code -}, path parameters
     * {@code name:type,...} or {@code -}, query parameters {@code name,...} or {@code -}, the last-modified field of a
     * list's records or {@code -}; lines starting with {@code #} are comments.
     */
    static List<HaloApiOperation> parse(List<String> lines) {
        List<HaloApiOperation> all = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            Map<String, String> pathParameters = new LinkedHashMap<>();
            for (String p : list(f[3])) {
                int colon = p.indexOf(':');
                pathParameters.put(p.substring(0, colon), p.substring(colon + 1));
            }
            Set<String> query = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            query.addAll(list(f[4]));
            HaloApiOperation.Body body = switch (f[2]) {
                case "array" -> HaloApiOperation.Body.ARRAY;
                case "object" -> HaloApiOperation.Body.OBJECT;
                default -> HaloApiOperation.Body.NONE;
            };
            all.add(new HaloApiOperation(
                    f[0], f[1], body, Collections.unmodifiableMap(pathParameters),
                    Collections.unmodifiableSet(query), f.length > 5 && !f[5].equals("-") ? f[5] : null));
        }
        return all;
    }

    private static List<String> list(String field) {
        return field.equals("-") || field.isEmpty() ? List.of() : List.of(field.split(","));
    }
}
