package io.camelhalo.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The text {@code java -jar halo-sandbox.jar --help} prints: the options, the credentials a route needs, and the demo
 * data set, read from the data itself so the help cannot drift from it.
 */
final class SandboxHelp {

    private static final int NAMES_SHOWN = 3;

    private SandboxHelp() {
    }

    static String text(HaloSandboxOptions defaults) {
        StringBuilder help = new StringBuilder()
                .append("usage: java -jar halo-sandbox.jar [--port N] [--client-id ID] [--client-secret SECRET] [--no-seed] [--mode TENANT_MODE[:resource,...]]... [--change-tickets SECONDS]\n")
                .append("A stateful emulator of the Halo ITSM / PSA REST API on 127.0.0.1, for tests and demos.\n")
                .append("--change-tickets N changes one ticket every N seconds, the tickets in turn (for a demo).\n")
                .append("--mode NAME switches a real-tenant mode on for every resource; --mode NAME:users,clients for\n")
                .append("  those resources only (a tenant may ignore lastupdatefromdate on /Users and honour it on\n")
                .append("  /Tickets). Repeatable. Modes (see docs/HALO-FACTS.md for the evidence of each):\n");
        for (TenantMode mode : TenantMode.values()) {
            help.append(String.format("  %-32s %s%n", mode.name(), mode.evidence()));
        }
        help.append('\n')
                .append("Connection (defaults):\n")
                .append("  camel.component.halo.base-url      = http://127.0.0.1:").append(defaults.port()).append('\n')
                .append("  camel.component.halo.client-id     = ").append(defaults.clientId()).append('\n')
                .append("  camel.component.halo.client-secret = ").append(defaults.clientSecret()).append('\n')
                .append("  tokens from POST /auth/token (grant client_credentials), valid ")
                .append(defaults.tokenLifetime().toSeconds()).append(" s\n\n")
                .append("Seed data (omitted with --no-seed; timestamps in January 2025):\n");
        RecordStore seed = new RecordStore(Instant::now, r -> java.util.Set.<TenantMode> of());
        SeedData.load(seed);
        for (SandboxResource resource : SandboxResource.values()) {
            List<Map<String, Object>> records = seed.all(resource);
            if (!records.isEmpty()) {
                help.append(String.format("  %-16s /api/%-15s %2d: %s%n", resource.resourceName(), resource.path(),
                        records.size(), examples(records)));
            }
        }
        return help.toString();
    }

    private static String examples(List<Map<String, Object>> records) {
        StringBuilder shown = new StringBuilder();
        for (Map<String, Object> record : records.subList(0, Math.min(NAMES_SHOWN, records.size()))) {
            Object label = record.getOrDefault("name", record.getOrDefault("summary", record.get("note")));
            shown.append(shown.isEmpty() ? "" : ", ").append('#').append(record.get("id"))
                    .append(label == null ? "" : " " + label);
        }
        return records.size() > NAMES_SHOWN ? shown + ", ..." : shown.toString();
    }
}
