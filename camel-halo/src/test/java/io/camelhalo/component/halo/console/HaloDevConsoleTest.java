package io.camelhalo.component.halo.console;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.camelhalo.component.halo.HaloConstants;
import io.camelhalo.component.halo.HaloSandboxExtension;
import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The halo dev console, found the way Camel finds consoles, against the sandbox with a 429 and a 503 on the way. */
class HaloDevConsoleTest {

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest()
            .configure(connection -> {
                connection.setRateLimit(50);
                connection.setRateLimitWindow(60_000);
                connection.setRetryDelay(10);
            })
            .routes(r -> {
                r.from("direct:list").to("halo:tickets/list");
                // one poll, then quiet for the test: the figures below do not move under it
                r.from("halo-poll:tickets?startFrom=beginning&initialDelay=0&delay=600000").routeId("ticket-watch")
                        .to("mock:seen");
            });

    private HaloSandbox sandbox;
    private CamelContext context;

    @BeforeEach
    void bind() {
        sandbox = halo.sandbox();
        context = halo.context();
    }

    @Test
    void theConsoleShowsTheConnectionAndThePollRouteWithoutTheToken() throws Exception {
        // given every seeded ticket polled once, and the poll's progress saved
        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("halo");
        assertNotNull(console, "META-INF/services/org/apache/camel/dev-console/halo");
        await().atMost(Duration.ofSeconds(20)).until(() -> !"none".equals(poll(console).getString("watermark")));
        assertEquals(sandbox.count("tickets"), context.getEndpoint("mock:seen", MockEndpoint.class).getReceivedCounter());
        assertEquals(sandbox.records("tickets").stream().map(t -> t.get("id")).sorted().toList(),
                context.getEndpoint("mock:seen", MockEndpoint.class).getReceivedExchanges().stream()
                        .map(e -> e.getMessage().getHeader(HaloConstants.RECORD_ID)).sorted().toList(),
                "every ticket, once");

        // when a list meets a 429, then a 503, and is retried through both
        sandbox.failNext(1, 429);
        context.createProducerTemplate().requestBody("direct:list", null, List.class);
        sandbox.failNext(1, 503);
        context.createProducerTemplate().requestBody("direct:list", null, List.class);

        // then the console, resolved by name from the generated service file, reports them
        JsonObject json = (JsonObject) console.call(DevConsole.MediaType.JSON);
        JsonObject connection = (JsonObject) ((JsonArray) json.get("connections")).get(0);
        Instant expiresAt = Instant.parse(connection.getString("tokenExpiresAt"));
        assertTrue(expiresAt.isAfter(Instant.now().plus(Duration.ofMinutes(50))), "the sandbox issues one-hour tokens");
        assertEquals(50, connection.getInteger("permitLimit"));
        assertTrue(connection.getInteger("permitsUsed") > 0);
        assertEquals(0, connection.getInteger("waitingForPermit"));
        assertEquals(1L, connection.getLong("rateLimited"));
        assertEquals(1L, connection.getLong("retries"), "the 503 (a 429 is counted as rateLimited)");
        Map<String, Object> replies = connection.getMap("replies");
        assertEquals(1L, ((Number) replies.get("tickets list 429")).longValue());
        assertEquals(1L, ((Number) replies.get("tickets list 503")).longValue());
        assertEquals(1L, ((Number) replies.get("token token 200")).longValue());

        JsonObject poll = (JsonObject) ((JsonArray) json.get("polls")).get(0);
        assertEquals("ticket-watch", poll.getString("routeId"));
        assertEquals("tickets", poll.getString("resource"));
        assertEquals((long) sandbox.count("tickets"), poll.getLong("delivered"));
        assertEquals("ok, " + sandbox.count("tickets") + " changed", poll.getString("lastPollResult"));
        assertEquals(newestTicketChange(), Instant.parse(poll.getString("watermark")));

        String text = (String) console.call(DevConsole.MediaType.TEXT);
        assertTrue(text.contains("Token expires at: " + expiresAt), text);
        assertTrue(text.contains("Route ticket-watch (halo-poll:tickets)"), text);
        assertTrue(text.contains(" of 50 permits used, 0 waiting"), text);
        for (String shown : List.of(json.toJson(), text)) {
            assertFalse(shown.contains(sandbox.clientSecret()), "no secret");
            assertFalse(shown.contains("Bearer") || shown.contains("access_token"), "no token");
        }
    }

    private static JsonObject poll(DevConsole console) {
        JsonObject json = (JsonObject) console.call(DevConsole.MediaType.JSON);
        return (JsonObject) ((JsonArray) json.get("polls")).get(0);
    }

    private Instant newestTicketChange() {
        return sandbox.records("tickets").stream()
                .map(t -> io.camelhalo.component.halo.api.HaloTimestamps.parse(String.valueOf(t.get("last_update"))))
                .max(Comparator.naturalOrder()).orElseThrow();
    }
}
