package io.camelhalo.component.halo;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.camelhalo.component.halo.error.HaloValidationException;
import io.camelhalo.component.halo.lookup.HaloFindByEmail;
import io.camelhalo.sandbox.HaloSandbox;
import io.camelhalo.sandbox.RecordedRequest;
import io.camelhalo.sandbox.TenantMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Find by email against the sandbox: the user by address, else a site's {@code emaildomain}, else the client's own
 * {@code domain}, else the default client; list items without those fields are read by id, and nothing is created when
 * a match may exist.
 */
class HaloFindByEmailTest {

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest();

    private HaloSandbox sandbox;
    private long hooli;

    @BeforeEach
    void seed() {
        sandbox = halo.sandbox();
        // a client known by its own domain only: its one site has no email domain
        hooli = ((Number) sandbox.put("clients", Map.of("name", "Hooli", "domain", "hooli.example")).get("id")).longValue();
        long site = ((Number) sandbox.put("sites", Map.of("name", "Hooli Palo Alto", "client_id", hooli)).get("id"))
                .longValue();
        sandbox.put("clients", Map.of("id", hooli, "main_site_id", site));
    }

    @Test
    void aClientIsFoundByItsOwnDomainWithItsMainSite() throws Exception {
        Map<String, Object> answer = finder("none").lookup(halo.context(), "Gavin <gavin@HOOLI.example>");

        assertEquals(Arrays.asList(null, hooli, mainSite(), null, "client domain", "client main site"), answer(answer));
        assertTrue(
                apiRequests().stream()
                        .anyMatch(r -> r.path().equals("/api/Client") && r.query().contains("domain=hooli.example")),
                "clients are asked by domain: " + apiRequests());
    }

    @Test
    void aClientFoundByDomainWithoutAMainSiteGetsTheUserWithoutASite() throws Exception {
        long bare = ((Number) sandbox.put("clients", Map.of("name", "Pied Piper", "domain", "piedpiper.example")).get("id"))
                .longValue();

        Map<String, Object> answer = finder("user").lookup(halo.context(), "Richard <richard@piedpiper.example>");

        assertEquals(Arrays.asList(bare, null, "created", "client domain", null), answer(answer).subList(1, 6));
        Map<String, Object> user = sandbox.record("users", ((Number) answer.get("user_id")).longValue());
        assertEquals(List.of(bare, "richard@piedpiper.example"),
                List.of(((Number) user.get("client_id")).longValue(), user.get("emailaddress")));
    }

    @Test
    void aSitesEmailDomainComesBeforeAnotherClientsDomain() throws Exception {
        // given a second client claiming globex.example, which Globex's site already carries
        sandbox.put("clients", Map.of("name", "Globex Holdings", "domain", "globex.example"));

        Map<String, Object> answer = finder("none").lookup(halo.context(), "new.person@globex.example");

        assertEquals(Arrays.asList(null, 2L, 2L, null, "site email domain", "site email domain"), answer(answer));
    }

    @Test
    void theUserIsCreatedUnderTheClientFoundByDomainOnce() throws Exception {
        int users = sandbox.count("users");
        HaloFindByEmail finder = finder("user");

        Map<String, Object> first = finder.lookup(halo.context(), "Gavin <gavin@hooli.example>");
        Map<String, Object> again = finder.lookup(halo.context(), "gavin@hooli.example");

        assertEquals(users + 1, sandbox.count("users"));
        assertEquals(Arrays.asList(hooli, mainSite(), "created", "client domain"), answer(first).subList(1, 5));
        assertEquals(first.get("user_id"), again.get("user_id"));
        assertEquals("email", again.get("user_found_by"));
    }

    @Test
    void slimListItemsAreReadByIdAndNothingIsCreatedTwice() throws Exception {
        // given a tenant whose list items carry neither emailaddress, emaildomain nor domain, and ignores domain=
        sandbox.setModes(TenantMode.SLIM_LIST_ITEMS, TenantMode.CLIENT_DOMAIN_IGNORED);
        int clients = sandbox.count("clients");
        int users = sandbox.count("users");
        HaloFindByEmail finder = finder("client-and-user");

        Map<String, Object> byClient = finder.lookup(halo.context(), "gavin@hooli.example");
        Map<String, Object> bySite = finder.lookup(halo.context(), "new.person@globex.example");
        Map<String, Object> user = finder.lookup(halo.context(), "hank@globex.example");

        assertEquals(clients, sandbox.count("clients"), "no client created: both were found by domain");
        assertEquals(users + 2, sandbox.count("users"));
        assertEquals(List.of(hooli, "client domain"), List.of(answer(byClient).get(1), answer(byClient).get(4)));
        assertEquals(List.of(2L, 2L, "site email domain"),
                List.of(answer(bySite).get(1), answer(bySite).get(2), answer(bySite).get(4)));
        assertEquals(List.of(3L, "email"), List.of(answer(user).get(0), answer(user).get(3)));
    }

    @Test
    void whenTooManyRecordsWouldHaveToBeReadNoClientIsCreated() {
        // given more sites than one look-up reads by id, none with the domain, on a slim tenant
        for (int i = 0; i < HaloFindByEmail.MAX_READS_BY_ID; i++) {
            sandbox.put("sites", Map.of("name", "Extra " + i, "client_id", 1));
        }
        sandbox.setModes(TenantMode.SLIM_LIST_ITEMS);
        int clients = sandbox.count("clients");

        HaloValidationException refused = assertThrows(HaloValidationException.class,
                () -> finder("client-and-user").lookup(halo.context(), "ceo@newco.example"));

        assertTrue(refused.getMessage().contains("newco.example"), refused.getMessage());
        assertTrue(refused.getMessage().contains("nothing was created"), refused.getMessage());
        assertEquals(clients, sandbox.count("clients"));
    }

    @Test
    void aNewClientCarriesTheDomainItselfAndOnItsMainSite() throws Exception {
        Map<String, Object> created = finder("client-and-user").lookup(halo.context(), "ceo@newco.example");

        long client = ((Number) created.get("client_id")).longValue();
        assertEquals("newco.example", sandbox.record("clients", client).get("domain"));
        assertEquals("newco.example",
                sandbox.record("sites", ((Number) created.get("site_id")).longValue()).get("emaildomain"));
    }

    private HaloFindByEmail finder(String createMissing) {
        HaloFindByEmail finder = new HaloFindByEmail();
        finder.setCreateMissing(createMissing);
        finder.setDefaultClientId(3L);
        return finder;
    }

    private long mainSite() {
        return ((Number) sandbox.record("clients", hooli).get("main_site_id")).longValue();
    }

    private List<RecordedRequest> apiRequests() {
        return halo.apiRequests();
    }

    private static List<Object> answer(Map<String, Object> a) {
        return Arrays.asList(a.get("user_id") == null ? null : ((Number) a.get("user_id")).longValue(),
                a.get("client_id") == null ? null : ((Number) a.get("client_id")).longValue(),
                a.get("site_id") == null ? null : ((Number) a.get("site_id")).longValue(),
                a.get("user_found_by"), a.get("client_found_by"), a.get("site_found_by"));
    }
}
