package io.camelhalo.component.halo.console;

import java.util.List;

import io.camelhalo.component.halo.HaloSandboxExtension;
import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The halo dev console lists halo-webhook routes beside halo-poll's: the path served and the registration. */
class HaloDevConsoleWebhookTest {

    private static final String BASIC = "basicUsername=halo&basicPassword=console-test-secret";

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest().withoutContext();

    private HaloSandbox sandbox;
    private CamelContext context;

    @BeforeEach
    void start() throws Exception {
        sandbox = halo.sandbox();
        int port = AvailablePortFinder.getNextAvailable();
        context = halo.newContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // one route registers its webhook in Halo, the other serves a webhook made by hand
                from("halo-webhook:tickets?register=true&events=19&webhookUrl=http://127.0.0.1:" + port
                     + "/halo-webhook/tickets&" + BASIC).routeId("ticket-hook").to("mock:tickets");
                from("halo-webhook:invoices?path=/hooks/invoices&" + BASIC).routeId("invoice-hook")
                        .to("mock:invoices");
            }
        });
        context.start();
    }

    @Test
    void theConsoleListsEachWebhookRouteWithItsPathAndRegistration() {
        // given two started webhook routes
        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("halo");

        // when the console is asked
        JsonObject json = (JsonObject) console.call(DevConsole.MediaType.JSON);
        String text = (String) console.call(DevConsole.MediaType.TEXT);

        // then each route is there with the path it serves and whether its webhook is registered in Halo
        JsonArray webhooks = (JsonArray) json.get("webhooks");
        assertEquals(2, webhooks.size(), json.toJson());
        JsonObject tickets = webhook(webhooks, "ticket-hook");
        assertEquals("tickets", tickets.getString("resource"));
        assertEquals("/halo-webhook/tickets", tickets.getString("path"));
        assertEquals(true, tickets.getBoolean("serving"));
        assertEquals(true, tickets.getBoolean("registered"));
        assertEquals("camel-halo tickets /halo-webhook/tickets", tickets.getString("webhookName"));
        assertEquals(sandbox.webhooks().get(0).get("name"), tickets.getString("webhookName"));
        JsonObject invoices = webhook(webhooks, "invoice-hook");
        assertEquals("/hooks/invoices", invoices.getString("path"));
        assertEquals(false, invoices.getBoolean("register"));
        assertEquals(false, invoices.getBoolean("registered"));
        assertNull(invoices.getString("webhookName"));
        assertTrue(text.contains(String.format("Route ticket-hook (halo-webhook:tickets)%n"
                                               + "    Path: /halo-webhook/tickets (serving)%n"
                                               + "    Registered in Halo: yes, as '%s'",
                tickets.getString("webhookName"))), text);
        assertTrue(text.contains(String.format("Route invoice-hook (halo-webhook:invoices)%n"
                                               + "    Path: /hooks/invoices (serving)%n"
                                               + "    Registered in Halo: not asked (register=false)")),
                text);

        // and the connection the registration opened is listed, once
        JsonArray connections = (JsonArray) json.get("connections");
        assertEquals(1, connections.size(), json.toJson());
        assertEquals(sandbox.baseUrl() + "/api", ((JsonObject) connections.get(0)).getString("apiUrl"));
        for (String shown : List.of(json.toJson(), text)) {
            assertFalse(shown.contains("console-test-secret") || shown.contains(sandbox.clientSecret()), "no secret");
        }
    }

    private static JsonObject webhook(JsonArray webhooks, String routeId) {
        return webhooks.stream().map(JsonObject.class::cast).filter(w -> routeId.equals(w.getString("routeId")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + routeId + " in " + webhooks.toJson()));
    }
}
