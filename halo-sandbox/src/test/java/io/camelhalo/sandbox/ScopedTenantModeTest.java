package io.camelhalo.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real-tenant mode scoped to some resources answers the other way on those only: a tenant may ignore
 * {@code lastupdatefromdate} on {@code /Users} and honour it on {@code /Tickets}.
 */
class ScopedTenantModeTest {

    private static final String FUTURE = "lastupdatefromdate=2030-01-01T00:00:00";

    private HaloSandbox halo;
    private SandboxClient client;

    @BeforeEach
    void start() {
        halo = HaloSandbox.start(0);
        client = new SandboxClient(halo).login();
    }

    @AfterEach
    void stop() {
        halo.close();
    }

    private int recordCount(String pathAndQuery) {
        return client.get(pathAndQuery).json().get("record_count").asInt();
    }

    @Test
    void theFilterIgnoredOnUsersOnlyStillFiltersTickets() {
        halo.setModeFor(TenantMode.UPDATED_FILTER_IGNORED, "users");
        assertEquals(halo.count("users"), recordCount("/Users?" + FUTURE), "ignored on /Users");
        assertEquals(0, recordCount("/Tickets?" + FUTURE), "honoured on /Tickets");
        assertEquals(0, recordCount("/Client?" + FUTURE), "honoured on /Client");
        assertEquals(Set.of(), halo.modes(), "not on everywhere");
        assertEquals(Map.of(TenantMode.UPDATED_FILTER_IGNORED, Set.of("users")), halo.scopedModes());
    }

    @Test
    void aSortKeyRefusedOnInvoicesOnlyIsAcceptedOnQuotations() {
        halo.setModeFor(TenantMode.UNKNOWN_ORDER_REFUSED, "Invoice"); // by Halo path too
        assertEquals(400, client.get("/Invoice?order=last_modified&orderdesc=true").status());
        assertEquals(200, client.get("/Quotation?order=last_update_time&orderdesc=true").status());
        assertEquals(200, client.get("/Tickets?order=last_update").status());
    }

    @Test
    void slimItemsOnTicketsOnlyLeaveClientItemsWhole() {
        halo.setModeFor(TenantMode.SLIM_LIST_ITEMS, "tickets");
        assertFalse(client.get("/Tickets").json().get("tickets").get(0).has("last_update"));
        assertTrue(client.get("/Client").json().get("clients").get(0).has("alastupdate"));
    }

    @Test
    void aModeScopedAgainReplacesItsScopeAndSetModesClearsEveryScope() {
        halo.setModes(TenantMode.ORDER_IGNORED);
        halo.setModeFor(TenantMode.UPDATED_FILTER_IGNORED, "users", "clients");
        halo.setModeFor(TenantMode.UPDATED_FILTER_IGNORED, "clients");
        assertEquals(0, recordCount("/Users?" + FUTURE), "users no longer in its scope");
        assertEquals(halo.count("clients"), recordCount("/Client?" + FUTURE));
        assertEquals(Set.of(TenantMode.ORDER_IGNORED), halo.modes(), "the other modes as they were");
        halo.setModeFor(TenantMode.ORDER_IGNORED, "tickets");
        assertEquals(Set.of(), halo.modes(), "a mode on everywhere, scoped, is on for its scope only");
        halo.setModes(TenantMode.SLIM_LIST_ITEMS);
        assertEquals(Map.of(), halo.scopedModes());
        assertEquals(0, recordCount("/Client?" + FUTURE), "the scoped mode is off");
    }

    @Test
    void anUnknownResourceOrNoneIsRefusedNamingTheNamesAllowed() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> halo.setModeFor(TenantMode.UPDATED_FILTER_IGNORED, "userz"));
        assertTrue(unknown.getMessage().contains("'userz'") && unknown.getMessage().contains("users"),
                unknown.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> halo.setModeFor(TenantMode.UPDATED_FILTER_IGNORED));
        assertTrue(none.getMessage().contains("setModes"), none.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> HaloSandboxOptions.defaults().withModeFor(TenantMode.SLIM_LIST_ITEMS, " "));
        assertEquals(Map.of(), halo.scopedModes(), "a refused call changes nothing");
    }

    @Test
    void scopedModesAreSetAtStartOrThroughTheAdminEndpoint() throws Exception {
        HaloSandboxOptions options = HaloSandboxOptions.defaults().withModes(TenantMode.ORDER_IGNORED)
                .withModeFor(TenantMode.UPDATED_FILTER_IGNORED, "users", "Client");
        assertEquals(Map.of(TenantMode.UPDATED_FILTER_IGNORED, Set.of("clients", "users")), options.scopedModes());
        try (HaloSandbox scoped = HaloSandbox.start(options)) {
            assertEquals(Set.of(TenantMode.ORDER_IGNORED), scoped.modes());
            assertEquals(options.scopedModes(), scoped.scopedModes());
        }
        assertEquals(Map.of(), options.withModes(TenantMode.SLIM_LIST_ITEMS).scopedModes(), "withModes: exactly");

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> put = modes(http, "PUT",
                "[\"ORDER_IGNORED\",\"updated_filter_ignored:users,clients\",\"SLIM_LIST_ITEMS:invoices\"]");
        assertEquals(200, put.statusCode(), put.body());
        assertEquals("[\"ORDER_IGNORED\",\"SLIM_LIST_ITEMS:invoices\",\"UPDATED_FILTER_IGNORED:clients,users\"]",
                put.body());
        assertEquals(halo.count("users"), recordCount("/Users?" + FUTURE));
        assertEquals(0, recordCount("/Tickets?" + FUTURE));
        HttpResponse<String> bad = modes(http, "PUT", "[\"SLIM_LIST_ITEMS:userz\"]");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("userz") && bad.body().contains("tickets"), bad.body());
        assertEquals(put.body(), modes(http, "GET", null).body(), "a bad request changes nothing");
    }

    private HttpResponse<String> modes(HttpClient http, String method, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(halo.baseUrl() + "/sandbox/modes"))
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theHelpSaysHowToScopeAModeAndNamesTheEvidenceOfEach() {
        String help = SandboxHelp.text(HaloSandboxOptions.defaults());
        assertTrue(help.contains("--mode NAME:users,clients"), help);
        for (TenantMode mode : TenantMode.values()) {
            assertTrue(help.contains(mode.name()) && help.contains(mode.evidence()), mode + " in\n" + help);
        }
        assertTrue(List.of(TenantMode.values()).stream().allMatch(m -> m.evidence().contains("unverified")),
                "no mode's fact is verified on a real tenant yet");
    }
}
