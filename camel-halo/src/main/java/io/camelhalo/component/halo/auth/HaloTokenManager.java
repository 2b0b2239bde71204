package io.camelhalo.component.halo.auth;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelhalo.component.halo.error.HaloApiException;
import io.camelhalo.component.halo.error.HaloAuthenticationException;
import io.camelhalo.component.halo.error.HaloRateLimitException;
import io.camelhalo.component.halo.http.HaloAccessTokens;
import io.camelhalo.component.halo.http.HaloErrorMessages;
import io.camelhalo.component.halo.http.HaloReply;
import io.camelhalo.component.halo.http.HaloRequestLabel;
import io.camelhalo.component.halo.http.HaloTransport;
import org.apache.camel.spi.StateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the OAuth 2.0 access token of one Halo connection and renews it. Every endpoint and thread of the connection
 * asks here: the token is fetched once, renewed a margin before {@code expires_in} runs out, and renewed by one thread
 * while the others wait for it.
 */
public final class HaloTokenManager implements HaloAccessTokens {

    private static final Logger LOG = LoggerFactory.getLogger(HaloTokenManager.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration MAX_MARGIN = Duration.ofSeconds(60);
    private static final long DEFAULT_EXPIRES_IN = 3600;

    private final HaloTransport transport;
    private final HaloCredentials credentials;
    private final Duration requestTimeout;
    private final Clock clock;
    private final ReentrantLock renewLock = new ReentrantLock();
    private final AtomicReference<AccessToken> current = new AtomicReference<>();
    /** Where the newest refresh token is shared with other nodes and restarts; null for memory only. */
    private final RefreshTokenStore refreshTokenStore;
    /** Where Halo names its authorisation server, asked once if the default one has no token endpoint; or null. */
    private final String authInfoUrl;
    private volatile String authUrl;
    private volatile boolean discoveryTried;
    /** Why the authorisation server Halo named was not used, for the token error; or null. */
    private volatile String discoveryRefusal;
    private volatile String refreshToken;
    /** The scope Halo granted with the last token, asked for again on a refresh (never more than was granted). */
    private volatile String grantedScope;

    /**
     * @param refreshTokenStore where rotated refresh tokens are kept across restarts, or {@code null} (memory only)
     * @param authInfoUrl       {@code {baseUrl}/api/authinfo} when the authorisation server was not configured: asked
     *                          once, if the default one answers 404, for the server Halo names ({@code auth_url})
     */
    public HaloTokenManager(HaloTransport transport, HaloCredentials credentials, Duration requestTimeout, Clock clock,
                            StateRepository<String, String> refreshTokenStore, String authInfoUrl) {
        this(transport, credentials, requestTimeout, clock, refreshTokenStore, null, authInfoUrl);
    }

    /**
     * @param refreshTokenStore   where rotated refresh tokens are kept across restarts and shared by the nodes of a
     *                            cluster, or {@code null} (memory only)
     * @param refreshTokenKeyBase Base64 of the AES key the stored refresh token is encrypted with, or {@code null} to
     *                            store it in clear
     * @param authInfoUrl         {@code {baseUrl}/api/authinfo} when the authorisation server was not configured
     */
    public HaloTokenManager(HaloTransport transport, HaloCredentials credentials, Duration requestTimeout, Clock clock,
                            StateRepository<String, String> refreshTokenStore, String refreshTokenKeyBase,
                            String authInfoUrl) {
        this.transport = transport;
        this.authInfoUrl = authInfoUrl;
        this.authUrl = credentials.authUrl();
        this.credentials = credentials;
        this.requestTimeout = requestTimeout;
        this.clock = clock;
        this.refreshToken = credentials.refreshToken();
        if (refreshTokenStore != null && HaloCredentials.REFRESH_TOKEN.equals(credentials.grantType())) {
            this.refreshTokenStore = new RefreshTokenStore(refreshTokenStore, storeKey(), refreshTokenKeyBase);
            String stored = this.refreshTokenStore.read();
            if (stored != null) {
                refreshToken = stored; // the newest Halo handed out, which the configured one may predate
            }
        } else {
            this.refreshTokenStore = null;
        }
    }

    private String storeKey() {
        return "halo-refresh-token|" + credentials.authUrl() + "|" + (credentials.tenant() == null ? "" : credentials.tenant())
               + "|" + credentials.clientId();
    }

    @Override
    public String accessToken() throws InterruptedException, HaloApiException {
        return accessToken(transport, true);
    }

    /**
     * The same tokens for a request that must not wait (the readiness probe): a fresh token is returned as usual; a
     * renewal is sent through the transport's {@link HaloTransport#withoutWaiting() no-wait} form, and fails at once
     * while another thread is renewing the token (that thread may be the one waiting for a permit).
     *
     * @return tokens whose {@code accessToken()} throws a {@link HaloRateLimitException} rather than wait
     */
    public HaloAccessTokens withoutWaiting() {
        HaloTransport noWait = transport.withoutWaiting();
        return new HaloAccessTokens() {
            @Override
            public String accessToken() throws InterruptedException, HaloApiException {
                return HaloTokenManager.this.accessToken(noWait, false);
            }

            @Override
            public void invalidate(String refusedToken) {
                HaloTokenManager.this.invalidate(refusedToken);
            }
        };
    }

    private String accessToken(HaloTransport via, boolean wait) throws InterruptedException, HaloApiException {
        AccessToken token = current.get();
        if (token != null && token.isFresh(clock.millis())) { // millis(): no Instant allocated per call
            return token.value();
        }
        if (wait) {
            renewLock.lockInterruptibly();
        } else if (!renewLock.tryLock()) {
            throw new HaloRateLimitException(
                    0, "POST", tokenUrl(), null, null,
                    "Another request is renewing the access token and this one does not wait; nothing was sent");
        }
        try {
            token = current.get();
            if (token != null && token.isFresh(clock.millis())) {
                return token.value(); // another thread renewed it while this one waited
            }
            AccessToken renewed = refreshTokenStore == null
                    ? renewInMemory(via)
                    : refreshTokenStore.refresh(stored -> renewFromStore(via, stored));
            current.set(renewed);
            return renewed.value();
        } finally {
            renewLock.unlock();
        }
    }

    /** A renewal with nothing shared: the token in memory, then the configured one once if that is refused. */
    private AccessToken renewInMemory(HaloTransport via) throws InterruptedException, HaloApiException {
        try {
            return requestToken(via);
        } catch (HaloAuthenticationException refused) {
            if (refreshToken == null || refreshToken.equals(credentials.refreshToken())) {
                throw refused;
            }
            // the refresh token in use was refused (spent, or revoked since): try the configured one once
            LOG.warn("Halo refused the refresh token in use; trying the configured refreshToken");
            refreshToken = credentials.refreshToken();
            return requestToken(via);
        }
    }

    /**
     * A renewal with the refresh token in the shared store, under its lock if it has one: the stored token first (a
     * node that rotated it stored the new one); if Halo refuses it as spent and the store has no lock, the store again
     * (another node may have rotated it meanwhile) once; then the configured token once. The token Halo hands out is
     * stored when it is not the stored one.
     *
     * @param stored the token in the store now, or {@code null}
     */
    private RefreshTokenStore.Result<AccessToken> renewFromStore(HaloTransport via, String stored)
            throws InterruptedException, HaloApiException {
        if (stored != null) {
            refreshToken = stored;
        }
        String sent = refreshToken;
        HaloAuthenticationException refused;
        try {
            return storing(requestToken(via), stored);
        } catch (HaloAuthenticationException e) {
            refused = e;
        }
        String again = refreshTokenStore.locks() || !isInvalidGrant(refused) ? null : refreshTokenStore.read();
        if (again != null && !again.equals(sent)) {
            LOG.info("Halo refused the refresh token as spent, and another node has stored a newer one: retrying once");
            refreshToken = again;
            sent = again;
            try {
                return storing(requestToken(via), again);
            } catch (HaloAuthenticationException e) {
                refused = e;
            }
        }
        String configured = credentials.refreshToken();
        if (configured == null || configured.equals(sent) || configured.equals(stored)) {
            throw refused;
        }
        LOG.warn("Halo refused the stored refresh token; trying the configured refreshToken");
        refreshToken = configured;
        return storing(requestToken(via), stored);
    }

    /** The renewed token, and the refresh token to store if Halo's newest is not the one stored. */
    private RefreshTokenStore.Result<AccessToken> storing(AccessToken renewed, String stored) {
        String newest = refreshToken;
        return new RefreshTokenStore.Result<>(renewed, newest != null && !newest.equals(stored) ? newest : null);
    }

    private static boolean isInvalidGrant(HaloAuthenticationException refused) {
        String body = refused.getResponseBody();
        return refused.getStatusCode() == 400 && body != null && body.contains("invalid_grant");
    }

    /**
     * Forgets a token Halo refused (a 401), so the next {@link #accessToken()} asks for a new one. A token that was
     * already replaced is left alone, so many threads seeing the same 401 cause one renewal.
     */
    @Override
    public void invalidate(String refusedToken) {
        AccessToken token = current.get();
        if (token != null && token.value().equals(refusedToken)) {
            current.compareAndSet(token, null);
        }
    }

    /** The token endpoint of the authorisation server in use, with the tenant when there is one. */
    private String tokenUrl() {
        String tokenUrl = authUrl + "/token";
        return credentials.tenant() != null && !credentials.tenant().isBlank()
                ? tokenUrl + "?tenant=" + encode(credentials.tenant()) : tokenUrl;
    }

    /** @param via the transport to send it through: the connection's, or its no-wait form */
    private AccessToken requestToken(HaloTransport via) throws InterruptedException, HaloApiException {
        String tokenUrl = tokenUrl();
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl))
                .timeout(requestTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form()))
                .build();
        Instant sentAt = clock.instant();
        // a token request changes nothing in Halo: safe to retry like a read
        HaloReply response = via.send(request, true, tokenUrl, HaloRequestLabel.TOKEN);
        if (response.status() == 404 && authInfoUrl != null && discoverAuthUrl(via)) {
            return requestToken(via); // the server Halo named, once (discoverAuthUrl answers false from then on)
        }
        if (response.status() != 200) {
            throw tokenError(tokenUrl, response);
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw HaloAuthenticationException.unusableTokenReply(tokenUrl, "The token endpoint did not answer JSON: "
                                                                           + "check authUrl (it should be Halo's authorisation server, e.g. https://acme.haloitsm.com/auth)");
        }
        JsonNode accessToken = json.get("access_token");
        if (accessToken == null || accessToken.asText().isBlank()) {
            throw HaloAuthenticationException.unusableTokenReply(tokenUrl,
                    "The token endpoint's reply has no access_token: check authUrl");
        }
        JsonNode rotated = json.get("refresh_token");
        if (rotated != null && !rotated.asText().isBlank() && !rotated.asText().equals(refreshToken)) {
            refreshToken = rotated.asText(); // Halo rotates refresh tokens: keep the newest (the caller stores it)
        }
        JsonNode scope = json.get("scope");
        if (scope != null && scope.isTextual() && !scope.asText().isBlank()) {
            grantedScope = scope.asText();
        }
        long expiresIn = json.path("expires_in").asLong(DEFAULT_EXPIRES_IN);
        Duration lifetime = Duration.ofSeconds(expiresIn > 0 ? expiresIn : DEFAULT_EXPIRES_IN);
        // renew before expiry: a tenth of the lifetime, at most a minute, to absorb clock skew and slow requests
        Duration margin = lifetime.dividedBy(10).compareTo(MAX_MARGIN) < 0 ? lifetime.dividedBy(10) : MAX_MARGIN;
        LOG.debug("Obtained a Halo access token from {} for {} (expires in {} s)", tokenUrl, credentials.scope(),
                expiresIn);
        transport.statistics().tokenIssued(sentAt.plus(lifetime));
        return new AccessToken(accessToken.asText(), sentAt.plus(lifetime).minus(margin).toEpochMilli());
    }

    private String form() {
        Map<String, String> fields = new LinkedHashMap<>();
        if (HaloCredentials.REFRESH_TOKEN.equals(credentials.grantType())) {
            fields.put("grant_type", HaloCredentials.REFRESH_TOKEN);
            fields.put("refresh_token", refreshToken);
        } else {
            fields.put("grant_type", HaloCredentials.CLIENT_CREDENTIALS);
        }
        fields.put("client_id", credentials.clientId());
        if (credentials.clientSecret() != null) {
            fields.put("client_secret", credentials.clientSecret());
        }
        String scope = HaloCredentials.REFRESH_TOKEN.equals(credentials.grantType()) && grantedScope != null
                ? grantedScope : credentials.scope();
        if (scope != null && !scope.isBlank()) {
            fields.put("scope", scope);
        }
        return fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /**
     * Asks Halo where its authorisation server is ({@code GET /api/authinfo}, as the HaloAPI client does), for a tenant
     * whose server is not at {baseUrl}/auth. True when it named another one, which is used from now on.
     */
    private boolean discoverAuthUrl(HaloTransport via) throws InterruptedException, HaloRateLimitException {
        if (discoveryTried) {
            return false;
        }
        discoveryTried = true;
        try {
            HaloReply info = via.send(HttpRequest.newBuilder(URI.create(authInfoUrl)).timeout(requestTimeout)
                    .header("Accept", "application/json").GET().build(), true, authInfoUrl, HaloRequestLabel.TOKEN);
            JsonNode named = info.isSuccess() ? MAPPER.readTree(info.body()).path("auth_url") : null;
            if (named != null && named.isTextual() && !named.asText().isBlank()) {
                String discovered = named.asText().trim().replaceAll("/+$", "");
                String refusal = HaloAuthUrls.refusal(discovered, authInfoUrl);
                if (refusal != null) {
                    discoveryRefusal = "Halo's " + authInfoUrl + " named the authorisation server '"
                                       + HaloAuthUrls.printable(discovered) + "', which is not used: " + refusal
                                       + ". If that really is Halo's authorisation server, set authUrl to it";
                    LOG.warn("{}", discoveryRefusal);
                    return false;
                }
                if (!discovered.equals(authUrl)) {
                    LOG.info("Halo's token endpoint is not at {}; using the authorisation server Halo names at {}: {}",
                            authUrl, authInfoUrl, discovered);
                    authUrl = discovered;
                    return true;
                }
            }
        } catch (HaloRateLimitException notAsked) {
            discoveryTried = false; // Halo did not answer it (no permit, or a 429): ask again next time
            throw notAsked;
        } catch (HaloApiException | IOException | RuntimeException e) {
            LOG.debug("No authorisation server from {}: {}", authInfoUrl, e.toString());
        }
        return false;
    }

    private HaloApiException tokenError(String tokenUrl, HaloReply response) {
        String body = response.bodyAsString();
        String oauthError = null;
        try {
            JsonNode json = MAPPER.readTree(body);
            oauthError = json != null && json.hasNonNull("error") ? json.get("error").asText() : null;
        } catch (IOException notJson) {
            // HTML or text: handled below
        }
        String advice;
        if (response.status() >= 500 && HaloErrorMessages.isHtml(body)) {
            advice = "Halo's token endpoint answered an HTML error page. This usually means the API application has "
                     + "no agent to log in as: set 'Login Type: Agent' and an agent on the application "
                     + "(Configuration > Integrations > Halo API > Applications)";
        } else if ("invalid_client".equals(oauthError)) {
            advice = "Check clientId and clientSecret against the API application in Halo "
                     + "(Configuration > Integrations > Halo API > Applications)";
        } else if ("invalid_scope".equals(oauthError)) {
            advice = "Halo refused scope '" + credentials.scope() + "'. Use scopes the application allows, e.g. all, "
                     + "all:standard, read:tickets edit:tickets, read:customers edit:customers, offline_access";
        } else if ("invalid_grant".equals(oauthError)) {
            advice = "Halo refused the refresh token (expired or revoked): authorise the application again and "
                     + "set a new refreshToken";
        } else if ("unsupported_grant_type".equals(oauthError) || "unauthorized_client".equals(oauthError)) {
            advice = "The application does not allow grant type '" + credentials.grantType()
                     + "': use client_credentials for an API application with a client secret";
        } else if (response.status() == 404 && discoveryRefusal != null) {
            advice = discoveryRefusal;
        } else {
            advice = "Check authUrl, tenant and the application's credentials";
        }
        if (response.status() >= 500 && oauthError == null && !HaloErrorMessages.isHtml(body)) {
            return response.failure("Halo's token endpoint failed", true);
        }
        return new HaloAuthenticationException(
                response.status(), "POST", tokenUrl, response.headerMap(), body,
                HaloErrorMessages.extract(body), advice, true);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private record AccessToken(String value, long renewAtMillis) {
        boolean isFresh(long nowMillis) {
            return nowMillis < renewAtMillis;
        }

        @Override
        public String toString() {
            return "AccessToken[renewAt=" + Instant.ofEpochMilli(renewAtMillis) + "]";
        }
    }
}
