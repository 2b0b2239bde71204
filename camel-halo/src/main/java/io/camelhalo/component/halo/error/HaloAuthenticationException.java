package io.camelhalo.component.halo.error;

import java.util.List;
import java.util.Map;

/**
 * Halo refused the credentials or what they allow: the token endpoint refused them, or the API answered 401 even
 * after a fresh token, or 403 (the token lacks a scope or the application's agent a permission). Retrying does not
 * help; the configuration or Halo's application settings must change.
 */
public class HaloAuthenticationException extends HaloApiException {

    private static final long serialVersionUID = 1L;

    public HaloAuthenticationException(int statusCode, String method, String path,
                                       Map<String, List<String>> responseHeaders, String responseBody,
                                       String haloMessage, String advice, boolean tokenRequest) {
        super(statusCode, method, path, responseHeaders, responseBody, haloMessage, advice, tokenRequest, null);
    }
}
