package io.camelhalo.component.halo.check;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.sun.net.httpserver.HttpServer;
import io.camelhalo.component.halo.HaloSandboxExtension;
import io.camelhalo.component.halo.check.TenantFinding.Verdict;
import io.camelhalo.sandbox.HaloSandbox;
import io.camelhalo.sandbox.RecordedRequest;
import io.camelhalo.sandbox.TenantMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tenant check against the sandbox as documented and in each real-tenant mode. */
class TenantCheckTest {

    /** Modes whose fact the read-only check does not look at: the tenant then looks as documented. */
    private static final Set<TenantMode> NOT_CHECKED = EnumSet.of(TenantMode.TICKET_PATH_SERVES_PROJECTS,
            TenantMode.ACTION_BUMPS_TICKET, TenantMode.TIMESTAMPS_SEVEN_DIGIT_FRACTION, TenantMode.CLIENT_DOMAIN_IGNORED);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

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
                "sort key accepted", "order honoured", "record_count exact", "lastupdatefromdate filters")) {
            assertEquals(Verdict.CONFIRMED, verdict(findings, "tickets", fact), fact);
        }
        for (String resource : List.of("clients", "sites", "users", "assets", "projects", "opportunities")) {
            assertEquals(Verdict.CONFIRMED, verdict(findings, resource, "lastupdatefromdate filters"), resource);
        }
        assertEquals(Verdict.CONFIRMED, verdict(findings, "invoices", "sort key accepted"));
        assertEquals(Verdict.CONFIRMED, verdict(findings, "agents", "list envelope"), "a bare array");
        assertEquals(Verdict.UNKNOWN, verdict(findings, "suppliers", "order honoured"), "two equal stamps");
        assertEquals(Verdict.CONFIRMED, verdict(findings, "clients", "inactive records listed"));
        assertEquals(Verdict.UNKNOWN, verdict(findings, "sites", "inactive records listed"), "none inactive");
        assertEquals(Verdict.CONFIRMED, verdict(findings, "attachments", "download"));
        assertTrue(detail(findings, "attachments", "download").contains("returns it as a record"));
        for (RecordedRequest r : sandbox.requests()) {
            assertTrue(r.method().equals("GET") || r.path().equals("/auth/token"), "read-only: " + r);
        }
        String table = HaloTenantCheck.table(findings);
        assertTrue(table.contains("contradicted: 0"), table);
        assertTrue(table.contains("OPTIONS TO SET FOR THIS TENANT") && table.contains("  none: "), table);
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
                assertTrue(advice(findings, "invoices", "order honoured").contains("reads every page"));
                assertEquals(Verdict.CONTRADICTED, verdict(findings, "tickets", "order honoured"));
            }
            case SLIM_LIST_ITEMS -> {
                assertEquals(Verdict.CONTRADICTED, verdict(findings, "tickets", "last-modified in list items"));
                assertTrue(advice(findings, "tickets", "last-modified in list items").contains("by id"));
                assertEquals(List.of(), TenantCheck.options(findings).stream()
                        .filter(o -> !o.startsWith("none") && !o.contains("unpaged")).toList(),
                        "the filter and the sort work on the paged lists: halo-poll copes");
                assertTrue(TenantCheck.options(findings).stream()
                        .anyMatch(o -> o.startsWith("halo-poll:agents?sweepSize=")),
                        "an unpaged list is swept: its latency is the option to choose");
            }
            case UPDATED_FILTER_IGNORED -> {
                for (String resource : List.of("tickets", "clients", "sites", "users", "assets")) {
                    assertEquals(Verdict.CONTRADICTED, verdict(findings, resource, "lastupdatefromdate filters"),
                            resource);
                }
                assertTrue(advice(findings, "users", "lastupdatefromdate filters").contains("newest first"));
            }
            case UNKNOWN_ORDER_REFUSED -> {
                for (String resource : List.of("invoices", "quotations", "items", "suppliers", "clientcontracts",
                        "appointments", "tickets")) {
                    assertEquals(Verdict.CONTRADICTED, verdict(findings, resource, "sort key accepted"), resource);
                }
                assertTrue(detail(findings, "invoices", "sort key accepted").contains("HTTP 400"));
                assertTrue(advice(findings, "invoices", "sort key accepted").contains("every page"));
            }
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
                assertTrue(advice(findings, "clients", "inactive records listed").contains("send includeinactive"));
            }
            case ATTACHMENT_GET_ANSWERS_BYTES -> {
                assertEquals(Verdict.CONFIRMED, verdict(findings, "attachments", "download"), "the producer reads bytes");
                assertTrue(detail(findings, "attachments", "download").contains("text/plain")
                        && detail(findings, "attachments", "download").contains("returns its bytes"));
                assertEquals(List.of(), contradicted(findings));
            }
            default -> {
                assertTrue(NOT_CHECKED.contains(mode), mode + " needs a case here");
                assertEquals(List.of(), contradicted(findings), mode + " is not visible to a read-only list check");
            }
        }
        Set<String> facts = new java.util.HashSet<>();
        contradicted(findings).forEach(f -> facts.add(f.fact()));
        assertTrue(facts.size() <= 1, "one mode contradicts one fact: " + contradicted(findings));
        for (RecordedRequest r : sandbox.requests()) {
            assertTrue(r.method().equals("GET") || r.path().equals("/auth/token"), "read-only: " + r);
        }
    }

    @Test
    void slimItemsOnAListThatNeitherFiltersNorSortsEndWithSweepSizeOrHaloWebhookAsTheOptionToSet() throws Exception {
        HaloSandbox sandbox = halo.sandbox();
        sandbox.setModes(TenantMode.SLIM_LIST_ITEMS, TenantMode.UNKNOWN_ORDER_REFUSED,
                TenantMode.UPDATED_FILTER_IGNORED);
        List<String> options = TenantCheck.options(check(sandbox));
        assertTrue(options.contains("halo-poll:invoices?sweepSize=<n> (slim list items, and the list neither filters "
                                    + "nor sorts by 'last_modified': halo-poll sweeps, n records read by id a poll, "
                                    + "default 20, so a change arrives within (records / n) polls), or "
                                    + "halo-webhook:invoices with halo-poll as its safety net"),
                options.toString());
        assertTrue(options.stream().anyMatch(o -> o.startsWith("halo-poll:users?sweepSize=")), options.toString());
        assertTrue(options.stream().anyMatch(o -> o.startsWith("halo-poll:agents?sweepSize=")
                && o.contains("unpaged")), "an unpaged list with slim items is swept too: " + options);
        assertTrue(options.stream().noneMatch(o -> o.startsWith("none")), options.toString());
    }

    @Test
    void aFilterIgnoredOnUsersOnlyIsReportedForUsersAndNoOtherResource() throws Exception {
        // given a tenant that honours lastupdatefromdate on every list but /Users
        HaloSandbox sandbox = halo.sandbox();
        sandbox.setModeFor(TenantMode.UPDATED_FILTER_IGNORED, "users");

        List<TenantFinding> findings = check(sandbox);

        assertEquals(List.of("users/" + TenantCheck.FILTER_HONOURED), named(contradicted(findings)));
        assertTrue(advice(findings, "users", TenantCheck.FILTER_HONOURED).contains("halo-poll:users reads the list "
                                                                                   + "newest first"));
        for (String resource : List.of("tickets", "clients", "sites", "assets")) {
            assertEquals(Verdict.CONFIRMED, verdict(findings, resource, TenantCheck.FILTER_HONOURED), resource);
        }
        assertEquals(List.of("none: halo-poll and the producer fit this tenant as they are (what they adapt to is "
                             + "above)"),
                TenantCheck.options(findings), "halo-poll adapts on its own: nothing to set");
    }

    @Test
    void slimItemsNoFilterAndNoSortOnUsersOnlyEndWithSweepSizeForUsersOnly() throws Exception {
        // given a tenant where /Users alone has slim items, ignores the filter and refuses the sort key
        HaloSandbox sandbox = halo.sandbox();
        for (TenantMode mode : List.of(TenantMode.SLIM_LIST_ITEMS, TenantMode.UPDATED_FILTER_IGNORED,
                TenantMode.UNKNOWN_ORDER_REFUSED)) {
            sandbox.setModeFor(mode, "users");
        }

        List<TenantFinding> findings = check(sandbox);

        // then each fact is reported for users, and no other resource contradicts anything
        assertEquals(List.of("users/" + TenantCheck.SORT_ACCEPTED, "users/" + TenantCheck.SLIM_ITEMS,
                "users/" + TenantCheck.FILTER_HONOURED), named(contradicted(findings)));
        assertEquals(Verdict.CONFIRMED, verdict(findings, "tickets", TenantCheck.SLIM_ITEMS));
        assertEquals(Verdict.CONFIRMED, verdict(findings, "invoices", TenantCheck.SORT_ACCEPTED));
        // and the option to set names users, and only users
        List<String> options = TenantCheck.options(findings);
        assertEquals(1, options.size(), options.toString());
        assertTrue(options.get(0).startsWith("halo-poll:users?sweepSize=<n> (slim list items, and the list neither "
                                             + "filters nor sorts by 'ulastupdate'"),
                options.toString());
        assertTrue(options.get(0).endsWith("or halo-webhook:users with halo-poll as its safety net"), options.get(0));
    }

    private static List<String> named(List<TenantFinding> findings) {
        return findings.stream().map(f -> f.resource() + "/" + f.fact()).toList();
    }

    @Test
    void theTenantsWebhooksAndEveryStoredDeliveryAreReportedAndOnlyRead() throws Exception {
        // given three webhooks (one without events) and the deliveries of a ticket logged and its status changed
        HaloSandbox sandbox = halo.sandbox();
        try (Receiver receiver = new Receiver()) {
            String token = token(sandbox);
            api(sandbox, token, "/Webhook", "[{\"name\":\"full\",\"url\":\"" + receiver.url()
                                            + "\",\"authentication_type\":1,\"basic_username\":\"halo\","
                                            + "\"basic_password\":\"pa55word-not-shown\","
                                            + "\"events\":[{\"eventno\":3},{\"eventno\":76}]}]");
            api(sandbox, token, "/Webhook", "[{\"name\":\"event only\",\"url\":\"" + receiver.url()
                                            + "\",\"authentication_type\":2,\"basic_password\":\"t0ken-not-shown\","
                                            + "\"payload_type\":2,\"events\":[{\"eventno\":19}]}]");
            api(sandbox, token, "/Webhook", "[{\"name\":\"silent\",\"url\":\"" + receiver.url() + "\"}]");
            String created = api(sandbox, token, "/Tickets", "[{\"summary\":\"Checked\",\"client_id\":1}]");
            long id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(created).get("id").asLong();
            api(sandbox, token, "/Tickets", "[{\"id\":" + id + ",\"status_id\":2}]");
            await().until(() -> sandbox.webhookDeliveries().size() == 3);
        }
        sandbox.resetCounters();

        // when the tenant is checked
        List<TenantFinding> findings = check(sandbox);

        // then each webhook is reported with its authentication, events and payload type
        assertEquals(Verdict.CONFIRMED, verdict(findings, "webhooks", "webhooks listed"));
        assertEquals(Verdict.CONFIRMED, verdict(findings, "webhooks", "webhook 'full'"));
        String full = detail(findings, "webhooks", "webhook 'full'");
        assertTrue(full.contains("authentication 1 (Basic)") && full.contains("3 New Ticket Logged")
                && full.contains("76 Ticket Status Changed"), full);
        assertTrue(detail(findings, "webhooks", "webhook 'event only'").contains("payload_type 2"));
        assertTrue(detail(findings, "webhooks", "webhook 'event only'").contains("2 (Bearer token)"));
        assertEquals(Verdict.CONTRADICTED, verdict(findings, "webhooks", "webhook 'silent'"));
        assertTrue(advice(findings, "webhooks", "webhook 'silent'").contains("sends nothing"));
        assertEquals(Verdict.CONFIRMED, verdict(findings, "webhooks", "secrets not listed"));
        // and every stored delivery is read by halo-webhook's parser
        assertEquals(Verdict.CONFIRMED, verdict(findings, "webhooks", "deliveries readable"));
        String log = detail(findings, "webhooks", "deliveries readable");
        assertTrue(log.startsWith("3 of 3 stored deliveries read"), log);
        assertTrue(log.contains("record nested=2") && log.contains("event information only=1"), log);
        // read-only, and no secret in the report
        for (RecordedRequest r : sandbox.requests()) {
            assertTrue(r.method().equals("GET") || r.path().equals("/auth/token"), "read-only: " + r);
        }
        String table = HaloTenantCheck.table(findings);
        assertFalse(table.contains("pa55word-not-shown") || table.contains("t0ken-not-shown"), table);
    }

    @Test
    void aStoredDeliveryTheParserCannotReadIsReportedWithItsIdAndReason() throws Exception {
        // given a webhook with a custom payload, which halo-webhook reads only with recordIdField
        HaloSandbox sandbox = halo.sandbox();
        try (Receiver receiver = new Receiver()) {
            String token = token(sandbox);
            api(sandbox, token, "/Webhook", "[{\"name\":\"custom\",\"url\":\"" + receiver.url()
                                            + "\",\"custom_payload\":true,\"events\":[{\"eventno\":19}]}]");
            api(sandbox, token, "/Tickets", "[{\"id\":1,\"summary\":\"Custom\"}]");
            await().until(() -> sandbox.webhookDeliveries().size() == 1);
        }

        List<TenantFinding> findings = check(sandbox);

        assertEquals(Verdict.CONTRADICTED, verdict(findings, "webhooks", "deliveries readable"));
        String detail = detail(findings, "webhooks", "deliveries readable");
        assertTrue(detail.startsWith("1 of 1 stored deliveries unreadable: " + sandbox.webhookDeliveries().get(0).id()),
                detail);
        assertTrue(detail.contains("names no tickets record"), detail);
        assertTrue(advice(findings, "webhooks", "deliveries readable").contains("recordIdField"));
        assertFalse(detail.contains("Custom"), "a body is never printed");
    }

    @Test
    void aTenantWithoutWebhooksLeavesTheWebhookFactsUnknown() throws Exception {
        List<TenantFinding> findings = check(halo.sandbox());

        assertEquals(Verdict.CONFIRMED, verdict(findings, "webhooks", "webhooks listed"));
        assertEquals(Verdict.UNKNOWN, verdict(findings, "webhooks", "secrets not listed"));
        assertEquals(Verdict.UNKNOWN, verdict(findings, "webhooks", "deliveries readable"));
    }

    /** An application a webhook posts to: answers 200 to anything, on loopback. */
    private static final class Receiver implements AutoCloseable {
        private final HttpServer server;

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static String token(HaloSandbox sandbox) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + sandbox.clientId() + "&client_secret="
                      + sandbox.clientSecret() + "&scope=all";
        HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(reply.body()).get("access_token").asText();
    }

    /** A write through the API, as an agent or an administrator makes it in Halo (this test's setup only). */
    private static String api(HaloSandbox sandbox, String token, String path, String json) throws Exception {
        HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/api" + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(reply.statusCode() == 200 || reply.statusCode() == 201, reply.body());
        return reply.body();
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
