package io.camelhalo.component.halo.http;

import io.camelhalo.component.halo.error.HaloApiException;

/**
 * Where the API client takes its bearer token from: the connection's token manager (in {@code auth}, which sends its
 * token requests through this package's transport, so the API client cannot name it without a cycle).
 */
public interface HaloAccessTokens {

    /** A valid access token, fetched or renewed if needed. */
    String accessToken() throws InterruptedException, HaloApiException;

    /** Forgets a token Halo refused (a 401), so that the next {@link #accessToken()} renews it. */
    void invalidate(String refusedToken);
}
