package io.camelhalo.component.halo;

import java.lang.reflect.Field;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import io.camelhalo.component.halo.auth.HaloAuthUrls;
import io.camelhalo.component.halo.auth.HaloCredentials;
import io.camelhalo.component.halo.client.HaloConnection;
import io.camelhalo.component.halo.http.HaloRateBudget;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The connection options of the Halo components: set once on the component ({@code camel.component.halo.base-url=...})
 * and copied to every endpoint, where the URI may override any of them.
 */
@UriParams
public class HaloConfiguration implements Cloneable {

    @UriParam(label = "common")
    private String baseUrl;
    @UriParam(label = "security")
    private String authUrl;
    @UriParam(label = "security")
    private String tenant;
    @UriParam(label = "security", secret = true)
    private String clientId;
    @UriParam(label = "security", secret = true)
    private String clientSecret;
    @UriParam(label = "security", defaultValue = "all")
    private String scope = "all";
    @UriParam(label = "security", defaultValue = HaloCredentials.CLIENT_CREDENTIALS,
              enums = HaloCredentials.CLIENT_CREDENTIALS + "," + HaloCredentials.REFRESH_TOKEN)
    private String grantType = HaloCredentials.CLIENT_CREDENTIALS;
    @UriParam(label = "security", secret = true)
    private String refreshToken;
    @UriParam(label = "security")
    private StateRepository<String, String> refreshTokenRepository;
    @UriParam(label = "security", secret = true)
    private String refreshTokenEncryptionKey;
    @UriParam(label = "security", defaultValue = "false")
    private boolean allowInsecureHttp;
    @UriParam(label = "security", defaultValue = "true")
    private boolean checkCredentialsOnStart = true;
    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration")
    private long connectTimeout = 10_000;
    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration")
    private long readTimeout = 60_000;
    @UriParam(label = "advanced", defaultValue = "300")
    private int rateLimit = 300;
    @UriParam(label = "advanced", defaultValue = "300000", javaType = "java.time.Duration")
    private long rateLimitWindow = 300_000;
    @UriParam(label = "advanced")
    private HaloRateBudget rateBudget;
    @UriParam(label = "advanced", defaultValue = "360000", javaType = "java.time.Duration")
    private long maxRateLimitWait = 360_000;
    @UriParam(label = "advanced", defaultValue = "3")
    private int maxRetries = 3;
    @UriParam(label = "advanced", defaultValue = "1000", javaType = "java.time.Duration")
    private long retryDelay = 1000;
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long maxRetryDelay = 30_000;
    @UriParam(label = "advanced", defaultValue = "52428800")
    private long maxResponseSize = 52_428_800;

