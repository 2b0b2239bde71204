package io.camelhalo.component.halo.error;

import java.util.List;
import java.util.Map;

/** Halo answered 404: no record with that id (or no such path). */
public class HaloNotFoundException extends HaloApiException {

    private static final long serialVersionUID = 1L;

    public HaloNotFoundException(int statusCode, String method, String path, Map<String, List<String>> responseHeaders,
                                 String responseBody, String haloMessage, String advice) {
        super(statusCode, method, path, responseHeaders, responseBody, haloMessage, advice, false, null);
    }
}
