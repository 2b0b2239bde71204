package io.camelhalo.sandbox;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How to start a {@link HaloSandbox}. Start from {@link #defaults()} and change what you need:
 * {@code HaloSandboxOptions.defaults().withPort(8089).withSeedData(false)}.
 *
 * @param port          the loopback port to bind; 0 picks a free one
 * @param clientId      the one OAuth client the token endpoint accepts
 * @param clientSecret  its secret
 * @param tokenLifetime lifetime ({@code expires_in}) of issued access tokens
 * @param seedData      whether to load the demo data set
 * @param modes         the real-tenant modes switched on ({@link TenantMode}); empty: as documented
 */
public record HaloSandboxOptions(int port, String clientId, String clientSecret, Duration tokenLifetime,
        boolean seedData, Set<TenantMode> modes) {

    /** Default client id. */
    public static final String DEFAULT_CLIENT_ID = "sandbox-client";
    /** Default client secret. */
    public static final String DEFAULT_CLIENT_SECRET = "sandbox-secret";
    /** Default token lifetime, as Halo issues them. */
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(3600);

    /** Validates the options. */
    public HaloSandboxOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        Objects.requireNonNull(modes, "modes");
        modes = modes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(modes));
    }

    /** Any free port, the default credentials, one-hour tokens and the demo data. */
    public static HaloSandboxOptions defaults() {
        return new HaloSandboxOptions(0, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_TOKEN_LIFETIME, true, Set.of());
    }

    /** A copy with another port. */
    public HaloSandboxOptions withPort(int p) {
        return new HaloSandboxOptions(p, clientId, clientSecret, tokenLifetime, seedData, modes);
    }

    /** A copy with another client id. */
    public HaloSandboxOptions withClientId(String id) {
        return new HaloSandboxOptions(port, id, clientSecret, tokenLifetime, seedData, modes);
    }

    /** A copy with another client secret. */
    public HaloSandboxOptions withClientSecret(String secret) {
        return new HaloSandboxOptions(port, clientId, secret, tokenLifetime, seedData, modes);
    }

    /** A copy with another token lifetime. */
    public HaloSandboxOptions withTokenLifetime(Duration lifetime) {
        return new HaloSandboxOptions(port, clientId, clientSecret, lifetime, seedData, modes);
    }

    /** A copy with exactly these real-tenant modes on. */
    public HaloSandboxOptions withModes(TenantMode... on) {
        return new HaloSandboxOptions(port, clientId, clientSecret, tokenLifetime, seedData, Set.copyOf(Arrays.asList(on)));
    }

    /** A copy with the demo data set on or off. */
    public HaloSandboxOptions withSeedData(boolean seed) {
        return new HaloSandboxOptions(port, clientId, clientSecret, tokenLifetime, seed, modes);
    }
}