    // not an option: the options whose setter was called (by a URI, Camel Main, Spring Boot or code), so an overlay
    // can tell "set to the default" from "not set"
    private Set<String> explicitOptions = new HashSet<>();

    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * The Halo instance, e.g. https://acme.haloitsm.com; the API is {baseUrl}/api. Plain http:// is refused unless the
     * host is loopback (localhost, an IP in 127.0.0.0/8 or ::1; not a name such as 127.example.com) or
     * allowInsecureHttp=true.
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
        explicitOptions.add("baseUrl");
    }

    public String getAuthUrl() {
        return authUrl;
    }

    /**
     * Halo's authorisation server; default {baseUrl}/auth. The token endpoint is {authUrl}/token. When not set and
     * {baseUrl}/auth/token answers 404, the server Halo names at {baseUrl}/api/authinfo is used instead, but only if it
     * is https (http on loopback only) on the registrable domain of baseUrl: that reply is unauthenticated, and the
     * client secret goes there. An authorisation server elsewhere is set here.
     */
    public void setAuthUrl(String authUrl) {
        this.authUrl = authUrl;
        explicitOptions.add("authUrl");
    }

    public String getTenant() {
        return tenant;
    }

    /** The tenant name, sent as ?tenant= on the token request (hosted Halo instances may need it). */
    public void setTenant(String tenant) {
        this.tenant = tenant;
        explicitOptions.add("tenant");
    }

    public String getClientId() {
        return clientId;
    }

    /** The client id of the API application registered in Halo (Configuration, Integrations, Halo API). */
    public void setClientId(String clientId) {
        this.clientId = clientId;
        explicitOptions.add("clientId");
    }

    public String getClientSecret() {
        return clientSecret;
    }

    /** The client secret of the API application. Never logged. */
    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
        explicitOptions.add("clientSecret");
    }

    public String getScope() {
        return scope;
    }

    /**
     * The OAuth scopes to ask for, space separated, e.g. all or read:tickets edit:tickets. A token asked for with no
     * scope is issued by Halo but refused on every call.
     */
    public void setScope(String scope) {
        this.scope = scope;
        explicitOptions.add("scope");
    }

    public String getGrantType() {
        return grantType;
    }

    /**
     * The OAuth grant: client_credentials (an API application with a client secret), or refresh_token for an
     * application authorised through Halo's consent screen (needs refreshToken).
     */
    public void setGrantType(String grantType) {
        this.grantType = grantType;
        explicitOptions.add("grantType");
    }

    public String getRefreshToken() {
        return refreshToken;
    }

    /** The refresh token for grantType=refresh_token (scope offline_access). Never logged. */
    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
        explicitOptions.add("refreshToken");
    }

    public StateRepository<String, String> getRefreshTokenRepository() {
        return refreshTokenRepository;
    }

    /**
     * Where the newest refresh token is kept for grantType=refresh_token (e.g. a FileStateRepository or
     * JdbcStateRepository), shared by every node that uses the same store: Halo rotates refresh tokens, so after a
     * restart, or once another node has refreshed, the configured one may already be spent. Each refresh reads the
     * store first; with a JdbcStateRepository it runs holding the token's row (SELECT ... FOR UPDATE), so nodes refresh
     * one after another; with any other store a node refused as spent reads the store again and retries once. If Halo
     * refuses the stored token, the configured one is tried once. Default: memory only.
     */
    public void setRefreshTokenRepository(StateRepository<String, String> refreshTokenRepository) {
        this.refreshTokenRepository = refreshTokenRepository;
        explicitOptions.add("refreshTokenRepository");
    }

    public String getRefreshTokenEncryptionKey() {
        return refreshTokenEncryptionKey;
    }

    /**
     * Encrypts the refresh token kept in refreshTokenRepository with AES-GCM (the JDK's): the Base64 of a 16, 24 or
     * 32-byte key, e.g. from openssl rand -base64 32. Every node sharing the store needs the same key. A token stored
     * in clear before the key was set is still read, and stored encrypted at the next rotation; a stored token that
     * does not decrypt (another key) is not used, and the configured refreshToken is. Never logged. Default: stored in
     * clear.
     */
    public void setRefreshTokenEncryptionKey(String refreshTokenEncryptionKey) {
        this.refreshTokenEncryptionKey = refreshTokenEncryptionKey;
        explicitOptions.add("refreshTokenEncryptionKey");
    }

    public boolean isAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    /** Allow a plain http:// base or auth URL on a host that is not loopback. Tokens then travel in clear. */
    public void setAllowInsecureHttp(boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
        explicitOptions.add("allowInsecureHttp");
    }

    public boolean isCheckCredentialsOnStart() {
        return checkCredentialsOnStart;
    }

    /**
     * Check the credentials when a route starts: one token request, once per connection, so a wrong client id or secret
     * stops the route at start with a one-line error (no secret in it) rather than failing each call or poll later.
     * When Halo cannot be reached the route starts anyway, with one WARN line. Set false to start without asking Halo
     * (e.g. when Halo is not reachable from where the application starts).
     */
    public void setCheckCredentialsOnStart(boolean checkCredentialsOnStart) {
        this.checkCredentialsOnStart = checkCredentialsOnStart;
        explicitOptions.add("checkCredentialsOnStart");
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * TLS for the calls to Halo and its authorisation server (Camel's SSLContextParameters: trust store, key store,
     * protocols), e.g. for a proxy that re-signs traffic with a company CA. Default: the JVM's.
     */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
        explicitOptions.add("sslContextParameters");
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /** How long to wait for a connection to Halo, in milliseconds (or a duration such as 10s). */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
        explicitOptions.add("connectTimeout");
    }

    public long getReadTimeout() {
        return readTimeout;
    }

    /** How long to wait for Halo's reply to one request, in milliseconds (or a duration such as 60s). */
    public void setReadTimeout(long readTimeout) {
        this.readTimeout = readTimeout;
        explicitOptions.add("readTimeout");
    }

    public int getRateLimit() {
        return rateLimit;
    }

    /**
     * The most requests sent to the tenant per rateLimitWindow, by every endpoint, route and thread together (Halo
     * limits each tenant: reported figures are 300, 450 or 500 per few minutes, so the default is the lowest). A
     * request waits for a permit rather than fail. 0 turns the limit off.
     */
    public void setRateLimit(int rateLimit) {
        this.rateLimit = rateLimit;
        explicitOptions.add("rateLimit");
    }

    public long getRateLimitWindow() {
        return rateLimitWindow;
    }

    /** The rolling window of rateLimit, in milliseconds or a duration such as 5m. */
    public void setRateLimitWindow(long rateLimitWindow) {
        this.rateLimitWindow = rateLimitWindow;
        explicitOptions.add("rateLimitWindow");
    }

    public HaloRateBudget getRateBudget() {
        return rateBudget;
    }

    /**
     * Shares rateLimit with the other JVMs that talk to the same tenant and application (Halo counts them together):
     * e.g. a JdbcRateBudget on the cluster's database, as #bean. Every node sets the same rateLimit and
     * rateLimitWindow. Default: none, the limit is this JVM's alone.
     */
    public void setRateBudget(HaloRateBudget rateBudget) {
        this.rateBudget = rateBudget;
        explicitOptions.add("rateBudget");
    }

    public long getMaxRateLimitWait() {
        return maxRateLimitWait;
    }

    /**
     * How long a request may wait in total for a rate-limit permit and through Halo's 429 replies before it fails with
     * HaloRateLimitException, in milliseconds or a duration such as 6m (long enough to outlast a 5-minute window). 429
     * replies are retried after Retry-After when Halo sends it (never sooner than retryDelay, so Retry-After: 0 is no
     * tight loop; a Retry-After longer than maxRateLimitWait fails at once, without waiting), else with exponential
     * backoff.
     */
    public void setMaxRateLimitWait(long maxRateLimitWait) {
        this.maxRateLimitWait = maxRateLimitWait;
        explicitOptions.add("maxRateLimitWait");
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    /**
     * Retries after a failed attempt: reads and deletes on connection failures, timeouts and 502/503/504; a write
     * (POST) only when it provably never reached Halo (connection refused, 503). A write that was sent and got no reply
     * is never retried: the HaloIOException says it may have been applied.
     */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
        explicitOptions.add("maxRetries");
    }

    public long getRetryDelay() {
        return retryDelay;
    }

    /** The first backoff before a retry, doubled for each further retry, with jitter (milliseconds or a duration). */
    public void setRetryDelay(long retryDelay) {
        this.retryDelay = retryDelay;
        explicitOptions.add("retryDelay");
    }

    public long getMaxRetryDelay() {
        return maxRetryDelay;
    }

    /** The longest backoff between two retries (milliseconds or a duration). */
    public void setMaxRetryDelay(long maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
        explicitOptions.add("maxRetryDelay");
    }

    public long getMaxResponseSize() {
        return maxResponseSize;
    }

    /**
     * The largest reply body read into memory, in bytes (default 50 MiB); a larger one fails with HaloIOException
     * instead of exhausting memory.
     */
    public void setMaxResponseSize(long maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
        explicitOptions.add("maxResponseSize");
    }

    /** The effective authorisation server URL. */
    public String effectiveAuthUrl() {
        if (authUrl != null && !authUrl.isBlank()) {
            return stripTrailingSlash(authUrl);
        }
        return baseUrl == null ? null : stripTrailingSlash(baseUrl) + "/auth";
    }

    /** The API root, {baseUrl}/api. */
    public String apiUrl() {
        return stripTrailingSlash(baseUrl) + "/api";
    }

    private static String stripTrailingSlash(String url) {
        String u = url.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    /**
     * Checks the options before any request is made.
     *
     * @throws IllegalArgumentException naming the bad value and what is allowed
     */
    public void validate() {
        requireUrl("baseUrl", baseUrl, true);
        String basePath = URI.create(baseUrl.trim()).getPath();
        if (basePath != null && !basePath.isEmpty() && !basePath.equals("/")) {
            throw new IllegalArgumentException(
                    "Invalid baseUrl '" + baseUrl + "': give the Halo instance's address only, e.g. "
                                               + "https://acme.haloitsm.com, without a path such as '" + basePath
                                               + "' (the component adds /api itself; with a path every call misses "
                                               + "and Halo's 404 would look like a credentials problem)");
        }
        requireUrl("authUrl", authUrl, false);
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException(
                    "clientId is required: the client id of the API application in Halo "
                                               + "(Configuration > Integrations > Halo API > Applications)");
        }
        if (HaloCredentials.CLIENT_CREDENTIALS.equals(grantType)) {
            if (clientSecret == null || clientSecret.isBlank()) {
                throw new IllegalArgumentException("clientSecret is required for grantType=client_credentials");
            }
        } else if (HaloCredentials.REFRESH_TOKEN.equals(grantType)) {
            if (refreshToken == null || refreshToken.isBlank()) {
                throw new IllegalArgumentException("refreshToken is required for grantType=refresh_token");
            }
        } else {
            throw new IllegalArgumentException(
                    "Invalid grantType '" + grantType + "'. Allowed: " + HaloCredentials.CLIENT_CREDENTIALS + ", "
                                               + HaloCredentials.REFRESH_TOKEN);
        }
        if (refreshTokenEncryptionKey != null && !refreshTokenEncryptionKey.isBlank()) {
            HaloCredentials.checkEncryptionKey(refreshTokenEncryptionKey);
        }
        if (rateLimit < 0 || rateLimitWindow <= 0 || maxRateLimitWait < 0) {
            throw new IllegalArgumentException(
                    "Invalid rate limit settings (rateLimit " + rateLimit + ", rateLimitWindow " + rateLimitWindow
                                               + " ms, maxRateLimitWait " + maxRateLimitWait
                                               + " ms): rateLimit 0 (off) or more, a positive window, a wait of 0 or more");
        }
        if (maxRetries < 0 || retryDelay < 0 || maxRetryDelay < 0) {
            throw new IllegalArgumentException(
                    "Invalid retry settings (maxRetries " + maxRetries + ", retryDelay " + retryDelay
                                               + " ms, maxRetryDelay " + maxRetryDelay + " ms): each must be 0 or more");
        }
        if (maxResponseSize < 1024) {
            throw new IllegalArgumentException(
                    "Invalid maxResponseSize " + maxResponseSize + ": at least 1024 bytes");
        }
        if (connectTimeout <= 0 || readTimeout <= 0) {
            throw new IllegalArgumentException(
                    "Invalid timeout (connectTimeout " + connectTimeout + " ms, readTimeout " + readTimeout
                                               + " ms): both must be positive");
        }
    }

    private void requireUrl(String option, String url, boolean required) {
        if (url == null || url.isBlank()) {
            if (required) {
                throw new IllegalArgumentException(
                        option + " is required: the address of your Halo instance, e.g. https://acme.haloitsm.com");
            }
            return;
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Invalid " + option + " '" + url + "': " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "Invalid " + option + " '" + url + "': expected an https:// URL such as https://acme.haloitsm.com");
        }
        if (scheme.equals("http") && !allowInsecureHttp && !HaloAuthUrls.isLoopback(uri.getHost())) {
            throw new IllegalArgumentException(
                    "Refusing plain http " + option + " '" + url + "': tokens and data would travel unencrypted. "
                                               + "Use https://, or set allowInsecureHttp=true if you really must");
        }
    }

    /**
     * What makes two endpoints share a connection (HTTP client, token): the API, authorisation server and credentials.
     */
    public HaloConnection.Key connectionKey() {
        boolean authUrlGiven = authUrl != null && !authUrl.isBlank();
        return new HaloConnection.Key(
                apiUrl(), effectiveAuthUrl(), tenant, clientId, grantType, scope, clientSecret,
                refreshToken, refreshTokenRepository, refreshTokenEncryptionKey,
                authUrlGiven ? null : apiUrl() + "/authinfo",
                sslContextParameters);
    }

    /** What makes two connections share a rate governor: the same tenant and application. */
    public HaloConnection.TenantKey tenantKey() {
        return new HaloConnection.TenantKey(apiUrl(), tenant, clientId);
    }

    /**
     * This configuration laid over {@code base}: every option whose setter was called here wins, even when it was set
     * to its default (halo-poll's allowInsecureHttp=false over halo's true), and every other option comes from
     * {@code base}. How halo-poll and halo-webhook take a partial {@code camel.component.<scheme>.*} configuration.
     */
    public HaloConfiguration overriding(HaloConfiguration base) {
        HaloConfiguration merged = base.copy();
        try {
            for (String option : explicitOptions) {
                Field field = HaloConfiguration.class.getDeclaredField(option);
                field.set(merged, field.get(this));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e); // each name is one of our own fields, added by its setter
        }
        merged.explicitOptions.addAll(explicitOptions);
        return merged;
    }

    /** A copy for one endpoint, so the URI's options do not change the component's defaults. */
    public HaloConfiguration copy() {
        try {
            HaloConfiguration copy = (HaloConfiguration) super.clone();
            copy.explicitOptions = new HashSet<>(explicitOptions);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
