package io.camelhalo.component.halo.error;

import java.util.List;
import java.util.Map;

/**
 * Halo's rate limit held for longer than {@code maxRateLimitWait}: Halo kept answering 429, or the component's rate
 * governor had no permit in time (status 0). Nothing was applied; the same request can be sent later.
 */
public class HaloRateLimitException extends HaloApiException {

    private static final long serialVersionUID = 1L;

    public HaloRateLimitException(int statusCode, String method, String path,
                                  Map<String, List<String>> responseHeaders, String responseBody, String advice) {
        super(statusCode, method, path, responseHeaders, responseBody, null, advice, false, null);
    }
}
