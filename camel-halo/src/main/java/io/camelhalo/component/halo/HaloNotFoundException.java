package io.camelhalo.component.halo;

/**
 * 404: the record does not exist (or the agent may not see it).
 */
public class HaloNotFoundException extends HaloApiException {

    private static final long serialVersionUID = 1L;

    public HaloNotFoundException(int statusCode, String method, String path, String responseBody, String haloMessage,
            String advice, boolean tokenRequest) {
        super(Kind.NOT_FOUND, statusCode, method, path, responseBody, haloMessage, advice, tokenRequest, null);
    }
}
