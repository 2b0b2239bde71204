package io.camelhalo.sandbox;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Issued access and refresh tokens: opaque random strings held in memory. */
final class TokenIssuer {

    record AccessToken(String clientId, String scope, Instant expiresAt) {
    }

    record RefreshGrant(String clientId, String scope) {
    }

    record Issued(String accessToken, String refreshToken) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();

    /** Issues an access token, and a refresh token when the scope asks for {@code offline_access}. */
    Issued issue(String clientId, String scope, Instant now, Duration lifetime) {
        String access = newToken();
        accessTokens.put(access, new AccessToken(clientId, scope, now.plus(lifetime)));
        String refresh = null;
        if (TokenEndpoint.scopes(scope).contains("offline_access")) {
            refresh = newToken();
            refreshTokens.put(refresh, new RefreshGrant(clientId, scope));
        }
        return new Issued(access, refresh);
    }

    /** The token if it was issued, not expired and not revoked; otherwise {@code null}. */
    AccessToken validate(String token, Instant now) {
        AccessToken t = token == null ? null : accessTokens.get(token);
        return t != null && now.isBefore(t.expiresAt()) ? t : null;
    }

    /** Consumes a refresh token (they rotate on use); {@code null} if unknown or another client's. */
    RefreshGrant redeem(String refreshToken, String clientId) {
        RefreshGrant g = refreshToken == null ? null : refreshTokens.get(refreshToken);
        if (g == null || !g.clientId().equals(clientId)) {
            return null;
        }
        return refreshTokens.remove(refreshToken, g) ? g : null;
    }

    /** Revokes every access token; refresh tokens stay valid, so a client can recover by refreshing. */
    void expireAll() {
        accessTokens.clear();
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
