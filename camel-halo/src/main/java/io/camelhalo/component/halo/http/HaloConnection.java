package io.camelhalo.component.halo.http;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import io.camelhalo.component.halo.HaloConfiguration;
import io.camelhalo.component.halo.auth.HaloCredentials;
import io.camelhalo.component.halo.auth.HaloTokenManager;

/**
 * Everything shared by the endpoints that talk to one Halo tenant as one application: the pooled HTTP client and the
 * token manager. The component keeps one per {@link Key}.
 */
public final class HaloConnection {

    /**
     * What makes two endpoints share a connection: same API, same authorisation server, same application and same
     * credentials. The secrets are part of the key because a refresh token stands for the agent who authorised the
     * application: two endpoints with different refresh tokens must not act as the same agent.
     */
    public record Key(String apiUrl, String authUrl, String tenant, String clientId, String grantType, String scope,
            String clientSecret, String refreshToken) {

        public static Key of(HaloConfiguration configuration) {
            return new Key(configuration.apiUrl(), configuration.effectiveAuthUrl(), configuration.getTenant(),
                           configuration.getClientId(), configuration.getGrantType(), configuration.getScope(),
                           configuration.getClientSecret(), configuration.getRefreshToken());
        }

        @Override
        public String toString() {
            return "HaloConnection.Key[apiUrl=" + apiUrl + ", tenant=" + tenant + ", scope=" + scope + "]";
        }
    }

    private final Key key;
    private final HaloTokenManager tokenManager;
    private final HaloHttpClient httpClient;
    private final HaloConnectionStatistics statistics;

    /**
     * @param configuration the connection options
     * @param governor      the rate governor of the tenant, shared with every other connection to it
     */
    public HaloConnection(HaloConfiguration configuration, HaloRateGovernor governor) {
        this.key = Key.of(configuration);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofMillis(configuration.getConnectTimeout()))
                .build();
        HaloRetryPolicy retryPolicy = new HaloRetryPolicy(configuration.getMaxRetries(),
                Duration.ofMillis(configuration.getRetryDelay()), Duration.ofMillis(configuration.getMaxRetryDelay()),
                Duration.ofMillis(configuration.getMaxRateLimitWait()));
        HaloTransport transport = new HaloTransport(http, governor, retryPolicy, configuration.getMaxResponseSize());
        HaloCredentials credentials = new HaloCredentials(
                configuration.effectiveAuthUrl(), configuration.getTenant(), configuration.getClientId(),
                configuration.getClientSecret(), configuration.getScope(), configuration.getGrantType(),
                configuration.getRefreshToken());
        this.tokenManager = new HaloTokenManager(transport, credentials, Duration.ofMillis(configuration.getReadTimeout()),
                                                 Clock.systemUTC());
        this.httpClient = new HaloHttpClient(transport, configuration.apiUrl(), tokenManager);
        this.statistics = transport.statistics();
    }

    /** What makes two connections share a rate governor: the same tenant. */
    public record TenantKey(String apiUrl, String tenant) {
        public static TenantKey of(HaloConfiguration configuration) {
            return new TenantKey(configuration.apiUrl(), configuration.getTenant());
        }
    }

    public Key key() {
        return key;
    }

    public HaloTokenManager tokenManager() {
        return tokenManager;
    }

    public HaloHttpClient httpClient() {
        return httpClient;
    }

    public HaloConnectionStatistics statistics() {
        return statistics;
    }
}
