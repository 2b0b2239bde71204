package io.camelhalo.component.halo;

/**
 * 5xx from Halo. GET and DELETE were retried on 502, 503 and 504 before this was thrown; a write only where
 * Halo provably did not process it.
 */
public class HaloServerException extends HaloApiException {

    private static final long serialVersionUID = 1L;

    public HaloServerException(int statusCode, String method, String path, String responseBody, String haloMessage,
            String advice, boolean tokenRequest) {
        super(Kind.SERVER_ERROR, statusCode, method, path, responseBody, haloMessage, advice, tokenRequest, null);
    }
}
