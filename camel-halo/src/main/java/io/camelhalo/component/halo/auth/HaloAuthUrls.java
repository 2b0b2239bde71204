package io.camelhalo.component.halo.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where secrets may be sent. The client secret and refresh token go to the authorisation server, the access token to
 * the API; over plain http only to this machine, and to an authorisation server that Halo names (the unauthenticated
 * {@code GET /api/authinfo}) only when it is https on the registrable domain of {@code baseUrl}.
 */
public final class HaloAuthUrls {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    /**
     * Second-level labels under which a two-letter country code hands out names ({@code co.uk}, {@code com.au}, ...):
     * the registrable domain is then three labels. Without the Public Suffix List this is an approximation that errs on
     * the safe side only for these; a tenant whose authorisation server is elsewhere sets {@code authUrl}.
     */
    private static final Set<String> COUNTRY_SECOND_LEVEL = Set.of(
            "ac", "co", "com", "edu", "gen", "gob", "gov", "govt", "info", "lg", "ltd", "me", "mil", "ne", "net", "nhs",
            "nic", "or", "org", "plc", "sch");

    private HaloAuthUrls() {
    }

    /**
     * Whether a URL host is this machine: {@code localhost}, an IPv4 literal in 127.0.0.0/8, or {@code ::1}. A name
     * that merely starts with {@code 127.} or {@code localhost} ({@code 127.example.com}) is not.
     */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        var v4 = IPV4.matcher(h);
        if (v4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(v4.group(i)) > 255) {
                    return false;
                }
            }
            return Integer.parseInt(v4.group(1)) == 127;
        }
        return h.contains(":") && isIpv6Loopback(h);
    }

    private static boolean isIpv6Loopback(String literal) {
        if (!literal.matches("[0-9A-Fa-f:]+")) {
            return false;
        }
        String[] groups = literal.split(":", -1);
        int nonEmpty = 0;
        for (String g : groups) {
            if (g.isEmpty()) {
                continue;
            }
            nonEmpty++;
            if (g.length() > 4) {
                return false;
            }
        }
        // ::1, 0:0:0:0:0:0:0:1, 0::1 and the like: every group but the last is zero, the last is 1
        String last = groups[groups.length - 1];
        if (last.isEmpty() || Integer.parseInt(last, 16) != 1) {
            return false;
        }
        for (int i = 0; i < groups.length - 1; i++) {
            if (!groups[i].isEmpty() && Integer.parseInt(groups[i], 16) != 0) {
                return false;
            }
        }
        return nonEmpty == 8 || literal.contains("::");
    }

    /**
     * The registrable domain of a host, approximated: an IP literal or a one-label name is its own; otherwise the last
     * two labels ({@code haloitsm.com}), or three under a country code with a common second level ({@code acme.co.uk}).
     */
    static String registrableDomain(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.startsWith("[") || h.contains(":") || IPV4.matcher(h).matches()) {
            return h;
        }
        String[] labels = h.split("\\.");
        if (labels.length <= 2) {
            return h;
        }
        int keep = labels[labels.length - 1].length() == 2 && COUNTRY_SECOND_LEVEL.contains(labels[labels.length - 2])
                ? 3 : 2;
        StringBuilder domain = new StringBuilder();
        for (int i = labels.length - keep; i < labels.length; i++) {
            domain.append(domain.length() == 0 ? "" : ".").append(labels[i]);
        }
        return domain.toString();
    }

    /**
     * Why an authorisation server Halo named (unauthenticated) must not be sent the secrets, or {@code null} when it
     * may: it must be an absolute https URL (http only on loopback) without user info, on the registrable domain of
     * {@code baseUrl}.
     *
     * @param discovered the {@code auth_url} Halo's {@code /api/authinfo} answered
     * @param baseUrl    the configured Halo instance (or any URL on it, such as the authinfo URL)
     */
    public static String refusal(String discovered, String baseUrl) {
        URI named;
        URI base;
        try {
            named = new URI(discovered);
            base = new URI(baseUrl);
        } catch (URISyntaxException e) {
            return "it is not a URL";
        }
        String scheme = named.getScheme() == null ? "" : named.getScheme().toLowerCase(Locale.ROOT);
        if (named.getHost() == null || base.getHost() == null || named.getRawUserInfo() != null) {
            return "it is not an absolute https URL with a host (and no user info)";
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(named.getHost()))) {
            return "it is not https, and the client secret would travel in clear";
        }
        if (!registrableDomain(named.getHost()).equals(registrableDomain(base.getHost()))) {
            return "its host is not on the domain of baseUrl (" + registrableDomain(base.getHost()) + ")";
        }
        return null;
    }

    /** A value from outside, fit for a log line or message: no control characters, at most 200 characters. */
    static String printable(String value) {
        String kept = value.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return kept.length() > 200 ? kept.substring(0, 200) + "..." : kept;
    }
}
