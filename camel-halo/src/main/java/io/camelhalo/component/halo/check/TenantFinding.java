package io.camelhalo.component.halo.check;

/**
 * What the tenant check found about one fact on one resource.
 *
 * @param resource the resource (URI name), e.g. {@code invoices}
 * @param fact     the fact checked, e.g. {@code order honoured}
 * @param verdict  confirmed, contradicted or unknown (the tenant gave too little to tell)
 * @param detail   what was seen
 * @param advice   what to do where contradicted; empty otherwise
 */
public record TenantFinding(String resource, String fact, Verdict verdict, String detail, String advice) {

    /** The outcome of one check. */
    public enum Verdict {
        CONFIRMED,
        CONTRADICTED,
        UNKNOWN
    }
}
