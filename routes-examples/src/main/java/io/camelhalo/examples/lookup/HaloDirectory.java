package io.camelhalo.examples.lookup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who is who in Halo: finds clients, sites and users the way a person would (client by name or email domain, user by
 * exact email), and creates them when asked, looking first so that running twice creates nothing new.
 * <p>
 * Halo's plain {@code search} matches parts of names and emails, so every search result is checked for an exact match
 * here. Halo's {@code advanced_search} indexes more email fields (verify on a tenant where users have several).
 */
public class HaloDirectory {

    private final HaloCalls halo;

    public HaloDirectory(HaloCalls halo) {
        this.halo = halo;
    }

    /** The user whose email address is exactly {@code email} (ignoring case). */
    public Optional<Map<String, Object>> userByEmail(String email) {
        return halo.list("users", Map.of("search", email)).stream()
                .filter(u -> email.equalsIgnoreCase(String.valueOf(u.get("emailaddress"))))
                .findFirst();
    }

    /** The client named exactly {@code name} (ignoring case and surrounding blanks). */
    public Optional<Map<String, Object>> clientByName(String name) {
        String wanted = name.trim();
        return halo.list("clients", Map.of("search", wanted)).stream()
                .filter(c -> wanted.equalsIgnoreCase(String.valueOf(c.get("name")).trim()))
                .findFirst();
    }

    /**
     * The client with a site whose email domain is {@code domain}, else the client whose website is on it
     * ({@code acme.example} matches a website {@code https://www.acme.example}). In Halo the email domain is a
     * Site field (clients have none); Halo has no filter for either, so this reads the site and client lists.
     */
    public Optional<Map<String, Object>> clientByDomain(String domain) {
        String wanted = domain.toLowerCase(Locale.ROOT);
        Optional<Long> bySite = halo.list("sites", Map.of()).stream()
                .filter(s -> wanted.equals(lower(s.get("emaildomain"))))
                .map(s -> HaloCalls.id(s, "client_id"))
                .findFirst();
        List<Map<String, Object>> clients = halo.list("clients", Map.of());
        return clients.stream()
                .filter(c -> bySite.isPresent() ? bySite.get().equals(HaloCalls.id(c, "id"))
                        : wanted.equals(hostOf(c.get("website"))))
                .findFirst();
    }

    /** The site of {@code clientId} named {@code name}. */
    public Optional<Map<String, Object>> siteByName(long clientId, String name) {
        return halo.list("sites", Map.of("client_id", clientId)).stream()
                .filter(s -> name.trim().equalsIgnoreCase(String.valueOf(s.get("name")).trim()))
                .findFirst();
    }

    /** The client named {@code name}, created (with {@code website}) when there is none. */
    public Map<String, Object> clientNamed(String name, String website) {
        return clientByName(name).orElseGet(() -> createClient(name, website));
    }

    /** Creates the client named {@code name} (with {@code website}), without looking first. */
    public Map<String, Object> createClient(String name, String website) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("name", name.trim());
        if (website != null && !website.isBlank()) {
            client.put("website", website.trim());
        }
        return halo.create("clients", client);
    }

    /** The site of the client named {@code name}, created when there is none. */
    public Map<String, Object> siteNamed(Map<String, Object> client, String name) {
        long clientId = HaloCalls.id(client, "id");
        return siteByName(clientId, name).orElseGet(() -> halo.create("sites", new LinkedHashMap<>(Map.of(
                "name", name.trim(), "client_id", clientId))));
    }

    /** The user with {@code email}, created at {@code site} when there is none. */
    public Map<String, Object> userWithEmail(Map<String, Object> site, String name, String email) {
        return userByEmail(email).orElseGet(() -> halo.create("users", new LinkedHashMap<>(Map.of(
                "name", name.trim(), "emailaddress", email.trim(),
                "site_id", HaloCalls.id(site, "id"), "client_id", HaloCalls.id(site, "client_id")))));
    }

    private static String lower(Object v) {
        return v == null ? "" : v.toString().trim().toLowerCase(Locale.ROOT);
    }

    /** {@code https://www.acme.example/contact} → {@code acme.example}. */
    static String hostOf(Object website) {
        String s = lower(website).replaceFirst("^[a-z]+://", "");
        int slash = s.indexOf('/');
        if (slash >= 0) {
            s = s.substring(0, slash);
        }
        return s.startsWith("www.") ? s.substring(4) : s;
    }
}
