package io.camelhalo.component.halo.api;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Halo's rules for list query parameters: names are plain identifiers, the component owns the paging parameters, and
 * a page holds at most 100 records.
 */
public final class HaloQuery {

    /** Halo's largest page: it silently cuts larger pages to 100. */
    public static final int MAX_PAGE_SIZE = 100;

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_.\\-\\[\\]]{1,100}");
    private static final Set<String> PAGING_PARAMETERS = Set.of("pageinate", "page_size", "page_no");

    private HaloQuery() {
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
