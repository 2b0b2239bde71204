package io.camelhalo.component.halo.error;

import java.util.List;
import java.util.Map;

/**
 * The data was refused: Halo answered 400, 409 or 422 (its message says which field), or the component refused it
 * before sending (status 0, nothing reached Halo). Sending the same data again fails again.
 */
public class HaloValidationException extends HaloApiException {

    private static final long serialVersionUID = 1L;

    public HaloValidationException(int statusCode, String method, String path,
                                   Map<String, List<String>> responseHeaders, String responseBody, String haloMessage,
                                   String advice) {
        super(statusCode, method, path, responseHeaders, responseBody, haloMessage, advice, false, null);
    }

    /**
     * The component refused the data before sending it (status 0): nothing reached Halo.
     *
     * @param message what is wrong, naming the bad value and what is allowed
     */
    public static HaloValidationException refused(String method, String path, String message) {
        return new HaloValidationException(method, path, message);
    }

    private HaloValidationException(String method, String path, String message) {
        super(method, path, message);
    }
}
