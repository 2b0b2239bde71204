package io.camelhalo.component.halo.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which hosts count as this machine (plain http allowed), and which authorisation servers named by Halo's
 * unauthenticated {@code /api/authinfo} may be sent the client secret.
 */
class HaloAuthUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "localhost", "LocalHost", "127.0.0.1", "127.1.2.3", "127.255.255.255", "::1", "[::1]",
            "0:0:0:0:0:0:0:1", "[0:0:0:0:0:0:0:1]", "0::1" })
    void loopbackIsLocalhostAnIpIn127Slash8OrColonColon1(String host) {
        assertTrue(HaloAuthUrls.isLoopback(host), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "127.example.com", "127.0.0.1.nip.io", "127.0.0.1.attacker.example", "localhost.example",
            "localhost.", "128.0.0.1", "127.0.0.256", "127.0.0", "::2", "1::1", "::ffff:1", "example.com", "",
            "[::1].example" })
    void aNameThatOnlyLooksLikeLoopbackIsNot(String host) {
        assertFalse(HaloAuthUrls.isLoopback(host), host);
    }

    @ParameterizedTest(name = "{0} for {1}")
    @CsvSource({
            "https://acme.haloitsm.com/auth, https://acme.haloitsm.com",
            "https://auth.haloitsm.com, https://acme.haloitsm.com",
            "https://login.acme.co.uk/auth, https://halo.acme.co.uk",
            "https://ACME.HaloITSM.com./auth, https://acme.haloitsm.com",
            "http://127.0.0.1:8080/identity, http://127.0.0.1:8080/api/authinfo",
    })
    void anHttpsServerOnTheDomainOfBaseUrlMayBeUsed(String named, String baseUrl) {
        assertNull(HaloAuthUrls.refusal(named, baseUrl));
    }

    @ParameterizedTest(name = "{0} for {1}")
    @CsvSource({
            "https://attacker.example/auth, https://acme.haloitsm.com, not on the domain",
            "https://acme.haloitsm.com.attacker.example/auth, https://acme.haloitsm.com, not on the domain",
            "https://haloitsm.com@attacker.example/auth, https://acme.haloitsm.com, user info",
            "http://acme.haloitsm.com/auth, https://acme.haloitsm.com, not https",
            "http://auth.acme.example/auth, http://acme.example, not https",
            "https://attacker.co.uk/auth, https://acme.co.uk, not on the domain",
            "https://10.0.0.5/auth, https://10.0.0.6, not on the domain",
            "http://localhost:8080/auth, http://127.0.0.1:8080, not on the domain",
            "ftp://acme.haloitsm.com/auth, https://acme.haloitsm.com, not https",
            "/auth, https://acme.haloitsm.com, absolute",
            "https://acme.haloitsm.com:bad/auth, https://acme.haloitsm.com, ''",
    })
    void anythingElseIsRefusedSayingWhy(String named, String baseUrl, String why) {
        String refusal = HaloAuthUrls.refusal(named, baseUrl);
        assertTrue(refusal != null && refusal.contains(why), named + ": " + refusal);
    }

    @Test
    void theRegistrableDomainIsTwoLabelsOrThreeUnderACountrySecondLevel() {
        assertEquals("haloitsm.com", HaloAuthUrls.registrableDomain("a.b.acme.haloitsm.com"));
        assertEquals("acme.co.uk", HaloAuthUrls.registrableDomain("halo.acme.co.uk"));
        assertEquals("acme.com.au", HaloAuthUrls.registrableDomain("halo.acme.com.au"));
        assertEquals("acme.de", HaloAuthUrls.registrableDomain("halo.acme.de"));
        assertEquals("192.168.1.10", HaloAuthUrls.registrableDomain("192.168.1.10"));
        assertEquals("localhost", HaloAuthUrls.registrableDomain("localhost"));
    }

    @Test
    void aNamedUrlIsPrintedWithoutControlCharacters() {
        assertEquals("https://x/authFAKE LOG LINE", HaloAuthUrls.printable("https://x/auth\r\nFAKE LOG LINE"));
    }
}
