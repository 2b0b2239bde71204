package io.camelhalo.component.halo;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelhalo.component.halo.auth.HaloCredentials;
import io.camelhalo.component.halo.auth.HaloTokenManager;
import io.camelhalo.component.halo.error.HaloApiException;
import io.camelhalo.component.halo.error.HaloAuthenticationException;
import io.camelhalo.component.halo.error.HaloRateLimitException;
import io.camelhalo.component.halo.http.HaloRateGovernor;
import io.camelhalo.component.halo.http.HaloRetryPolicy;
import io.camelhalo.component.halo.http.HaloTransport;
import org.apache.camel.Exchange;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * OAuth with Halo's token endpoint: one token shared and reused, one request for many threads, renewal before expiry,
 * one renewal and one replay on a 401, the refresh_token grant with rotation, the tenant parameter, and clear errors
 * for the token endpoint's known failure replies.
 */
class HaloOAuthTest extends HaloTestSupport {

    @RegisterExtension
    static WireMockExtension halo = newHalo();

    /** Another server on this machine, reached by the name localhost: not the host or domain of baseUrl. */
    @RegisterExtension
    static WireMockExtension elsewhere = newHalo();

    @Override
    protected WireMockExtension halo() {
        return halo;
    }

    @Test
    void fetchesTheTokenOnceAndReusesItForEveryCall() {
        // given a Halo with tickets
        stubToken();
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/5")).willReturn(okJson("{\"id\":5}")));
        halo.stubFor(post(urlEqualTo("/api/Tickets")).willReturn(okJson("{\"id\":6}")));

        // when the route makes three calls through two endpoints
        succeeded(send("halo:tickets/get?id=5", null));
        succeeded(send("halo:tickets/get?id=5", null));
        succeeded(send("halo:tickets/create", Map.of("summary", "x")));

        // then one token request served them all
        assertEquals(1, tokenRequests().size());
        assertTokenRequest(tokenRequests().get(0), clientCredentialsForm());
        assertEquals(List.of("Bearer " + ACCESS_TOKEN, "Bearer " + ACCESS_TOKEN, "Bearer " + ACCESS_TOKEN),
                apiRequests().stream().map(r -> r.getHeader("Authorization")).toList());
    }

    @Test
    void sixteenThreadsStartingTogetherOnAColdComponentMakeOneTokenRequest() throws Exception {
        // given a slow token endpoint (so every thread finds no token yet) and a started route
        halo.stubFor(post(urlPathEqualTo("/auth/token")).willReturn(okJson(
                "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"expires_in\":3600}").withFixedDelay(300)));
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/5")).willReturn(okJson("{\"id\":5}")));
        addRoute("direct:get", "halo:tickets/get?id=5");
        int threads = 16;

        // when they all call Halo at once, then every call succeeded (after exactly one token request)
        assertEquals(Collections.nCopies(threads, Map.of("id", 5L)), callAtOnce(threads, "direct:get"));
        halo.verify(1, postRequestedFor(urlPathEqualTo("/auth/token")));
        halo.verify(threads, getRequestedFor(urlPathEqualTo("/api/Tickets/5"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN)));
    }

    @Test
    void renewsTheTokenAMarginBeforeItExpires() throws Exception {
        // given a token manager on a clock the test moves, and a Halo issuing hour-long tokens
        stubTokenSequence(tokenReply("tok-1", 3600), tokenReply("tok-2", 3600));
        MovableClock clock = new MovableClock(Instant.parse("2025-01-01T10:00:00Z"));
        HaloTransport transport = new HaloTransport(
                HttpClient.newHttpClient(), new HaloRateGovernor(0, Duration.ofMinutes(5)),
                new HaloRetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO), 1_000_000);
        HaloTokenManager tokens = tokenManager(transport, clock);

        // when the token is asked for now, just before the renewal margin, and just inside it
        String first = tokens.accessToken();
        clock.advance(Duration.ofSeconds(3539));
        String beforeMargin = tokens.accessToken();
        clock.advance(Duration.ofSeconds(2));
        String insideMargin = tokens.accessToken();

        // then the first token serves until a minute before expiry, then a new one is fetched before expiry
        assertEquals("tok-1", first);
        assertEquals("tok-1", beforeMargin);
        assertEquals("tok-2", insideMargin);
        assertEquals(2, tokenRequests().size());
    }

    @Test
    @Timeout(30) // tokens that waited would wait for the permit this test holds: fail rather than hang
    void theProbesTokensWaitNeitherForAPermitNorForAnotherThreadsRenewal() throws Exception {
        // given a token manager whose tenant allows one request per second, that one permit held by the test
        stubTokenSequence(tokenReply("tok-1", 3600));
        HaloRateGovernor governor = new HaloRateGovernor(1, Duration.ofSeconds(1));
        HaloTransport transport = new HaloTransport(
                HttpClient.newHttpClient(), governor,
                new HaloRetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(30)), 1_000_000);
        HaloTokenManager tokens = tokenManager(transport, Clock.systemUTC());
        assertTrue(governor.acquire(Duration.ZERO));

        // when the probe's tokens are asked for one, then they fail at once, having sent nothing
        HaloRateLimitException noPermit = assertThrows(HaloRateLimitException.class,
                () -> tokens.withoutWaiting().accessToken());
        assertMentions(noPermit.getMessage(), "No request permit free now", "does not wait");

        ExecutorService route = Executors.newSingleThreadExecutor();
        try {
            // and while a route's renewal waits for the permit, they do not wait for that renewal either
            Future<String> renewal = route.submit(tokens::accessToken);
            await().until(() -> transport.statistics().waitingForPermit() == 1);
            HaloRateLimitException renewing = assertThrows(HaloRateLimitException.class,
                    () -> tokens.withoutWaiting().accessToken());
            assertMentions(renewing.getMessage(), "Another request is renewing the access token");
            assertEquals(0, tokenRequests().size());

            // then, the permit back, the route's renewal goes through, and the probe's tokens are that token
            governor.release();
            assertEquals("tok-1", renewal.get(10, TimeUnit.SECONDS));
            assertEquals("tok-1", tokens.withoutWaiting().accessToken());
            assertEquals(1, tokenRequests().size());
        } finally {
            route.shutdownNow();
        }
    }

    private HaloTokenManager tokenManager(HaloTransport transport, Clock clock) {
        return new HaloTokenManager(
                transport, new HaloCredentials(
                        baseUrl() + "/auth", null, CLIENT_ID, CLIENT_SECRET,
                        "all", "client_credentials", null),
                Duration.ofSeconds(10), clock, null, null);
    }

    @Test
    void aShortLivedTokenIsRenewedWhileTheRouteKeepsCalling() {
        // given a Halo issuing one-second tokens
        stubTokenSequence(tokenReply("tok-1", 1), tokenReply("tok-2", 3600));
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/5")).willReturn(okJson("{\"id\":5}")));

        // when the route keeps calling until a second token was fetched (bounded wait on that condition)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int calls = 0;
        while (tokenRequests().size() < 2) {
            if (System.nanoTime() > deadline) {
                fail("no token renewal within 10 s of calls with a 1 s token");
            }
            succeeded(send("halo:tickets/get?id=5", null));
            calls++;
        }
        succeeded(send("halo:tickets/get?id=5", null));

        // then tok-1 was reused for many calls, never sent after it expired, and tok-2 took over
        List<LoggedRequest> tokenRequests = tokenRequests();
        long issuedAt = tokenRequests.get(0).getLoggedDate().getTime();
        List<LoggedRequest> api = apiRequests();
        assertTrue(calls > 2, "tok-1 should serve several calls, made " + calls);
        for (LoggedRequest request : api) {
            if (request.getHeader("Authorization").equals("Bearer tok-1")) {
                assertTrue(request.getLoggedDate().getTime() < issuedAt + 1000,
                        "tok-1 was sent after it expired");
            }
        }
        assertEquals("Bearer tok-2", api.get(api.size() - 1).getHeader("Authorization"));
        assertEquals(2, tokenRequests.size());
    }

    @Test
    void a401RenewsTheTokenOnceAndReplaysTheRequestOnce() {
        // given a Halo that has revoked the first token it issued
        stubTokenSequence(tokenReply("tok-1", 3600), tokenReply("tok-2", 3600));
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/5")).withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(aResponse().withStatus(401)));
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/5")).withHeader("Authorization", equalTo("Bearer tok-2"))
                .willReturn(okJson("{\"id\":5,\"summary\":\"ok\"}")));

        // when the route gets a ticket
        Exchange exchange = succeeded(send("halo:tickets/get?id=5", null));

        // then the token was renewed once and the request replayed once with the new token
        assertEquals(Map.of("id", 5L, "summary", "ok"), exchange.getMessage().getBody(Map.class));
        assertEquals(2, tokenRequests().size());
        assertEquals(List.of("Bearer tok-1", "Bearer tok-2"),
                apiRequests().stream().map(r -> r.getHeader("Authorization")).toList());
    }

    @Test
    void a401OnAWriteReplaysTheSameBody() {
        // given a Halo refusing the first token on a create
        stubTokenSequence(tokenReply("tok-1", 3600), tokenReply("tok-2", 3600));
        halo.stubFor(post(urlEqualTo("/api/Tickets")).withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(aResponse().withStatus(401)));
        halo.stubFor(post(urlEqualTo("/api/Tickets")).withHeader("Authorization", equalTo("Bearer tok-2"))
                .willReturn(okJson("{\"id\":77}")));

        // when the route creates a ticket
        Exchange exchange = succeeded(send("halo:tickets/create", Map.of("summary", "printer on fire")));

        // then the same array body went out twice, and the ticket was created once
        assertEquals(77L, exchange.getMessage().getHeader(HaloConstants.ID));
        halo.verify(2, postRequestedFor(urlEqualTo("/api/Tickets"))
                .withRequestBody(equalToJson("[{\"summary\":\"printer on fire\"}]")));
    }

    @Test
    void sixteenThreadsRefusedAtOnceCauseOneRenewal() throws Exception {
        // given a token in use (tok-1) that Halo revokes while 16 calls with it are in flight
        stubTokenSequence(tokenReply("tok-1", 3600), tokenReply("tok-2", 3600), tokenReply("tok-3", 3600));
        halo.stubFor(get(urlPathEqualTo("/api/Client/1")).willReturn(okJson("{\"id\":1}")));
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/5")).withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(aResponse().withStatus(401).withFixedDelay(500)));
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/5")).withHeader("Authorization", equalTo("Bearer tok-2"))
                .willReturn(okJson("{\"id\":5}")));
        succeeded(send("halo:clients/get?id=1", null)); // fetches tok-1
        addRoute("direct:get", "halo:tickets/get?id=5");
        int threads = 16;

        // when they all call Halo at once and are all refused, then each replayed once with the one renewed token
        assertEquals(Collections.nCopies(threads, Map.of("id", 5L)), callAtOnce(threads, "direct:get"));
        assertEquals(2, tokenRequests().size(), "one initial token and one renewal");
        halo.verify(threads, getRequestedFor(urlPathEqualTo("/api/Tickets/5"))
                .withHeader("Authorization", equalTo("Bearer tok-1")));
        halo.verify(threads, getRequestedFor(urlPathEqualTo("/api/Tickets/5"))
                .withHeader("Authorization", equalTo("Bearer tok-2")));
    }

    @Test
    void aSecond401FailsWith401AndNoThirdAttempt() {
        // given a Halo refusing every token
        stubTokenSequence(tokenReply("tok-1", 3600), tokenReply("tok-2", 3600));
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/5")).willReturn(aResponse().withStatus(401)
                .withBody("{\"Message\":\"Authorization has been denied for this request.\"}")));

        // when the route gets a ticket
        HaloApiException e = failure(send("halo:tickets/get?id=5", null), HaloApiException.class);

        // then it failed with Halo's 401 after exactly two attempts and two tokens
        assertEquals(401, e.getStatusCode());
        assertFalse(e.isTokenRequest());
        assertMentions(e.getMessage(), "401", "GET /api/Tickets/5", "Authorization has been denied", "scope");
        assertEquals(2, apiRequests().size());
        assertEquals(2, tokenRequests().size());
    }

    @Test
    void tokenEndpointAnswering500HtmlSaysTheApplicationHasNoAgentToLogInAs() {
        // given a token endpoint answering an IIS error page (Halo's reply when the application has no agent)
        halo.stubFor(post(urlPathEqualTo("/auth/token")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "text/html")
                .withBody("<!DOCTYPE html><html><head><title>Runtime Error</title></head><body>Server Error in '/' "
                          + "Application.</body></html>")));

        // when the route calls Halo, even with throwExceptionOnFailure=false
        HaloApiException e = failure(send("halo:tickets/get?id=5&throwExceptionOnFailure=false", null),
                HaloApiException.class);

        // then the error explains the likely cause, and no API call was made
        assertEquals(500, e.getStatusCode());
        assertTrue(e.isTokenRequest());
        assertMentions(e.getMessage(), "no agent to log in as", "Login Type: Agent");
        assertEquals(0, apiRequests().size());
    }

    @Test
    void invalidClientAdvisesCheckingClientIdAndSecret() {
        // given a token endpoint that does not know the application
        halo.stubFor(post(urlPathEqualTo("/auth/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_client\"}")));

        // when the route calls Halo
        HaloApiException e = failure(send("halo:tickets/get?id=5", null), HaloApiException.class);

        // then the error names Halo's code and what to check
        assertEquals(400, e.getStatusCode());
        assertEquals("invalid_client", e.getHaloMessage());
        assertMentions(e.getMessage(), "invalid_client", "Check clientId and clientSecret");
        assertEquals(0, apiRequests().size());
    }

    @Test
    void invalidScopeNamesTheScopeAskedFor() {
        // given a token endpoint refusing a scope Halo does not have
        halo.stubFor(post(urlPathEqualTo("/auth/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_scope\"}")));

        // when a route asks for read:actions
        HaloApiException e = failure(send("halo:tickets/get?id=5&scope=read:actions", null), HaloApiException.class);

        // then the token request carried that scope, and the error names it with the allowed ones
        assertEquals("read:actions", form(tokenRequests().get(0)).get("scope"));
        assertMentions(e.getMessage(), "invalid_scope", "'read:actions'", "read:tickets");
    }

    @Test
    void aTokenReplyThatIsNotJsonPointsAtAuthUrl() {
        // given an auth URL that answers a web page with 200
        halo.stubFor(post(urlPathEqualTo("/auth/token")).willReturn(aResponse().withStatus(200)
                .withBody("<html><body>Welcome</body></html>")));

        // when the route calls Halo
        HaloApiException e = failure(send("halo:tickets/get?id=5", null), HaloAuthenticationException.class);

        // then the error is the token endpoint's unusable reply and says to check authUrl
        assertTrue(e.isUnusableReply() && e.isTokenRequest());
        assertMentions(e.getMessage(), "did not answer JSON", "authUrl");
        assertEquals(0, apiRequests().size());
    }

    @Test
    void sendsTheTenantOnTheTokenUrl() {
        // given a hosted Halo that needs ?tenant=
        stubToken();
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/5")).willReturn(okJson("{\"id\":5}")));

        // when the route sets option tenant
        succeeded(send("halo:tickets/get?id=5&tenant=xyz", null));

        // then the token URL carries it, and the form is unchanged
        LoggedRequest token = tokenRequests().get(0);
        assertEquals("/auth/token?tenant=xyz", token.getUrl());
        assertTokenRequest(token, clientCredentialsForm());
    }

    @Test
    void noTenantMeansNoQueryOnTheTokenUrl() {
        // given a Halo
        stubToken();
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/5")).willReturn(okJson("{\"id\":5}")));

        // when the route sets no tenant
        succeeded(send("halo:tickets/get?id=5", null));

        // then the token URL is bare
        assertEquals("/auth/token", tokenRequests().get(0).getUrl());
    }

    @Test
    void anAuthUrlOptionMovesTheTokenRequest() {
        // given an authorisation server at its own path
        halo.stubFor(post(urlPathEqualTo("/identity/token")).willReturn(okJson(
                "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"expires_in\":3600}")));
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/5")).willReturn(okJson("{\"id\":5}")));

        // when the route names it
        succeeded(send("halo:tickets/get?id=5&authUrl=RAW(" + baseUrl() + "/identity/)", null));

        // then the token was fetched there
        assertEquals(1, allRequests().stream().filter(r -> r.getUrl().equals("/identity/token")).count());
        assertEquals(0, tokenRequests().size());
    }

    @Test
    void withoutAuthUrlAMissingDefaultTokenEndpointIsLookedUpInAuthInfoOnce() {
        // given a tenant whose authorisation server is not at {baseUrl}/auth, and Halo naming it at /api/authinfo
        halo.stubFor(post(urlPathEqualTo("/auth/token")).willReturn(aResponse().withStatus(404)));
        halo.stubFor(get(urlPathEqualTo("/api/authinfo")).willReturn(okJson(
                "{\"auth_url\":\"" + baseUrl() + "/identity/\"}")));
        halo.stubFor(post(urlPathEqualTo("/identity/token")).willReturn(okJson(tokenReply("tok-9", 3600))));
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/5")).withHeader("Authorization", equalTo("Bearer tok-9"))
                .willReturn(okJson("{\"id\":5}")));

        // when a route calls Halo twice
        succeeded(send("halo:tickets/get?id=5", null));
        succeeded(send("halo:tickets/get?id=5", null));

        // then the default endpoint was tried once, Halo asked once, and its server used from then on
        assertEquals(List.of("POST /auth/token", "GET /api/authinfo", "POST /identity/token", "GET /api/Tickets/5",
                "GET /api/Tickets/5"), allRequests().stream().map(r -> r.getMethod() + " " + path(r)).toList());
    }

    @Test
    void anAuthServerHaloNamesOffItsDomainIsNeverSentTheSecret() {
        // given a default token endpoint missing, and /api/authinfo (unauthenticated) naming a server on another host:
        // here "localhost", which is not the registrable domain of baseUrl (127.0.0.1), though it is a listening server
        elsewhere.stubFor(post(urlPathEqualTo("/auth/token")).willReturn(okJson(tokenReply("stolen", 3600))));
        halo.stubFor(post(urlPathEqualTo("/auth/token")).willReturn(aResponse().withStatus(404)));
        halo.stubFor(get(urlPathEqualTo("/api/authinfo")).willReturn(okJson(
                "{\"auth_url\":\"http://localhost:" + elsewhere.getPort() + "/auth\"}")));

        // when a route calls Halo
        HaloApiException e = failure(send("halo:tickets/get?id=5", null), HaloAuthenticationException.class);

        // then the named server got nothing, and the error says why it was not used and what to set
        assertEquals(0, elsewhere.getAllServeEvents().size(), "the client secret went to the server Halo named");
        assertEquals(List.of("POST /auth/token", "GET /api/authinfo"),
                allRequests().stream().map(r -> r.getMethod() + " " + path(r)).toList());
        assertEquals(404, e.getStatusCode());
        assertMentions(e.getMessage(), "localhost:" + elsewhere.getPort(), "not on the domain of baseUrl",
                "set authUrl");
        assertFalse(e.getMessage().contains(CLIENT_SECRET));
    }

    @Test
    void anAuthServerHaloNamesIsUsedWhenItIsConfiguredOutright() {
        // given the same server, named by the operator with authUrl (no discovery involved)
        elsewhere.stubFor(post(urlPathEqualTo("/auth/token")).willReturn(okJson(tokenReply("tok-1", 3600))));
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/5")).willReturn(okJson("{\"id\":5}")));

        // when a route calls Halo, then the token comes from there
        succeeded(send("halo:tickets/get?id=5&authUrl=RAW(http://localhost:" + elsewhere.getPort() + "/auth)", null));
        assertEquals(1, elsewhere.getAllServeEvents().size());
        assertEquals("Bearer tok-1", apiRequests().get(0).getHeader("Authorization"));
    }

    @Test
    void aRestartUsesTheNewestRefreshTokenFromTheRepository() throws Exception {
        // given Halo rotated the refresh token while the first run was up, and the run kept it in a repository
        MemoryStateRepository store = new MemoryStateRepository();
        context.getRegistry().bind("refreshTokens", store);
        stubTokenSequence(
                "{\"access_token\":\"tok-1\",\"expires_in\":3600,\"refresh_token\":\"rt-rotated-2\"}",
                tokenReply("tok-2", 3600));
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/5")).willReturn(okJson("{\"id\":5}")));
        String uri = "halo:tickets/get?id=5&grantType=refresh_token&refreshToken=RAW(rt-original-1)"
                     + "&clientId=consent-app&refreshTokenRepository=#refreshTokens";
        succeeded(send(uri, null));

        // when the application restarts with the same configuration (the configured token is already spent)
        context.stop();
        context = TestCamel.context(baseUrl(), CLIENT_ID, CLIENT_SECRET);
        context.getRegistry().bind("refreshTokens", store);
        context.start();
        template = context.createProducerTemplate();
        succeeded(send(uri, null));

        // then the second run asked with the rotated token, not the configured one
        List<LoggedRequest> tokens = tokenRequests();
        assertEquals(2, tokens.size());
        assertEquals("rt-original-1", form(tokens.get(0)).get("refresh_token"));
        assertEquals("rt-rotated-2", form(tokens.get(1)).get("refresh_token"));
    }

    @Test
    void aRefreshAsksForTheScopeHaloGranted() {
        // given Halo granted less than the configured scope
        stubTokenSequence(
                "{\"access_token\":\"tok-1\",\"expires_in\":3600,\"scope\":\"read:tickets\"}",
                tokenReply("tok-2", 3600));
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/5")).withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(aResponse().withStatus(401)));
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/5")).withHeader("Authorization", equalTo("Bearer tok-2"))
                .willReturn(okJson("{\"id\":5}")));

        // when the first token is refused and renewed with the refresh grant
        succeeded(send("halo:tickets/get?id=5&grantType=refresh_token&refreshToken=RAW(rt-1)&clientId=consent-app",
                null));

        // then the renewal asks for what was granted, not more
        List<LoggedRequest> tokens = tokenRequests();
        assertEquals("all", form(tokens.get(0)).get("scope"));
        assertEquals("read:tickets", form(tokens.get(1)).get("scope"));
    }

    @Test
    void theRefreshTokenGrantSendsTheRefreshTokenAndUsesARotatedOneNextTime() {
        // given an application authorised through Halo's consent screen; Halo rotates the refresh token
        stubTokenSequence(
                "{\"access_token\":\"tok-1\",\"expires_in\":3600,\"refresh_token\":\"rt-rotated-2\"}",
                tokenReply("tok-2", 3600));
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/5")).withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(aResponse().withStatus(401)));
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/5")).withHeader("Authorization", equalTo("Bearer tok-2"))
                .willReturn(okJson("{\"id\":5}")));
        String uri = "halo:tickets/get?id=5&grantType=refresh_token&refreshToken=RAW(rt-original-1)"
                     + "&clientId=consent-app";

        // when the route calls Halo and the first token is refused, forcing a renewal
        succeeded(send(uri, null));

        // then the first form used the configured refresh token, the second the rotated one
        List<LoggedRequest> tokens = tokenRequests();
        assertEquals(2, tokens.size());
        Map<String, String> first = form(tokens.get(0));
        Map<String, String> second = form(tokens.get(1));
        assertEquals("refresh_token", first.get("grant_type"));
        assertEquals("rt-original-1", first.get("refresh_token"));
        assertEquals("consent-app", first.get("client_id"));
        assertEquals("refresh_token", second.get("grant_type"));
        assertEquals("rt-rotated-2", second.get("refresh_token"));
    }

    @Test
    void endpointsWithDifferentRefreshTokensDoNotShareATokenEvenForTheSameApplication() {
        // given one consent-screen application authorised by two agents, each with their own refresh token
        halo.stubFor(post(urlPathEqualTo("/auth/token")).withRequestBody(containing("refresh_token=rt-agent-a"))
                .willReturn(okJson(tokenReply("tok-agent-a", 3600))));
        halo.stubFor(post(urlPathEqualTo("/auth/token")).withRequestBody(containing("refresh_token=rt-agent-b"))
                .willReturn(okJson(tokenReply("tok-agent-b", 3600))));
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/5")).willReturn(okJson("{\"id\":5}")));
        String asAgent = "halo:tickets/get?id=5&grantType=refresh_token&clientId=consent-app&refreshToken=";

        // when a route calls Halo as each agent
        succeeded(send(asAgent + "rt-agent-a", null));
        succeeded(send(asAgent + "rt-agent-b", null));

        // then each call went out as its own agent
        assertEquals(List.of("Bearer tok-agent-a", "Bearer tok-agent-b"),
                apiRequests().stream().map(r -> r.getHeader("Authorization")).toList());
    }

    @Test
    void endpointsWithTheSameApplicationShareOneToken() {
        // given a Halo with tickets and clients
        stubToken();
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/5")).willReturn(okJson("{\"id\":5}")));
        halo.stubFor(get(urlPathEqualTo("/api/Client/6")).willReturn(okJson("{\"id\":6}")));

        // when two different endpoints of the same application call Halo
        succeeded(send("halo:tickets/get?id=5", null));
        succeeded(send("halo:clients/get?id=6&pageSize=10", null));

        // then they shared one token
        assertEquals(1, tokenRequests().size());
    }

    // --- helpers

    private static String tokenReply(String accessToken, long expiresIn) {
        return "{\"token_type\":\"Bearer\",\"access_token\":\"" + accessToken + "\",\"expires_in\":" + expiresIn + "}";
    }

    /** The token endpoint answers these replies in turn (a WireMock scenario), then keeps answering the last. */
    private void stubTokenSequence(String... replies) {
        for (int i = 0; i < replies.length; i++) {
            ScenarioMappingBuilder stub = post(urlPathEqualTo("/auth/token")).inScenario("tokens")
                    .whenScenarioStateIs(i == 0 ? STARTED : "issued-" + i)
                    .willReturn(okJson(replies[i]));
            if (i < replies.length - 1) {
                stub = (ScenarioMappingBuilder) stub.willSetStateTo("issued-" + (i + 1));
            }
            halo.stubFor(stub);
        }
    }

    /** Starts {@code threads} calls to the route at the same instant and returns their replies. */
    private List<Object> callAtOnce(int threads, String uri) throws Exception {
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Object>> calls = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                calls.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return template.requestBody(uri, (Object) null);
                }));
            }
            assertTrue(ready.await(10, TimeUnit.SECONDS), "threads ready");
            go.countDown();
            List<Object> replies = new ArrayList<>();
            for (Future<Object> call : calls) {
                replies.add(call.get(20, TimeUnit.SECONDS));
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }
}
