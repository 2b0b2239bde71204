package io.camelhalo.component.halo;

import java.util.List;

import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.ComponentResolver;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Start-up errors that say what to do: halo-webhook with no HTTP server names the dependency and key for each runtime;
 * a mistyped option names the one meant; wrong credentials stop the route at start with one line and no secret.
 */
class HaloStartupErrorsTest {

    private static final String WRONG_SECRET = "not-the-secret-4711";

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest().withoutContext();

    // ---- halo-webhook without an HTTP server ----

    @Test
    void haloWebhookWithPlatformHttpButNoServerSaysWhatToAdd() throws Exception {
        // given camel-platform-http-vertx on the classpath, but no server started (camel.server.enabled unset)
        CamelContext context = halo.newContext();
        context.addRoutes(webhookRoute());

        Exception e = assertThrows(Exception.class, context::start);

        assertNamesEveryRuntime(rootMessage(e));
    }

    @Test
    void haloWebhookWithNoPlatformHttpAtAllSaysWhatToAdd() throws Exception {
        // given no platform-http component at all
        CamelContext context = halo.newContext();
        ComponentResolver resolver = PluginHelper.getComponentResolver(context);
        context.getCamelContextExtension().addContextPlugin(ComponentResolver.class,
                (name, camel) -> "platform-http".equals(name) ? null : resolver.resolveComponent(name, camel));
        context.addRoutes(webhookRoute());

        Exception e = assertThrows(Exception.class, context::start);

        assertNamesEveryRuntime(rootMessage(e));
    }

