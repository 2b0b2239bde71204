package io.camelhalo.component.halo.check;

import java.util.List;
import java.util.Locale;

/**
 * The tenant check a user runs on day one, read-only:
 *
 * <pre>
 * HALO_BASE_URL=https://acme.haloitsm.com HALO_CLIENT_ID=... HALO_CLIENT_SECRET=... [HALO_TENANT=acme] \
 *   mvn -B -ntp -q -Ptenant-check verify -DskipTests -pl camel-halo -am
 * </pre>
 *
 * Prints one line per resource and fact: confirmed, contradicted (with what to do) or unknown. The secret is read from
 * the environment, never from the command line, and never printed.
 */
public final class HaloTenantCheck {

    private HaloTenantCheck() {
    }

    /** Reads the connection from the environment, runs the check and prints the table. */
    public static void main(String[] args) throws Exception {
        String baseUrl = System.getenv("HALO_BASE_URL");
        String clientId = System.getenv("HALO_CLIENT_ID");
        String secret = System.getenv("HALO_CLIENT_SECRET");
        if (baseUrl == null || clientId == null || secret == null) {
            System.err.println("Set HALO_BASE_URL (e.g. https://acme.haloitsm.com, without /api), HALO_CLIENT_ID and"
                               + " HALO_CLIENT_SECRET (and HALO_TENANT for a hosted tenant, HALO_SCOPE if not 'all')");
            System.exit(2);
        }
        List<TenantFinding> findings = new TenantCheck(
                baseUrl, System.getenv("HALO_TENANT"), clientId, secret,
                System.getenv("HALO_SCOPE")).run();
        System.out.print(table(findings));
    }

    /** The findings as a plain-text table, one per line, with a count of each verdict at the end. */
    static String table(List<TenantFinding> findings) {
        StringBuilder out = new StringBuilder();
        String row = "%-16s %-28s %-13s %s%n";
        out.append(String.format(Locale.ROOT, row, "RESOURCE", "FACT", "VERDICT", "DETAIL / WHAT TO DO"));
        for (TenantFinding f : findings) {
            String detail = f.advice().isEmpty() ? f.detail() : f.detail() + " -> " + f.advice();
            out.append(String.format(Locale.ROOT, row, f.resource(), f.fact(), f.verdict().name().toLowerCase(Locale.ROOT),
                    detail));
        }
        for (TenantFinding.Verdict v : TenantFinding.Verdict.values()) {
            out.append(v.name().toLowerCase(Locale.ROOT)).append(": ")
                    .append(findings.stream().filter(f -> f.verdict() == v).count()).append("  ");
        }
        out.append(System.lineSeparator()).append("OPTIONS TO SET FOR THIS TENANT").append(System.lineSeparator());
        TenantCheck.options(findings).forEach(o -> out.append("  ").append(o).append(System.lineSeparator()));
        return out.toString();
    }
}
