package io.camelhalo.component.halo.check;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelhalo.component.halo.HaloSandboxExtension;
import io.camelhalo.component.halo.check.TenantFinding.Verdict;
import io.camelhalo.sandbox.HaloSandbox;
import io.camelhalo.sandbox.RecordedRequest;
import io.camelhalo.sandbox.TenantMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tenant check against the sandbox as documented and in each real-tenant mode. */
class TenantCheckTest {

    /** Modes whose fact the read-only check does not look at: the tenant then looks as documented. */
    private static final Set<TenantMode> NOT_CHECKED = EnumSet.of(TenantMode.TICKET_PATH_SERVES_PROJECTS,
            TenantMode.ACTION_BUMPS_TICKET, TenantMode.TIMESTAMPS_SEVEN_DIGIT_FRACTION);

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest().withoutContext();

    private static List<TenantFinding> check(HaloSandbox sandbox) throws Exception {
        return new TenantCheck(sandbox.baseUrl() + "/", null, sandbox.clientId(), sandbox.clientSecret(), null).run();
    }

    private static Verdict verdict(List<TenantFinding> findings, String resource, String fact) {
        return findings.stream().filter(f -> f.resource().equals(resource) && f.fact().equals(fact))
                .map(TenantFinding::verdict).findFirst().orElseThrow(() -> new AssertionError(
                        resource + " / " + fact
                                                                                              + " not checked: " + findings));
    }

    private static List<TenantFinding> contradicted(List<TenantFinding> findings) {
        return findings.stream().filter(f -> f.verdict() == Verdict.CONTRADICTED).toList();
    }

    @Test
    void aTenantAsDocumentedConfirmsEveryFactItCanSeeAndIsOnlyRead() throws Exception {
        HaloSandbox sandbox = halo.sandbox();
        sandbox.put("clients", Map.of("id", 2, "inactive", true));
        List<TenantFinding> findings = check(sandbox);

        assertEquals(List.of(), contradicted(findings));
        for (String fact : List.of("list envelope", "last-modified in list items", "timestamp format",
                "order honoured", "record_count exact")) {
            assertEquals(Verdict.CONFIRMED, verdict(findings, "tickets", fact), fact);
        }
        assertEquals(Verdict.CONFIRMED, verdict(findings, "agents", "list envelope"), "a bare array");
        assertEquals(Verdict.UNKNOWN, verdict(findings, "suppliers", "order honoured"), "two equal stamps");
        assertEquals(Verdict.CONFIRMED, verdict(findings, "clients", "inactive records listed"));
        assertEquals(Verdict.UNKNOWN, verdict(findings, "sites", "inactive records listed"), "none inactive");
        assertEquals(Verdict.CONFIRMED, verdict(findings, "attachments", "get answers JSON"));
        for (RecordedRequest r : sandbox.requests()) {
            assertTrue(r.method().equals("GET") || r.path().equals("/auth/token"), "read-only: " + r);
        }
        String table = HaloTenantCheck.table(findings);
        assertTrue(table.contains("contradicted: 0"), table);
        assertTrue(!table.contains(sandbox.clientSecret()), "the secret is never printed");
    }

    @ParameterizedTest
    @EnumSource(TenantMode.class)
    void eachRealTenantModeIsReportedAsTheFactItContradicts(TenantMode mode) throws Exception {
        HaloSandbox sandbox = halo.sandbox();
        sandbox.setModes(mode); // before the first request: as if it had started with it (modes do not change the seed)
        sandbox.put("clients", Map.of("id", 2, "inactive", true));
        List<TenantFinding> findings = check(sandbox);
        switch (mode) {
            case ORDER_IGNORED -> {
                assertEquals(Verdict.CONTRADICTED, verdict(findings, "invoices", "order honoured"));
                assertTrue(advice(findings, "invoices", "order honoured").contains("would miss changes"));
                assertEquals(Verdict.CONTRADICTED, verdict(findings, "tickets", "order honoured"));
            }
            case SLIM_LIST_ITEMS -> assertEquals(Verdict.CONTRADICTED,
                    verdict(findings, "tickets", "last-modified in list items"));
            case TIMESTAMPS_WITH_OFFSET -> {
                assertEquals(Verdict.CONTRADICTED, verdict(findings, "tickets", "timestamp format"));
                assertTrue(advice(findings, "tickets", "timestamp format").contains("reads offsets"));
            }
            case TIMESTAMPS_WITHOUT_FRACTION -> {
                assertEquals(Verdict.CONTRADICTED, verdict(findings, "tickets", "timestamp format"));
                assertTrue(detail(findings, "tickets", "timestamp format").contains("whole seconds"));
            }
            case RECORD_COUNT_APPROXIMATE -> {
                assertEquals(Verdict.CONTRADICTED, verdict(findings, "tickets", "record_count exact"));
                assertEquals("record_count 4, the pages hold 5", detail(findings, "tickets", "record_count exact"));
            }
            case INACTIVE_HIDDEN -> {
                assertEquals(Verdict.CONTRADICTED, verdict(findings, "clients", "inactive records listed"));
                assertEquals("record_count 2, with includeinactive=true 3",
                        detail(findings, "clients", "inactive records listed"));
            }
            case ATTACHMENT_GET_ANSWERS_BYTES -> {
                assertEquals(Verdict.CONTRADICTED, verdict(findings, "attachments", "get answers JSON"));
                assertTrue(detail(findings, "attachments", "get answers JSON").contains("text/plain"));
            }
            default -> {
                assertTrue(NOT_CHECKED.contains(mode), mode + " needs a case here");
                assertEquals(List.of(), contradicted(findings), mode + " is not visible to a read-only list check");
            }
        }
        Set<String> facts = new java.util.HashSet<>();
        contradicted(findings).forEach(f -> facts.add(f.fact()));
        assertTrue(facts.size() <= 1, "one mode contradicts one fact: " + contradicted(findings));
    }

    private static String advice(List<TenantFinding> findings, String resource, String fact) {
        return find(findings, resource, fact).advice();
    }

    private static String detail(List<TenantFinding> findings, String resource, String fact) {
        return find(findings, resource, fact).detail();
    }

    private static TenantFinding find(List<TenantFinding> findings, String resource, String fact) {
        return findings.stream().filter(f -> f.resource().equals(resource) && f.fact().equals(fact)).findFirst()
                .orElseThrow();
    }
}