    private static RouteBuilder webhookRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("halo-webhook:tickets?allowUnauthenticated=true").to("log:tickets");
            }
        };
    }

    private static void assertNamesEveryRuntime(String message) {
        for (String what : new String[] {
                "camel-platform-http-main", "camel.server.enabled=true", "camel-platform-http-starter",
                "camel-quarkus-platform-http", "/halo-webhook/tickets" }) {
            assertTrue(message.contains(what), "names " + what + ": " + message);
        }
    }

    // ---- mistyped options ----

    @Test
    void aMistypedOptionNamesTheOneMeantOnEveryScheme() {
        CamelContext context = halo.newContext();

        assertMeant(context, "halo:tickets/list?pageSise=50", "pageSise (did you mean pageSize?)");
        assertMeant(context, "halo-poll:tickets?pageSise=50", "pageSise (did you mean pageSize?)");
        assertMeant(context, "halo-webhook:tickets?allowUnauthenticated=true&maxBodySise=10",
                "maxBodySise (did you mean maxBodySize?)");
        assertMeant(context, "halo:tickets/list?nothingLikeAnyOption=1", "Unknown option nothingLikeAnyOption.");
    }

    @Test
    void anOptionInAnotherCaseStillBinds() {
        CamelContext context = halo.newContext();

        HaloEndpoint endpoint = context.getEndpoint("halo:tickets/list?pagesize=50", HaloEndpoint.class);

        assertEquals(50, endpoint.getProducerConfiguration().getPageSize());
    }

    @Test
    void aMistypedSecretOptionNamesTheOptionButNotItsValue() {
        CamelContext context = halo.newContext();

        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("halo:tickets/list?clientSecrett=" + WRONG_SECRET));

        assertTrue(e.getMessage().contains("clientSecrett (did you mean clientSecret?)"), e.getMessage());
        assertFalse(e.getMessage().contains(WRONG_SECRET), e.getMessage());
    }

    private static void assertMeant(CamelContext context, String uri, String expected) {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint(uri));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    // ---- wrong credentials ----

    @Test
    void wrongCredentialsStopAProducerRouteAtStartWithOneLine() throws Exception {
        HaloSandbox sandbox = halo.sandbox();
        CamelContext context = contextCheckingCredentials(WRONG_SECRET);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:list").to("halo:tickets/list");
            }
        });

        Exception e = assertThrows(Exception.class, context::start);

        String message = rootMessage(e);
        assertTrue(message.contains("halo://tickets/list: Halo refused the credentials at start"), message);
        assertTrue(message.contains("HTTP 400 to POST " + sandbox.baseUrl() + "/auth/token: The client id or secret is "
                                    + "not valid. Check clientId and clientSecret"),
                message);
        assertFalse(message.contains("\n"), "one line: " + message);
        assertFalse(message.contains(WRONG_SECRET), message);
        assertEquals(1, sandbox.tokenRequestCount(), "one token request");
        assertEquals(0, sandbox.apiRequestCount());
    }

    @Test
    void wrongCredentialsStopAPollRouteAtStart() throws Exception {
        CamelContext context = contextCheckingCredentials(WRONG_SECRET);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("halo-poll:tickets?startScheduler=false").to("log:tickets");
            }
        });

        Exception e = assertThrows(Exception.class, context::start);

        assertTrue(rootMessage(e).contains("halo-poll://tickets: Halo refused the credentials at start"),
                rootMessage(e));
        assertEquals(1, halo.sandbox().tokenRequestCount());
    }

    @Test
    void rightCredentialsCostOneTokenRequestThatTheFirstCallUses() throws Exception {
        HaloSandbox sandbox = halo.sandbox();
        CamelContext context = contextCheckingCredentials(sandbox.clientSecret());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:list").to("halo:tickets/list?maxResults=1");
                from("direct:get").to("halo:tickets/get?id=1");
            }
        });

        context.start();
        assertEquals(1, sandbox.tokenRequestCount(), "one check for both producers of the connection");
        context.createProducerTemplate().requestBody("direct:list", (Object) null);

        assertEquals(1, sandbox.tokenRequestCount(), "the call uses the token of the check");
    }

    @Test
    void anUnreachableHaloStartsTheRouteWithOneWarning() throws Exception {
        // given Halo not answering at all (nothing listens on the port)
        CamelContext context = contextCheckingCredentials(halo.sandbox().clientSecret());
        HaloConfiguration cfg = TestCamel.configuration(context);
        cfg.setBaseUrl("http://127.0.0.1:" + org.apache.camel.test.AvailablePortFinder.getNextAvailable());
        cfg.setMaxRetries(0);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:list").to("halo:tickets/list");
            }
        });

        try (LogCapture log = new LogCapture()) {
            context.start();

            // then the route runs, and one WARN line says the check could not be made
            assertTrue(context.getRouteController().getRouteStatus(context.getRoutes().get(0).getRouteId()).isStarted());
            List<LogCapture.Line> warnings = log.lines(org.apache.logging.log4j.Level.WARN, "HaloConnection");
            assertEquals(1, warnings.size(), String.valueOf(warnings));
            assertTrue(warnings.get(0).message().startsWith(
                    "halo://tickets/list: could not check the credentials at start, starting anyway: "),
                    warnings.get(0).message());
            assertEquals(null, warnings.get(0).thrown());
        }
    }

    @Test
    void withTheCheckOffNothingIsAskedAtStart() throws Exception {
        CamelContext context = halo.newContext();
        TestCamel.configuration(context).setClientSecret(WRONG_SECRET); // the harness turns the check off
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:list").to("halo:tickets/list");
            }
        });

        context.start();

        assertEquals(0, halo.sandbox().tokenRequestCount());
    }

    private CamelContext contextCheckingCredentials(String secret) {
        CamelContext context = halo.newContext();
        HaloConfiguration cfg = TestCamel.configuration(context);
        cfg.setClientSecret(secret);
        cfg.setCheckCredentialsOnStart(true); // the default; the test harness turns it off
        return context;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            if (cause instanceof IllegalStateException && cause.getMessage() != null
                    && !(cause.getCause() instanceof IllegalStateException)) {
                return cause.getMessage();
            }
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
