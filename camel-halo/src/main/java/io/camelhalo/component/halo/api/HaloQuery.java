package io.camelhalo.component.halo.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Halo's rules for list query parameters: names are plain identifiers, the component owns the paging parameters, and a
 * page holds at most 100 records.
 */
public final class HaloQuery {

    /** Halo's largest page: it silently cuts larger pages to 100. */
    public static final int MAX_PAGE_SIZE = 100;

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_.\\-\\[\\]]{1,100}");
    private static final Set<String> PAGING_PARAMETERS = Set.of("pageinate", "page_size", "page_no");

    /** The query parameters Halo's description declares, by "METHOD /Path" (see the resource file's header). */
    private static final Map<String, Set<String>> DECLARED = loadDeclared();

    private HaloQuery() {
    }

    private static Map<String, Set<String>> loadDeclared() {
        Properties properties = new Properties();
        try (InputStream in = HaloQuery.class.getResourceAsStream("halo-query-parameters.properties")) {
            if (in == null) {
                throw new IllegalStateException("halo-query-parameters.properties is missing from the jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Set<String>> declared = new HashMap<>();
        properties.forEach((key, value) -> {
            Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            for (String name : value.toString().split(",")) {
                if (!name.isBlank()) {
                    names.add(name.trim());
                }
            }
            declared.put(key.toString(), names);
        });
        return declared;
    }

    /** Whether Halo's description declares query parameter {@code name} for the request the operation makes. */
    public static boolean declares(HaloResource resource, HaloOperation operation, String name) {
        Set<String> declared = DECLARED.get(request(resource, operation));
        return declared != null && declared.contains(name);
    }

    private static String request(HaloResource resource, HaloOperation operation) {
        return switch (operation) {
            case LIST -> "GET /" + resource.path();
            case GET -> "GET /" + resource.path() + "/{id}";
            case DELETE -> "DELETE /" + resource.path() + "/{id}";
            default -> null; // writes send no query parameters
        };
    }

    /**
     * Checks that Halo's description declares each query parameter for the request the operation makes: Halo ignores
     * one it does not know ({@code query.client-id} on {@code /Tickets} answers every ticket, unfiltered). Names match
     * without regard to case, as Halo binds them.
     *
     * @param  where                    where the names were given, for the message (e.g. "query.")
     * @throws IllegalArgumentException naming the unknown parameter, a likely intended one and the declared ones
     */
    public static void checkDeclared(
            HaloResource resource, HaloOperation operation, Collection<String> names,
            String where) {
        String request = request(resource, operation);
        Set<String> declared = request == null ? null : DECLARED.get(request);
        if (declared == null) {
            return;
        }
        checkDeclared(request, declared,
                names.stream().filter(n -> !(n.equalsIgnoreCase("ticket_id") && resource.needsTicketId(operation)))
                        .toList(),
                where);
    }

    /**
     * Checks query parameter names against those a request of Halo's description declares.
     *
     * @param  request                  the request, for the message, e.g. {@code GET /SalesOrder}
     * @param  declared                 the names it declares
     * @throws IllegalArgumentException naming the first undeclared name, a likely intended one and the declared ones
     */
    public static void checkDeclared(String request, Set<String> declared, Collection<String> names, String where) {
        for (String name : names) {
            if (!declared.contains(name)) {
                throw new IllegalArgumentException(
                        "Halo does not know query parameter '" + name + "' (" + where + name + ") on " + request
                                                   + ": it would be ignored and the filter silently lost."
                                                   + HaloNames.didYouMean(name, declared)
                                                   + " Declared there: " + String.join(", ", declared));
            }
        }
    }

    /**
     * Checks a page size option.
     *
     * @throws IllegalArgumentException naming the value and the allowed range
     */
    public static void checkPageSize(int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException(
                    "Invalid pageSize " + pageSize + ". Allowed: 1 to " + MAX_PAGE_SIZE
                                               + " (Halo silently cuts larger pages to 100)");
        }
    }

    /**
     * Checks the names of the {@code query.} options.
     *
     * @throws IllegalArgumentException naming the bad name and what is allowed
     */
    public static void checkNames(Map<String, Object> query) {
        for (String name : query.keySet()) {
            checkName(name, "query." + name);
        }
    }

    /**
     * Checks a query parameter name.
     *
     * @param  name                     the parameter name
     * @param  where                    where it was given, for the message
     * @throws IllegalArgumentException naming the bad name and what is allowed
     */
    public static void checkName(String name, String where) {
        if (name == null || !SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "Invalid Halo query parameter name '" + name + "' in " + where
                                               + ": allowed are letters, digits and _ . - [ ]");
        }
        if (PAGING_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(
                    "Query parameter '" + name + "' in " + where + " is set by the component: use the options "
                                               + "pageSize and maxResults instead");
        }
    }
}
