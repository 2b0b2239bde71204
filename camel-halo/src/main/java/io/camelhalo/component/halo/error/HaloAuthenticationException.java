package io.camelhalo.component.halo.error;

import java.util.List;
import java.util.Map;

/**
 * Halo refused the credentials or what they allow: the token endpoint refused them, or the API answered 401 even after
 * a fresh token, or 403 (the token lacks a scope or the application's agent a permission). Retrying does not help; the
 * configuration or Halo's application settings must change.
 */
public class HaloAuthenticationException extends HaloApiException {

    private static final long serialVersionUID = 1L;

    public HaloAuthenticationException(int statusCode, String method, String path,
                                       Map<String, List<String>> responseHeaders, String responseBody,
                                       String haloMessage, String advice, boolean tokenRequest) {
        super(statusCode, method, path, responseHeaders, responseBody, haloMessage, advice, tokenRequest, null);
    }

    /**
     * The token endpoint answered 200 with a reply that holds no token (not JSON, or no access_token): the
     * authorisation server is not where authUrl points. An {@link #isUnusableReply() unusable reply}.
     *
     * @param tokenUrl the token endpoint asked
     * @param problem  what is wrong with the reply and what to check
     */
    public static HaloAuthenticationException unusableTokenReply(String tokenUrl, String problem) {
        return new HaloAuthenticationException(tokenUrl, problem);
    }

    private HaloAuthenticationException(String tokenUrl, String problem) {
        super("POST", tokenUrl, null, problem, true, null);
    }
}
