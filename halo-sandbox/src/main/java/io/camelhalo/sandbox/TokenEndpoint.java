package io.camelhalo.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code POST /auth/token}: Halo's OAuth token endpoint for the {@code client_credentials} and {@code refresh_token}
 * grants, with form fields or HTTP Basic client authentication.
 */
final class TokenEndpoint {

    private static final Set<String> FIXED_SCOPES
            = Set.of("all", "all:standard", "all:teams", "admin", "admin:webhooks", "offline_access");
    private static final Pattern AREA_SCOPE = Pattern.compile("(read|edit):([a-z]+)");
    /** Halo has no such areas: actions fall under :tickets, sites under :customers. */
    private static final Set<String> NO_SUCH_AREA = Set.of("actions", "sites");

    /** What Halo answers when the application has no "agent to log in as": an IIS error page. */
    private static final String SERVER_ERROR_PAGE = "<!DOCTYPE html><html><head><title>Runtime Error</title></head>"
                                                    + "<body><h1>Server Error in '/' Application.</h1><h2><i>Runtime Error</i></h2></body></html>";

    private final String clientId;
    private final String clientSecret;
    private final TokenIssuer issuer;
    private final Supplier<Instant> clock;
    private volatile Duration lifetime;
    private volatile boolean noAgentToLogInAs;

    TokenEndpoint(String clientId, String clientSecret, Duration lifetime, TokenIssuer issuer, Supplier<Instant> clock) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.lifetime = lifetime;
        this.issuer = issuer;
        this.clock = clock;
    }

    void lifetime(Duration d) {
        this.lifetime = d;
    }

    void noAgentToLogInAs(boolean on) {
        this.noAgentToLogInAs = on;
    }

    HttpReply handle(String method, String authorization, String body) {
        if (!"POST".equals(method)) {
            return HttpReply.empty(405).withHeader("Allow", "POST");
        }
        if (noAgentToLogInAs) {
            return HttpReply.html(500, SERVER_ERROR_PAGE);
        }
        Map<String, String> form = Forms.parse(body);
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        String[] basic = basicCredentials(authorization);
        if (id == null && basic != null) {
            id = basic[0];
            secret = basic[1];
        }
        String grant = form.get("grant_type");
        if (grant == null || grant.isEmpty()) {
            return oauthError("invalid_request", "grant_type is missing");
        }
        if (!grant.equals("client_credentials") && !grant.equals("refresh_token")) {
            return oauthError("unsupported_grant_type", "grant_type " + grant + " is not supported");
        }
        // 400 for a bad client whichever way it authenticated (RFC 6749 would allow 401 with Basic): one line to change
        if (!clientId.equals(id) || !clientSecret.equals(secret)) {
            return oauthError("invalid_client", "The client id or secret is not valid");
        }
        String scope;
        if (grant.equals("refresh_token")) {
            TokenIssuer.RefreshGrant g = issuer.redeem(form.get("refresh_token"), id);
            if (g == null) {
                return oauthError("invalid_grant", "The refresh token is not valid");
            }
            scope = g.scope();
        } else {
            scope = form.getOrDefault("scope", "").trim();
            for (String s : scopes(scope)) {
                if (!knownScope(s)) {
                    return oauthError("invalid_scope", "Unknown scope " + s);
                }
            }
        }
        Duration life = lifetime;
        TokenIssuer.Issued issued = issuer.issue(id, scope, clock.get(), life);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("token_type", "Bearer");
        reply.put("access_token", issued.accessToken());
        reply.put("expires_in", life.toSeconds());
        if (issued.refreshToken() != null) {
            reply.put("refresh_token", issued.refreshToken());
        }
        return HttpReply.json(200, reply).withHeader("Cache-Control", "no-store");
    }

    static List<String> scopes(String scope) {
        return scope == null || scope.isBlank() ? List.of() : Arrays.asList(scope.trim().split("\\s+"));
    }

    static boolean knownScope(String s) {
        if (FIXED_SCOPES.contains(s)) {
            return true;
        }
        var m = AREA_SCOPE.matcher(s);
        return m.matches() && !NO_SUCH_AREA.contains(m.group(2));
    }

    private static HttpReply oauthError(String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return HttpReply.json(400, body).withHeader("Cache-Control", "no-store");
    }

    /** {@code Basic base64(urlencoded id ":" urlencoded secret)}, or {@code null}. */
    private static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            return new String[] { Forms.decode(decoded.substring(0, colon)), Forms.decode(decoded.substring(colon + 1)) };
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
