package io.camelhalo.component.halo;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camelhalo.component.halo.auth.HaloCredentials;
import io.camelhalo.component.halo.error.HaloApiException;
import org.apache.camel.Endpoint;
import org.apache.camel.util.URISupport;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Secrets never show: not in exception messages, exception.toString() or stack traces, not in the endpoint URI Camel
 * shows, not in anything logged. Each secret is a unique string, so finding it anywhere is a leak.
 */
class HaloSecretsTest extends HaloTestSupport {

    private static final String URI_SECRET = "uriSecret-5d6e7f";
    private static final String REFRESH_TOKEN = "refreshTok-8a9b0c";
    private static final String ROTATED_REFRESH_TOKEN = "refreshTok-rotated-1d2e";
    private static final List<String> SECRETS = List.of(CLIENT_SECRET, ACCESS_TOKEN, URI_SECRET, REFRESH_TOKEN,
            ROTATED_REFRESH_TOKEN);

    @RegisterExtension
    static WireMockExtension halo = newHalo();

    @Override
    protected WireMockExtension halo() {
        return halo;
    }

    @Test
    void aRefusedClientLeaksNoSecret() {
        // given a token endpoint refusing the application
        halo.stubFor(post(urlPathEqualTo("/auth/token")).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}")));

        // when the route calls Halo
        HaloApiException e = failure(send("halo:tickets/get?id=5", null), HaloApiException.class);

        // then the failure helps without naming the secret
        assertMentions(e.getMessage(), "Client authentication failed", "Check clientId and clientSecret");
        assertNoSecretIn(e);
    }

