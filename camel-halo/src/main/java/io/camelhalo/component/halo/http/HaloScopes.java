package io.camelhalo.component.halo.http;

import java.util.Locale;
import java.util.Map;

/**
 * Which OAuth scope a call most likely needs, to name it when Halo answers 403. Halo's scopes are per area
 * ({@code read:tickets}, {@code edit:customers}, ...): actions fall under tickets, sites and users under customers
 * (verify the areas not listed here against your tenant's scope list).
 */
final class HaloScopes {

    private static final Map<String, String> AREA_BY_PATH = Map.ofEntries(
            Map.entry("tickets", "tickets"), Map.entry("actions", "tickets"), Map.entry("projects", "tickets"),
            Map.entry("opportunities", "tickets"), Map.entry("attachment", "tickets"),
            Map.entry("appointment", "calendar"), Map.entry("client", "customers"), Map.entry("site", "customers"),
            Map.entry("users", "customers"), Map.entry("asset", "assets"), Map.entry("invoice", "invoices"),
            Map.entry("quotation", "quotes"), Map.entry("item", "items"), Map.entry("supplier", "suppliers"),
            Map.entry("clientcontract", "contracts"), Map.entry("kbarticle", "kb"), Map.entry("report", "reporting"),
            Map.entry("agent", "agents"), Map.entry("team", "teams"));

    private HaloScopes() {
    }

    /** The likely scope for a call, e.g. {@code edit:tickets} for {@code POST /api/Actions}. */
    static String likelyScope(String method, String target) {
        String path = target.startsWith("/api/") ? target.substring(5) : target;
        int end = path.length();
        for (char stop : new char[] { '/', '?' }) {
            int i = path.indexOf(stop);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String area = AREA_BY_PATH.get(path.substring(0, end).toLowerCase(Locale.ROOT));
        String access = "GET".equals(method) ? "read" : "edit";
        return area == null ? access + ":<area> (or admin)" : access + ":" + area;
    }
}
