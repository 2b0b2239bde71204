package io.camelhalo.component.halo.lookup;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.camelhalo.component.halo.HaloConstants;
import io.camelhalo.component.halo.error.HaloValidationException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Finds the Halo user and client for an email address (seed "Find Halo User and Client by Email"). In this order:
 * <ol>
 * <li>the user with exactly that address ({@code user_found_by: email});</li>
 * <li>else the client and site of the first site whose {@code emaildomain} is the sender's domain ({@code site email
 * domain}: a site is the more specific match, and gives the site too);</li>
 * <li>else the first client whose own {@code domain} is the sender's domain ({@code client domain}, as the action this
 * replaces matches; the site is the client's {@code main_site_id} when Halo gives it). Clients are asked with
 * {@code GET /Client?domain=}, and each answer is checked here, since what Halo does with that parameter is not
 * documented;</li>
 * <li>else the configured default client.</li>
 * </ol>
 * Where Halo's list items leave out {@code emaildomain} or {@code domain} (a slim list view), the record is read by id,
 * at most {@value #MAX_READS_BY_ID} reads a look-up; when more would be needed and nothing matched, a client is never
 * created (the look-up fails, naming the domain) and otherwise the default client is answered. With
 * {@code createMissing} it creates the user (under the client found by domain), or also the client (with its
 * {@code domain}) and a main site carrying the domain, looking first so that running twice creates nothing new.
 * <p>
 * A bean shipped in the component, for any DSL: in YAML declare it under {@code beans:} (type
 * {@code io.camelhalo.component.halo.lookup.HaloFindByEmail}, properties {@code defaultClientId},
 * {@code createMissing}) and call it with {@code bean: {ref: ..., method: find}}. The body in is the address
 * ({@code jane@acme.example} or {@code Jane Doe <jane@acme.example>}); the body out is a Map with {@code user_id},
 * {@code client_id}, {@code site_id} (each may be null) and how each was found: {@code user_found_by},
 * {@code client_found_by}, {@code site_found_by}. It calls Halo only through {@code halo:} endpoints, so the
 * component's connection, token, rate limit and errors apply.
 */
public class HaloFindByEmail {

    /** What to create for a sender Halo does not know. */
    public enum CreateMissing {
        /** nothing: the client by domain, else the default client */
        NONE,
        /** the user, when a client was found by the sender's domain (on that client's matching site) */
        USER,
        /** the user, and when no client has the domain, also the client (named after the domain) and its main site */
        CLIENT_AND_USER;

        static CreateMissing parse(String text) {
            try {
                return valueOf(text.trim().replace('-', '_').toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "Invalid createMissing '" + text + "'. Allowed: none, user, client-and-user");
            }
        }
    }

    /** How a client and site found by a site's {@code emaildomain} are reported. */
    static final String SITE_EMAIL_DOMAIN = "site email domain";
    /** How a client found by its own {@code domain} is reported. */
    static final String CLIENT_DOMAIN = "client domain";
    /** At most this many records are read by id in one look-up when list items leave out the domain fields. */
    public static final int MAX_READS_BY_ID = 20;

    private Long defaultClientId;
    private CreateMissing createMissing = CreateMissing.NONE;
    private String mainSiteName = "Main";
    private volatile ProducerTemplate template;

    /** @param exchange its body is the email address; it becomes the answer */
    public Map<String, Object> find(Exchange exchange) throws Exception {
        String address = exchange.getMessage().getBody(String.class);
        Map<String, Object> answer = lookup(exchange.getContext(), address);
        exchange.getMessage().setBody(answer);
        return answer;
    }

    /** The user, client and site for {@code address}, and how each was found. */
    public Map<String, Object> lookup(CamelContext context, String address) throws Exception {
        Sender sender = Sender.parse(address);
        ProducerTemplate halo = template(context);
        Reads reads = new Reads();
        Map<String, Object> user = firstWith(halo, "users", list(halo, "users", Map.of("search", sender.email())),
                "emailaddress", sender.email(), reads);
        if (user != null) {
            return answer(id(user, "id"), "email", id(user, "client_id"), "user", id(user, "site_id"), "user");
        }
        Map<String, Object> site = bySiteEmailDomain(halo, sender.domain(), reads);
        if (site != null) {
            Long clientId = id(site, "client_id");
            Long siteId = id(site, "id");
            if (createMissing == CreateMissing.NONE) {
                return answer(null, null, clientId, SITE_EMAIL_DOMAIN, siteId, SITE_EMAIL_DOMAIN);
            }
            decided(reads, sender);
            Map<String, Object> created = createUser(halo, sender, clientId, siteId);
            return answer(id(created, "id"), "created", clientId, SITE_EMAIL_DOMAIN, siteId, SITE_EMAIL_DOMAIN);
        }
        Map<String, Object> client = byClientDomain(halo, sender.domain(), reads);
        if (client != null) {
            Long clientId = id(client, "id");
            Long siteId = id(client, "main_site_id");
            String siteHow = siteId == null ? null : "client main site";
            if (createMissing == CreateMissing.NONE) {
                return answer(null, null, clientId, CLIENT_DOMAIN, siteId, siteHow);
            }
            decided(reads, sender);
            Map<String, Object> created = createUser(halo, sender, clientId, siteId);
            return answer(id(created, "id"), "created", clientId, CLIENT_DOMAIN, siteId, siteHow);
        }
        if (createMissing == CreateMissing.CLIENT_AND_USER) {
            decided(reads, sender);
            Map<String, Object> newClient = create(halo, "clients", Map.of("name", sender.domain(), "domain", sender.domain()));
            Long clientId = id(newClient, "id");
            Map<String, Object> main = create(halo, "sites", Map.of("name", mainSiteName, "client_id", clientId,
                    "emaildomain", sender.domain()));
            Map<String, Object> created = createUser(halo, sender, clientId, id(main, "id"));
            return answer(id(created, "id"), "created", clientId, "created", id(main, "id"), "created");
        }
        if (defaultClientId == null) {
            throw HaloValidationException.refused("GET", "/api/Users",
                    "no Halo user has the email address '" + sender.email() + "', no site or client has the email domain '"
                                                                       + sender.domain() + "', and no defaultClientId is set");
        }
        return answer(null, null, defaultClientId, "default client", null, null);
    }

    /** Refuses to create anything when a record that may match could not be read (see {@link #MAX_READS_BY_ID}). */
    private static void decided(Reads reads, Sender sender) throws HaloValidationException {
        if (reads.undecided) {
            throw HaloValidationException.refused("GET", "/api/Users",
                    "cannot tell whether Halo already has the user '" + sender.email() + "' or a client with the email domain '"
                                                                       + sender.domain()
                                                                       + "': list items leave out emailaddress, emaildomain or domain and more than "
                                                                       + MAX_READS_BY_ID
                                                                       + " records would have to be read one by one; nothing was created");
        }
    }

    /**
     * The first site whose {@code emaildomain} is the domain. A list item without the field (a slim list view) is read
     * by id, within the look-up's budget of reads.
     */
    private static Map<String, Object> bySiteEmailDomain(ProducerTemplate halo, String domain, Reads reads) {
        return firstWith(halo, "sites", list(halo, "sites", Map.of()), "emaildomain", domain, reads);
    }

    /**
     * The first client whose {@code domain} is the domain: asked with {@code domain=} (what Halo does with it is
     * unverified, so every answer is checked here, and one without the field is read by id).
     */
    private static Map<String, Object> byClientDomain(ProducerTemplate halo, String domain, Reads reads) {
        return firstWith(halo, "clients", list(halo, "clients", Map.of("domain", domain)), "domain", domain, reads);
    }

    private static Map<String, Object> firstWith(
            ProducerTemplate halo, String resource, List<Map<String, Object>> items, String field, String value,
            Reads reads) {
        for (Map<String, Object> item : items) {
            Map<String, Object> record = item;
            if (!item.containsKey(field) && id(item, "id") != null) {
                if (reads.left == 0) {
                    reads.undecided = true;
                    continue;
                }
                reads.left--;
                record = get(halo, resource, id(item, "id"));
            }
            if (record != null && record.get(field) != null && value.equalsIgnoreCase(record.get(field).toString().trim())) {
                return record;
            }
        }
        return null;
    }

    /** The reads by id one look-up may make for list items that leave out the domain fields. */
    private static final class Reads {
        private int left = MAX_READS_BY_ID;
        private boolean undecided;
    }

    /** The user, under the client and, when known, the site (a client found by domain may name no main site). */
    private Map<String, Object> createUser(ProducerTemplate halo, Sender sender, Long clientId, Long siteId) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("name", sender.name());
        user.put("emailaddress", sender.email());
        user.put("client_id", clientId);
        if (siteId != null) {
            user.put("site_id", siteId);
        }
        return create(halo, "users", user);
    }

    private static Map<String, Object> answer(
            Long userId, String userHow, Long clientId, String clientHow, Long siteId,
            String siteHow) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("user_id", userId);
        answer.put("client_id", clientId);
        answer.put("site_id", siteId);
        answer.put("user_found_by", userHow);
        answer.put("client_found_by", clientHow);
        answer.put("site_found_by", siteHow);
        return answer;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(ProducerTemplate halo, String resource, Map<String, Object> query) {
        return halo.requestBodyAndHeader("halo:" + resource + "/list", null, HaloConstants.QUERY, new HashMap<>(query),
                List.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> get(ProducerTemplate halo, String resource, Long id) {
        return halo.requestBodyAndHeader("halo:" + resource + "/get", null, HaloConstants.ID, id, Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> create(ProducerTemplate halo, String resource, Map<String, Object> record) {
        return halo.requestBody("halo:" + resource + "/create", new LinkedHashMap<>(record), Map.class);
    }

    private ProducerTemplate template(CamelContext context) {
        ProducerTemplate t = template;
        if (t == null || t.getCamelContext() != context) {
            synchronized (this) {
                t = template;
                if (t == null || t.getCamelContext() != context) {
                    t = context.createProducerTemplate();
                    template = t;
                }
            }
        }
        return t;
    }

    private static Long id(Map<String, Object> record, String field) {
        Object v = record == null ? null : record.get(field);
        if (v instanceof Number n) {
            return n.longValue();
        }
        return v == null || v.toString().isBlank() ? null : Long.valueOf(v.toString().trim());
    }

    /** An address as written in a From header: {@code jane@acme.example} or {@code Jane Doe <jane@acme.example>}. */
    record Sender(String email, String name, String domain) {
        static Sender parse(String address) {
            String text = address == null ? "" : address.trim();
            String name = null;
            int open = text.lastIndexOf('<');
            if (open >= 0 && text.endsWith(">")) {
                name = text.substring(0, open).trim().replaceAll("^\"|\"$", "");
                text = text.substring(open + 1, text.length() - 1).trim();
            }
            int at = text.lastIndexOf('@');
            if (at <= 0 || at == text.length() - 1 || text.contains(" ")) {
                throw new IllegalArgumentException(
                        "Invalid email address '" + address + "'. Allowed: name@domain or Name <name@domain>");
            }
            return new Sender(
                    text, name == null || name.isBlank() ? text : name,
                    text.substring(at + 1).toLowerCase(Locale.ROOT));
        }
    }

    public Long getDefaultClientId() {
        return defaultClientId;
    }

    /** The client for senders Halo does not know (no user, no site with their domain); none: such a sender fails. */
    public void setDefaultClientId(Long defaultClientId) {
        this.defaultClientId = defaultClientId;
    }

    public String getCreateMissing() {
        return createMissing.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What to create for a sender Halo does not know: none (default), user, or client-and-user. */
    public void setCreateMissing(String createMissing) {
        this.createMissing = CreateMissing.parse(createMissing);
    }

    public String getMainSiteName() {
        return mainSiteName;
    }

    /** The name of the site created with a new client (default Main). */
    public void setMainSiteName(String mainSiteName) {
        this.mainSiteName = mainSiteName;
    }
}
