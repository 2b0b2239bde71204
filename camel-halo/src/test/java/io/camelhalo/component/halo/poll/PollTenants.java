package io.camelhalo.component.halo.poll;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.camelhalo.component.halo.api.ChangeDetection;
import io.camelhalo.component.halo.api.HaloResource;
import io.camelhalo.sandbox.HaloSandboxOptions;
import io.camelhalo.sandbox.TenantMode;

/**
 * The tenants the poll tests run against ({@code @ParameterizedClass}): the sandbox as halo-api.md documents Halo, then
 * each real-tenant mode alone, so a poll is proven against every way a real tenant may answer.
 */
final class PollTenants {

    /**
     * Whether a poll of the resource on this tenant costs what the README promises (one request when idle, one per page
     * of changes). It costs more, by design, where a fact turned out otherwise: list items without the last-modified
     * field are each read by id; a list that ignores the order asked for is read to its end on every poll; stamps to
     * the whole second make a burst within one second come back on every poll until a newer change; a refused sort key
     * costs a second request once and, without a working filter, every page. Correctness (every change once, in order)
     * is asserted under every mode.
     */
    static boolean pollCostsAsDocumented(Tenant tenant, String resource) {
        Set<TenantMode> modes = tenant.modes();
        boolean newestFirst = HaloResource.fromUriName(resource).changeDetection() == ChangeDetection.NEWEST_FIRST;
        return !modes.contains(TenantMode.SLIM_LIST_ITEMS) && !modes.contains(TenantMode.TIMESTAMPS_WITHOUT_FRACTION)
                && !(newestFirst && modes.contains(TenantMode.ORDER_IGNORED))
                && !modes.contains(TenantMode.UNKNOWN_ORDER_REFUSED); // see HaloPollCeilingTest for its cost
    }

    /** How far apart the tests' changes are stamped: far enough for the tenant's stamps to tell them apart. */
    static Duration changeSpacing(Tenant tenant) {
        return tenant.modes().contains(TenantMode.TIMESTAMPS_WITHOUT_FRACTION)
                ? Duration.ofSeconds(1)
                : Duration.ofMillis(5);
    }

    /** A tenant: a name for the report and the modes on. */
    record Tenant(String name, Set<TenantMode> modes) {
        @Override
        public String toString() {
            return name;
        }

        /** How the sandbox starts for this tenant. */
        HaloSandboxOptions options() {
            return HaloSandboxOptions.defaults().withModes(modes.toArray(new TenantMode[0]));
        }
    }

    private PollTenants() {
    }

    /** The documented sandbox, then one tenant per mode. */
    static List<Tenant> tenants() {
        List<Tenant> tenants = new ArrayList<>();
        tenants.add(new Tenant("as documented", Set.of()));
        for (TenantMode mode : TenantMode.values()) {
            tenants.add(new Tenant(mode.name(), EnumSet.of(mode)));
        }
        return tenants;
    }
}
