package io.camelhalo.component.halo;

/**
 * Halo refused the credentials: 401 from the API after one token renewal, or the token endpoint refused
 * the client id, secret, scope or refresh token. The message says which setting to check.
 */
public class HaloAuthenticationException extends HaloApiException {

    private static final long serialVersionUID = 1L;

    public HaloAuthenticationException(int statusCode, String method, String path, String responseBody, String haloMessage,
            String advice, boolean tokenRequest) {
        super(Kind.AUTHENTICATION, statusCode, method, path, responseBody, haloMessage, advice, tokenRequest, null);
    }
}
