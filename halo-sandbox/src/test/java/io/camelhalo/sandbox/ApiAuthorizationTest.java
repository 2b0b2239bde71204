package io.camelhalo.sandbox;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiAuthorizationTest {

    private HaloSandbox halo;
    private SandboxClient client;

    @BeforeEach
    void start() {
        halo = HaloSandbox.start(0);
        client = new SandboxClient(halo);
    }

    @AfterEach
    void stop() {
        halo.close();
    }

    @Test
    void noTokenOrAnUnknownOneIs401() {
        SandboxClient.Response none = client.get("/Tickets");
        assertEquals(401, none.status());
        assertTrue(none.json().get("Message").asText().contains("Authorization has been denied"));
        assertEquals("Bearer", none.headers().firstValue("WWW-Authenticate").orElse(""));

        assertEquals(401, client.useToken("made-up").get("/Tickets").status());
    }

    @Test
    void expiredTokensAre401() {
        client.login();
        assertEquals(200, client.get("/Tickets").status());

        halo.expireAllTokens();
        assertEquals(401, client.get("/Tickets").status());

        client.login();
        assertEquals(200, client.get("/Tickets").status());
        halo.advance(Duration.ofSeconds(3601));
        assertEquals(401, client.get("/Tickets").status(), "past expires_in on the sandbox clock");
    }

    @Test
    void shortLivedTokenExpires() {
        halo.tokenLifetime(Duration.ofMillis(200));
        client.login();
        assertEquals(200, client.get("/Status").status());

        halo.advance(Duration.ofMillis(300)); // expiry follows the sandbox clock
        assertEquals(401, client.get("/Status").status());
    }

    @Test
    void authInfoNeedsNoToken() {
        SandboxClient.Response r = client.get("/authinfo");

        assertEquals(200, r.status());
        assertEquals(halo.baseUrl() + "/auth", r.json().get("auth_url").asText());
    }
}
