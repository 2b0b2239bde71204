package io.camelhalo.sandbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which real-tenant modes are on, and where: a mode is on for every resource, or scoped to some resources only (a real
 * tenant may honour {@code lastupdatefromdate} on {@code /Tickets} and ignore it on {@code /Users}). A scoped mode
 * applies to the requests on its resources and to nothing else. Immutable.
 *
 * @param everywhere the modes on for every resource
 * @param scoped     each scoped mode and the resources it is on for (by {@link SandboxResource#resourceName()}); a mode
 *                   is in one of the two at most
 */
record TenantModes(Set<TenantMode> everywhere, Map<TenantMode, Set<String>> scoped) {

    static final TenantModes NONE = new TenantModes(Set.of(), Map.of());

    TenantModes {
        everywhere = everywhere.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(everywhere));
        Map<TenantMode, Set<String>> copy = new EnumMap<>(TenantMode.class);
        scoped.forEach((mode, resources) -> {
            if (!resources.isEmpty()) {
                copy.put(mode, Collections.unmodifiableSet(new TreeSet<>(resourceNames(resources.toArray(new String[0])))));
            }
        });
        copy.keySet().removeAll(everywhere);
        scoped = Collections.unmodifiableMap(copy);
    }

    /** Exactly these modes on, for every resource. */
    static TenantModes everywhere(Set<TenantMode> on) {
        return new TenantModes(on, Map.of());
    }

    /** The modes on for requests on this resource. */
    Set<TenantMode> on(SandboxResource r) {
        if (scoped.isEmpty()) {
            return everywhere;
        }
        Set<TenantMode> on = EnumSet.noneOf(TenantMode.class);
        on.addAll(everywhere);
        scoped.forEach((mode, resources) -> {
            if (resources.contains(r.resourceName())) {
                on.add(mode);
            }
        });
        return on;
    }

    /**
     * A copy with the mode on for these resources only (replacing where it was on), or for every resource when none is
     * named.
     */
    TenantModes with(TenantMode mode, String... resources) {
        Set<TenantMode> all = EnumSet.noneOf(TenantMode.class);
        all.addAll(everywhere);
        Map<TenantMode, Set<String>> some = new EnumMap<>(TenantMode.class);
        some.putAll(scoped);
        if (resources.length == 0) {
            all.add(mode);
            some.remove(mode);
        } else {
            all.remove(mode);
            some.put(mode, resourceNames(resources));
        }
        return new TenantModes(all, some);
    }

    /**
     * Parses {@code NAME} (on for every resource) or {@code NAME:resource,resource} (on for those only), as
     * {@code --mode} and {@code PUT /sandbox/modes} take them, into this set plus that mode.
     *
     * @throws IllegalArgumentException naming the bad mode or resource and what is allowed
     */
    TenantModes with(String spec) {
        int colon = spec.indexOf(':');
        String name = (colon < 0 ? spec : spec.substring(0, colon)).trim().toUpperCase(Locale.ROOT);
        TenantMode mode;
        try {
            mode = TenantMode.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown tenant mode '" + name + "'; any of " + Arrays.toString(TenantMode.values()), e);
        }
        if (colon < 0) {
            return with(mode);
        }
        return with(mode, requireSome(mode, spec.substring(colon + 1).split(",")));
    }

    /** The modes as {@link #with(String)} reads them: {@code NAME} or {@code NAME:resource,resource}, sorted. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        everywhere.forEach(m -> names.add(m.name()));
        scoped.forEach((m, resources) -> names.add(m.name() + ":" + String.join(",", resources)));
        Collections.sort(names);
        return names;
    }

    /**
     * The resources named, for a mode scoped to them.
     *
     * @throws IllegalArgumentException when none is named
     */
    static String[] requireSome(TenantMode mode, String... resources) {
        if (resources == null || Arrays.stream(resources).allMatch(r -> r == null || r.isBlank())) {
            throw new IllegalArgumentException(
                    "name the resources to switch " + mode + " on for, any of " + allowedNames()
                                               + " (setModes switches a mode on for every resource)");
        }
        return resources;
    }

    /**
     * Our lowercase names for these resources, each looked up by name ({@code users}) or Halo path ({@code Users}).
     *
     * @throws IllegalArgumentException naming the unknown resource and the names allowed
     */
    static Set<String> resourceNames(String... resources) {
        Set<String> names = new LinkedHashSet<>();
        for (String raw : resources) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            String wanted = raw.trim();
            SandboxResource r = SandboxResource.byName(wanted.toLowerCase(Locale.ROOT))
                    .or(() -> SandboxResource.byPath(wanted))
                    .orElseThrow(() -> new IllegalArgumentException(
                            "unknown resource '" + wanted + "' to scope a tenant mode to; any of " + allowedNames()));
            names.add(r.resourceName());
        }
        return names;
    }

    private static List<String> allowedNames() {
        return Arrays.stream(SandboxResource.values()).map(SandboxResource::resourceName).toList();
    }
}