    @Test
    void anApiErrorAfterATokenLeaksNoToken() {
        // given a Halo that issues a token but refuses it twice
        stubToken();
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/5")).willReturn(aResponse().withStatus(401)
                .withBody("{\"Message\":\"Authorization has been denied for this request.\"}")));

        // when the route calls Halo
        HaloApiException e = failure(send("halo:tickets/get?id=5", null), HaloApiException.class);

        // then neither the access token nor the secret show
        assertEquals(401, e.getStatusCode());
        assertNoSecretIn(e);
    }

    @Test
    void aRefreshTokenGrantFailureLeaksNoRefreshToken() {
        // given a token endpoint that first rotates the refresh token, then refuses the rotated one
        halo.stubFor(post(urlPathEqualTo("/auth/token")).inScenario("rotate").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"access_token\":\"" + ACCESS_TOKEN + "\",\"expires_in\":3600,\"refresh_token\":\""
                                   + ROTATED_REFRESH_TOKEN + "\"}"))
                .willSetStateTo("rotated"));
        halo.stubFor(post(urlPathEqualTo("/auth/token")).inScenario("rotate").whenScenarioStateIs("rotated")
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid_grant\"}")));
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/5")).willReturn(aResponse().withStatus(401)));

        // when the route's token is refused and renewing it with the rotated refresh token fails
        HaloApiException e = failure(send("halo:tickets/get?id=5&grantType=refresh_token&refreshToken=RAW("
                                          + REFRESH_TOKEN + ")",
                null), HaloApiException.class);

        // then the error advises re-authorising, naming no token
        assertMentions(e.getMessage(), "invalid_grant", "refresh token");
        assertEquals(ROTATED_REFRESH_TOKEN, form(tokenRequests().get(1)).get("refresh_token"));
        assertNoSecretIn(e);
    }

    @Test
    void theEndpointUriCamelShowsHidesTheSecrets() throws Exception {
        // given a route whose URI carries the secrets
        String uri = "halo:tickets/get?clientSecret=RAW(" + URI_SECRET + ")&grantType=refresh_token&refreshToken=RAW("
                     + REFRESH_TOKEN + ")";

        // when the route starts
        addRoute("direct:secret", uri);
        Endpoint endpoint = context.getEndpoints().stream().filter(HaloEndpoint.class::isInstance).findFirst()
                .orElseThrow();

        // then every form Camel shows the URI in hides them
        assertNoSecretIn(URISupport.sanitizeUri(endpoint.getEndpointUri()));
        assertNoSecretIn(endpoint.toString());
        assertNoSecretIn(context.getRoutes().get(0).toString());
        assertNoSecretIn(((HaloEndpoint) endpoint).getServiceUrl());
        assertMentions(URISupport.sanitizeUri(endpoint.getEndpointUri()), "halo://tickets/get", "grantType=refresh_token");
    }

    @Test
    void aRouteThatFailsToStartDoesNotEchoTheSecretsOfItsUri() {
        // given a route URI with secrets and a bad page size
        String uri = "halo:tickets/list?pageSize=500&clientSecret=RAW(" + URI_SECRET + ")&refreshToken=RAW("
                     + REFRESH_TOKEN + ")";

        // when it starts
        Exception e = routeStartFailure(uri);

        // then the failure names the bad option but not the secrets
        assertMentions(chain(e), "pageSize 500");
        assertNoSecretIn(e);
    }

    @Test
    void credentialsNeverPrintTheirSecrets() {
        // given the credentials the token manager holds
        HaloCredentials credentials = new HaloCredentials(
                baseUrl() + "/auth", "acme", CLIENT_ID, CLIENT_SECRET,
                "all", "refresh_token", REFRESH_TOKEN);

        // when they are printed (as a debugger or a careless log line would)
        String printed = credentials.toString();

        // then the secrets are masked
        assertNoSecretIn(printed);
        assertMentions(printed, "acme", "refresh_token");
    }

    @Test
    void nothingTheComponentOrCamelLogsHoldsASecret() {
        // given every log event captured, the component logging at TRACE
        List<String> logged = new CopyOnWriteArrayList<>();
        LoggerContext logContext = (LoggerContext) LogManager.getContext(false);
        Configuration logConfig = logContext.getConfiguration();
        Appender capture = new AbstractAppender("secrets-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                logged.add(event.getLoggerName() + " " + event.getMessage().getFormattedMessage()
                           + (event.getThrown() == null ? "" : " " + chain(event.getThrown())));
            }
        };
        capture.start();
        logConfig.getLoggerConfig("io.camelhalo").addAppender(capture, Level.ALL, null);
        logConfig.getRootLogger().addAppender(capture, Level.ALL, null);
        logContext.updateLoggers();
        try {
            halo.stubFor(post(urlPathEqualTo("/auth/token")).willReturn(okJson(
                    "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"expires_in\":3600,\"refresh_token\":\""
                                                                               + ROTATED_REFRESH_TOKEN + "\"}")));
            halo.stubFor(get(urlPathEqualTo("/api/Tickets/5")).willReturn(aResponse().withStatus(401)));
            halo.stubFor(get(urlPathEqualTo("/api/Tickets/6")).willReturn(okJson("{\"id\":6}")));

            // when routes with secrets in their URIs start, fetch tokens, are refused and replay, and succeed
            addRoute("direct:secret", "halo:tickets/get?id=6&clientSecret=RAW(" + URI_SECRET + ")");
            failure(send("halo:tickets/get?id=5&grantType=refresh_token&refreshToken=RAW(" + REFRESH_TOKEN + ")", null),
                    HaloApiException.class);
            assertEquals(java.util.Map.of("id", 6L), template.requestBody("direct:secret", (Object) null));
            context.getRouteController().stopAllRoutes();
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            logConfig.getLoggerConfig("io.camelhalo").removeAppender("secrets-capture");
            logConfig.getRootLogger().removeAppender("secrets-capture");
            logContext.updateLoggers();
            capture.stop();
        }

        // then the component did log its work, and no line holds a secret
        assertFalse(logged.stream().noneMatch(line -> line.startsWith("io.camelhalo")),
                "the component logged nothing at TRACE: " + logged);
        logged.forEach(HaloSecretsTest::assertNoSecretIn);
        assertTrue(logged.stream().anyMatch(line -> line.contains("Authorization=Bearer ******")),
                "request logging shows the Authorization header masked");
    }

    private static void assertNoSecretIn(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertNoSecretIn(e.getMessage());
        assertNoSecretIn(e.toString());
        assertNoSecretIn(chain(e));
        assertNoSecretIn(trace.toString());
        if (e instanceof HaloApiException api) {
            assertNoSecretIn(String.valueOf(api.getPath()));
        }
    }

    private static void assertNoSecretIn(String text) {
        for (String secret : SECRETS) {
            assertFalse(text != null && text.contains(secret), () -> "secret " + secret.substring(0, 6) + "... leaked in: "
                                                                     + text.replace(secret, "<SECRET>"));
        }
    }
}
