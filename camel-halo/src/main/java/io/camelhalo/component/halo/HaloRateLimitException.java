package io.camelhalo.component.halo;

/**
 * Halo's rate limit: 429 for longer than the component may wait (it honours Retry-After and backs off),
 * or no permit from the component's own rate governor within {@code maxRateLimitWait}. Nothing was applied.
 */
public class HaloRateLimitException extends HaloApiException {

    private static final long serialVersionUID = 1L;

    public HaloRateLimitException(int statusCode, String method, String path, String responseBody, String haloMessage,
            String advice) {
        super(Kind.RATE_LIMIT, statusCode, method, path, responseBody, haloMessage, advice, false, null);
    }
}
