package io.camelhalo.sandbox;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
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
 * @param modes         the real-tenant modes switched on for every resource ({@link TenantMode}); empty: as documented
 * @param scopedModes   the real-tenant modes switched on for some resources only, each with their names ({@code users},
 *                      {@code invoices}; see {@link #withModeFor})
 */
public record HaloSandboxOptions(int port, String clientId, String clientSecret, Duration tokenLifetime,
        boolean seedData, Set<TenantMode> modes, Map<TenantMode, Set<String>> scopedModes) {

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
        Objects.requireNonNull(scopedModes, "scopedModes");
        TenantModes on = new TenantModes(modes, scopedModes); // a mode on everywhere is not also scoped
        modes = on.everywhere();
        scopedModes = on.scoped();
    }

    /** Options with no mode scoped to some resources only (as before scoped modes existed). */
    public HaloSandboxOptions(int port, String clientId, String clientSecret, Duration tokenLifetime, boolean seedData,
                              Set<TenantMode> modes) {
        this(port, clientId, clientSecret, tokenLifetime, seedData, modes, Map.of());
    }

    /** The modes as the sandbox holds them. */
    TenantModes tenantModes() {
        return new TenantModes(modes, scopedModes);
    }

    /** Any free port, the default credentials, one-hour tokens and the demo data. */
    public static HaloSandboxOptions defaults() {
        return new HaloSandboxOptions(
                0, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_TOKEN_LIFETIME, true, Set.of(), Map.of());
    }

    /** A copy with another port. */
    public HaloSandboxOptions withPort(int p) {
        return new HaloSandboxOptions(p, clientId, clientSecret, tokenLifetime, seedData, modes, scopedModes);
    }

    /** A copy with another client id. */
    public HaloSandboxOptions withClientId(String id) {
        return new HaloSandboxOptions(port, id, clientSecret, tokenLifetime, seedData, modes, scopedModes);
    }

    /** A copy with another client secret. */
    public HaloSandboxOptions withClientSecret(String secret) {
        return new HaloSandboxOptions(port, clientId, secret, tokenLifetime, seedData, modes, scopedModes);
    }

    /** A copy with another token lifetime. */
    public HaloSandboxOptions withTokenLifetime(Duration lifetime) {
        return new HaloSandboxOptions(port, clientId, clientSecret, lifetime, seedData, modes, scopedModes);
    }

    /** A copy with exactly these real-tenant modes on, for every resource (and none scoped to some resources). */
    public HaloSandboxOptions withModes(TenantMode... on) {
        return new HaloSandboxOptions(port, clientId, clientSecret, tokenLifetime, seedData, Set.copyOf(Arrays.asList(on)));
    }

    /**
     * A copy with this real-tenant mode on for these resources only (replacing where it was on), the other modes as
     * they are: {@code withModeFor(TenantMode.UPDATED_FILTER_IGNORED, "users", "clients")}. A resource is named as the
     * sandbox's {@code put} and {@code records} name it ({@code users}) or by its Halo path ({@code Users}).
     *
     * @throws IllegalArgumentException when no resource is named, or one is unknown (the message lists the names)
     */
    public HaloSandboxOptions withModeFor(TenantMode mode, String... resources) {
        TenantModes on = tenantModes().with(Objects.requireNonNull(mode, "mode"), TenantModes.requireSome(mode, resources));
        return new HaloSandboxOptions(port, clientId, clientSecret, tokenLifetime, seedData, on.everywhere(), on.scoped());
    }

    /** A copy with the demo data set on or off. */
    public HaloSandboxOptions withSeedData(boolean seed) {
        return new HaloSandboxOptions(port, clientId, clientSecret, tokenLifetime, seed, modes, scopedModes);
    }
}
