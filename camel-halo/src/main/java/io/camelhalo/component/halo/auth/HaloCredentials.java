package io.camelhalo.component.halo.auth;

/**
 * What the token manager needs to obtain a token. {@link #toString()} masks the secrets, so a credentials object can
 * never leak them into a log line by accident.
 */
public record HaloCredentials(String authUrl, String tenant, String clientId, String clientSecret, String scope,
        String grantType, String refreshToken) {

    /** The grant of an API application with a client secret. */
    public static final String CLIENT_CREDENTIALS = "client_credentials";
    /** The grant of an application authorised through Halo's consent screen. */
    public static final String REFRESH_TOKEN = "refresh_token";

    @Override
    public String toString() {
        return "HaloCredentials[authUrl=" + authUrl + ", tenant=" + tenant + ", clientId=" + mask(clientId)
               + ", clientSecret=" + mask(clientSecret) + ", scope=" + scope + ", grantType=" + grantType
               + ", refreshToken=" + mask(refreshToken) + "]";
    }

    /**
     * Checks a refreshTokenEncryptionKey: the Base64 of a 16, 24 or 32-byte AES key.
     *
     * @throws IllegalArgumentException saying what is wrong, never the key
     */
    public static void checkEncryptionKey(String base64) {
        RefreshTokenStore.aesKey(base64);
    }

    private static String mask(String secret) {
        return secret == null ? null : "xxxxxx";
    }
}
