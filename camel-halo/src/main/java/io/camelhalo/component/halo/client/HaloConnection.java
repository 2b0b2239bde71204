package io.camelhalo.component.halo.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.camelhalo.component.halo.api.HaloResource;
import io.camelhalo.component.halo.auth.HaloCredentials;
import io.camelhalo.component.halo.auth.HaloTokenManager;
import io.camelhalo.component.halo.change.OwnWrites;
import io.camelhalo.component.halo.error.HaloApiException;
import io.camelhalo.component.halo.error.HaloAuthenticationException;
import io.camelhalo.component.halo.error.HaloRateLimitException;
import io.camelhalo.component.halo.http.HaloConnectionStatistics;
import io.camelhalo.component.halo.http.HaloHttpClient;
import io.camelhalo.component.halo.http.HaloTransport;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything shared by the endpoints that talk to one Halo tenant as one application: the transport (pooled HTTP
 * client, rate governor, retries), the token manager and the API client. The component keeps one per {@link Key}.
 */
public final class HaloConnection {

    private static final Logger LOG = LoggerFactory.getLogger(HaloConnection.class);

    /**
     * What makes two endpoints share a connection: same API, same authorisation server, same application and same
     * credentials. The secrets are part of the key because a refresh token stands for the agent who authorised the
     * application: two endpoints with different refresh tokens must not act as the same agent.
     */
    public record Key(String apiUrl, String authUrl, String tenant, String clientId, String grantType, String scope,
            String clientSecret, String refreshToken, StateRepository<String, String> refreshTokenRepository,
            String refreshTokenEncryptionKey, String authInfoUrl, SSLContextParameters tls) {

        /** The credentials the token manager uses. */
        HaloCredentials credentials() {
            return new HaloCredentials(authUrl, tenant, clientId, clientSecret, scope, grantType, refreshToken);
        }

        @Override
        public String toString() {
            return "HaloConnection.Key[apiUrl=" + apiUrl + ", tenant=" + tenant + ", scope=" + scope + "]";
        }
    }

    /**
     * What makes two connections share a rate governor: the same tenant and application (client id), as Halo counts
     * requests.
     */
    public record TenantKey(String apiUrl, String tenant, String clientId) {

        /** The budget's name, the same on every node: API URL, tenant and client id. */
        public String budgetKey() {
            // the client id is a secret option: the table holds a digest of it
            return apiUrl + " " + (tenant == null ? "" : tenant) + " client-" + digest(clientId);
        }

        private static String digest(String text) {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256")
                        .digest(String.valueOf(text).getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(hash, 0, 8);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e); // every JVM has SHA-256
            }
        }

        @Override
        public String toString() {
            return "HaloConnection.TenantKey[apiUrl=" + apiUrl + ", tenant=" + tenant + "]"; // the client id is secret
        }
    }

    private final Key key;
    private final HaloTokenManager tokenManager;
    private final HaloHttpClient httpClient;
    /** The API client for the readiness probe: the same tenant, budget and token, but it never waits. */
    private final HaloHttpClient probeClient;
    private final HaloConnectionStatistics statistics;
    /** The versions routes' writes through this connection produced, so a route does not feed on its own writes. */
    private final OwnWrites ownWrites = new OwnWrites();
    /** Whether the credentials were accepted once (by the start check or any request since). */
    private final AtomicBoolean credentialsAccepted = new AtomicBoolean();

    /**
     * @param key         the API, authorisation server and credentials
     * @param transport   sends every request of this connection (API and token requests)
     * @param readTimeout how long a token request may wait for its reply
     */
    public HaloConnection(Key key, HaloTransport transport, Duration readTimeout) {
        this.key = key;
        this.statistics = transport.statistics();
        this.tokenManager = new HaloTokenManager(
                transport, key.credentials(), readTimeout, Clock.systemUTC(),
                key.refreshTokenRepository(), key.refreshTokenEncryptionKey(), key.authInfoUrl());
        this.httpClient = new HaloHttpClient(transport, key.apiUrl(), tokenManager);
        this.probeClient = new HaloHttpClient(transport.withoutWaiting(), key.apiUrl(), tokenManager.withoutWaiting());
    }

    /**
     * Checks that a token can be had and Halo answers a cheap read ({@code GET /api/Status}, a short list), without
     * waiting: for a request permit, a 429's back-off, or another thread's token renewal. It sends one API request, and
     * a token request only when the token needs renewing (one more of each if Halo refuses the token once).
     *
     * @param  timeout                how long to wait for Halo's reply
     * @throws HaloRateLimitException nothing was checked: that would have meant waiting for the rate budget
     * @throws HaloApiException       Halo refused the credentials, answered an error, or did not answer
     */
    public void probe(Duration timeout) throws InterruptedException, HaloApiException {
        probeClient.call("GET", HaloResource.STATUSES, null, Map.of(), null, timeout);
    }

    /**
     * The start-up check of the credentials ({@code checkCredentialsOnStart}): one token request, the first time an
     * endpoint of this connection starts, so a wrong client id or secret stops the route at start with a one-line error
     * instead of failing every call (or every poll) later. A token already held counts as accepted, and the token
     * obtained serves the first calls. When Halo cannot be asked (unreachable, rate-limited, failing) the route starts
     * anyway: one WARN line says so, and the first request meets the problem.
     *
     * @param  who                   the endpoint starting, for the messages (e.g. halo-poll:tickets)
     * @throws IllegalStateException Halo refused the credentials: the reason, without any secret
     */
    public void checkCredentials(String who) throws InterruptedException {
        if (credentialsAccepted.get()) {
            return;
        }
        try {
            tokenManager.accessToken();
            credentialsAccepted.set(true);
        } catch (HaloAuthenticationException e) {
            throw new IllegalStateException(
                    who + ": Halo refused the credentials at start: " + oneLine(e.getMessage())
                                            + " (checkCredentialsOnStart=false starts without this check)",
                    e);
        } catch (HaloApiException e) {
            LOG.warn("{}: could not check the credentials at start, starting anyway: {}", who, oneLine(e.getMessage()));
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** What this connection is to: API, authorisation server, application (for the dev console and metrics). */
    public Key key() {
        return key;
    }

    /** Requests, retries, 429s and rate-governor figures of this connection's transport. */
    public HaloConnectionStatistics statistics() {
        return statistics;
    }

    public HaloTokenManager tokenManager() {
        return tokenManager;
    }

    public HaloHttpClient httpClient() {
        return httpClient;
    }

    /** The versions routes' own writes through this connection produced (see {@link OwnWrites}). */
    public OwnWrites ownWrites() {
        return ownWrites;
    }
}
