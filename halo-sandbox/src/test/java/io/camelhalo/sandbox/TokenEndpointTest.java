package io.camelhalo.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.camelhalo.sandbox.SandboxClient.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenEndpointTest {

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

    private String credentials() {
        return "client_id=" + enc(halo.clientId()) + "&client_secret=" + enc(halo.clientSecret());
    }

    @Test
    void clientCredentialsIssueABearerTokenThatOpensTheApi() {
        SandboxClient.Response r = client.tokenRequest("grant_type=client_credentials&" + credentials() + "&scope=all");

        assertEquals(200, r.status());
        JsonNode token = r.json();
        assertEquals("Bearer", token.get("token_type").asText());
        assertEquals(3600, token.get("expires_in").asInt());
        assertFalse(token.has("refresh_token"), "no offline_access, no refresh token");
        assertEquals(200, client.useToken(token.get("access_token").asText()).get("/Tickets").status());
    }

    @Test
    void basicClientAuthAndTenantParameterAreAccepted() {
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (halo.clientId() + ":" + halo.clientSecret()).getBytes(StandardCharsets.UTF_8));

        SandboxClient.Response r = client.tokenRequest("?tenant=acme", "grant_type=client_credentials&scope=all", basic);

        assertEquals(200, r.status(), r.body());
        RecordedRequest recorded = halo.requests().get(0);
        assertEquals("/auth/token", recorded.path());
        assertEquals("acme", recorded.queryParams().get("tenant"));
        assertEquals(1, halo.tokenRequestCount());
    }

    @Test
    void wrongSecretIsInvalidClient() {
        SandboxClient.Response r = client.tokenRequest(
                "grant_type=client_credentials&client_id=" + halo.clientId() + "&client_secret=nope&scope=all");

        assertEquals(400, r.status());
        assertEquals("invalid_client", r.json().get("error").asText());
    }

    @Test
    void unknownScopeIsInvalidScope() {
        for (String scope : new String[] { "bogus", "read:actions", "all edit:sites" }) {
            SandboxClient.Response r = client.tokenRequest(
                    "grant_type=client_credentials&" + credentials() + "&scope=" + enc(scope));
            assertEquals(400, r.status(), scope);
            assertEquals("invalid_scope", r.json().get("error").asText(), scope);
        }
        SandboxClient.Response konnectify = client.tokenRequest("grant_type=client_credentials&" + credentials()
                                                                + "&scope="
                                                                + enc("all:standard all:teams admin:webhooks offline_access read:tickets edit:customers"));
        assertEquals(200, konnectify.status(), konnectify.body());
    }

    @Test
    void unknownGrantIsUnsupportedGrantType() {
        SandboxClient.Response r = client.tokenRequest("grant_type=password&" + credentials());

        assertEquals(400, r.status());
        assertEquals("unsupported_grant_type", r.json().get("error").asText());
    }

    @Test
    void refreshTokenGivesANewAccessTokenAndRotates() {
        JsonNode first = client.tokenRequest("grant_type=client_credentials&" + credentials()
                                             + "&scope=" + enc("all offline_access"))
                .json();
        String refresh = first.get("refresh_token").asText();

        SandboxClient.Response refreshed = client.tokenRequest(
                "grant_type=refresh_token&refresh_token=" + enc(refresh) + "&" + credentials());

        assertEquals(200, refreshed.status(), refreshed.body());
        JsonNode second = refreshed.json();
        assertNotEquals(first.get("access_token").asText(), second.get("access_token").asText());
        assertNotEquals(refresh, second.get("refresh_token").asText());
        assertEquals(200, client.useToken(second.get("access_token").asText()).get("/Status").status());

        SandboxClient.Response reused = client.tokenRequest(
                "grant_type=refresh_token&refresh_token=" + enc(refresh) + "&" + credentials());
        assertEquals(400, reused.status());
        assertEquals("invalid_grant", reused.json().get("error").asText());
    }

    @Test
    void applicationWithoutAgentToLogInAsGetsAnHtml500() {
        halo.simulateNoAgentToLogInAs(true);

        SandboxClient.Response r = client.tokenRequest("grant_type=client_credentials&" + credentials() + "&scope=all");

        assertEquals(500, r.status());
        assertTrue(r.contentType().startsWith("text/html"), r.contentType());
        assertTrue(r.body().startsWith("<!DOCTYPE html>"), r.body());

        halo.simulateNoAgentToLogInAs(false);
        assertEquals(200, client.tokenRequest("grant_type=client_credentials&" + credentials() + "&scope=all").status());
    }

    @Test
    void tokenLifetimeIsConfigurable() {
        halo.tokenLifetime(Duration.ofSeconds(120));

        JsonNode token = client.tokenRequest("grant_type=client_credentials&" + credentials() + "&scope=all").json();

        assertEquals(120, token.get("expires_in").asInt());
    }

    @Test
    void tokenWithoutScopeIsIssuedButOpensNothing() {
        SandboxClient.Response r = client.tokenRequest("grant_type=client_credentials&" + credentials());

        assertEquals(200, r.status());
        assertEquals(403, client.useToken(r.json().get("access_token").asText()).get("/Tickets").status());
    }
}
