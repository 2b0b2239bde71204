package io.camelhalo.component.halo;

/**
 * 403: the token lacks a scope or the application's agent lacks a permission; the message names the
 * likely missing scope.
 */
public class HaloPermissionException extends HaloApiException {

    private static final long serialVersionUID = 1L;

    public HaloPermissionException(int statusCode, String method, String path, String responseBody, String haloMessage,
            String advice, boolean tokenRequest) {
        super(Kind.PERMISSION, statusCode, method, path, responseBody, haloMessage, advice, tokenRequest, null);
    }
}
