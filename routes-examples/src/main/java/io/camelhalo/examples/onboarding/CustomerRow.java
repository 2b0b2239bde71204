package io.camelhalo.examples.onboarding;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One customer to onboard: a client, its site and its first user, from line {@code line} of the CSV.
 */
public record CustomerRow(int line, String clientName, String website, String siteName, String userName,
        String userEmail) {

    /** The Halo client to create (unless one of that name exists). */
    public Map<String, Object> client() {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("name", clientName.trim());
        if (website != null && !website.isBlank()) {
            client.put("website", website.trim());
        }
        return client;
    }

    /** The Halo site to create for client {@code clientId} (unless it has one of that name). */
    public Map<String, Object> site(long clientId) {
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("name", siteName.trim());
        site.put("client_id", clientId);
        return site;
    }

    /** The Halo user to create at the site (unless the client has one with that email address). */
    public Map<String, Object> user(long clientId, long siteId) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("name", userName.trim());
        user.put("emailaddress", userEmail.trim());
        user.put("client_id", clientId);
        user.put("site_id", siteId);
        return user;
    }
}
