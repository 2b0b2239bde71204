package io.camelhalo.component.halo;

/**
 * 400, 409 or 422: Halo refused the data; {@link #getHaloMessage()} is Halo's own message, which names the
 * field (e.g. {@code CODE:APP03/2 Please select the CAB members}).
 */
public class HaloValidationException extends HaloApiException {

    private static final long serialVersionUID = 1L;

    public HaloValidationException(int statusCode, String method, String path, String responseBody, String haloMessage,
            String advice, boolean tokenRequest) {
        super(Kind.VALIDATION, statusCode, method, path, responseBody, haloMessage, advice, tokenRequest, null);
    }
}
