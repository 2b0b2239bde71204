package io.camelhalo.builder.endpoint;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.camelhalo.builder.endpoint.dsl.HaloEndpointBuilderFactory;
import io.camelhalo.builder.endpoint.dsl.HaloPollEndpointBuilderFactory;
import io.camelhalo.builder.endpoint.dsl.HaloWebhookEndpointBuilderFactory;
import io.camelhalo.component.halo.HaloComponent;
import io.camelhalo.component.halo.HaloConfiguration;
import io.camelhalo.component.halo.HaloEndpoint;
import io.camelhalo.component.halo.webhook.HaloWebhookEndpoint;
import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.camelhalo.builder.endpoint.StaticEndpointBuilders.halo;
import static io.camelhalo.builder.endpoint.StaticEndpointBuilders.haloApi;
import static io.camelhalo.builder.endpoint.StaticEndpointBuilders.haloWebhook;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Routes written with the generated type-safe builders ({@code halo("tickets/list").pageSize(2)}) in an
 * {@link EndpointRouteBuilder}, against the sandbox.
 */
class HaloEndpointDslTest {

    /** How a user writes them: Camel's EndpointRouteBuilder plus the halo, halo-poll and halo-webhook builders. */
    static class TicketRoutes extends EndpointRouteBuilder
            implements HaloEndpointBuilderFactory.HaloBuilders, HaloPollEndpointBuilderFactory.HaloPollBuilders,
            HaloWebhookEndpointBuilderFactory.HaloWebhookBuilders {
        @Override
        public void configure() {
            from(direct("create-ticket")).to(halo("tickets/create"));
            from(direct("open-tickets")).to(halo("tickets/list").pageSize(2).query("open_only", true));
            from(haloPoll("tickets").startFrom("beginning").delay(100)).routeId("dsl-poll").to(mock("polled"));
            from(haloPoll("api").path("SalesOrder").lastModifiedField("last_update_time").startFrom("beginning")
                    .delay(100)).routeId("dsl-poll-any-list").to(mock("polledSalesOrders"));
        }
    }

    private HaloSandbox sandbox;
    private CamelContext context;

    @BeforeEach
    void start() throws Exception {
        sandbox = HaloSandbox.start(0);
        context = new DefaultCamelContext();
        HaloConfiguration connection = context.getComponent("halo", HaloComponent.class).getConfiguration();
        connection.setBaseUrl(sandbox.baseUrl());
        connection.setClientId(sandbox.clientId());
        connection.setClientSecret(sandbox.clientSecret());
        context.addRoutes(new TicketRoutes());
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
        sandbox.close();
    }

    @Test
    void theBuildersMakeTheEndpointsAndTheRoutesWork() {
        // given routes built with the DSL
        ProducerTemplate template = context.createProducerTemplate();

        // when a ticket is created and the open ones listed
        @SuppressWarnings("unchecked")
        Map<String, Object> created = template.requestBody("direct:create-ticket",
                Map.of("summary", "From the endpoint DSL", "client_id", 1), Map.class);
        List<?> open = template.requestBody("direct:open-tickets", null, List.class);

        // then the builders set the options a user would have typed, and Halo saw the write and the reads
        HaloEndpoint list = context.getEndpoints().stream()
                .filter(e -> e instanceof HaloEndpoint && e.getEndpointUri().startsWith("halo://tickets/list"))
                .map(HaloEndpoint.class::cast).findFirst().orElseThrow();
        assertEquals(2, list.getProducerConfiguration().getPageSize());
        assertEquals("true", String.valueOf(list.getProducerConfiguration().getQuery().get("open_only")));
        assertEquals("From the endpoint DSL",
                sandbox.record("tickets", ((Number) created.get("id")).longValue()).get("summary"));
        long expectedOpen = sandbox.records("tickets").stream()
                .filter(t -> !(t.get("status_id") instanceof Number n && n.intValue() == 9)).count();
        assertEquals(expectedOpen, open.size(), "all open tickets, over pages of 2");

        // and halo-poll, built the same way, delivers every ticket
        MockEndpoint polled = context.getEndpoint("mock:polled", MockEndpoint.class);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertEquals(sandbox.count("tickets"), polled.getReceivedCounter()));
        // and halo-poll on any list of Halo's API (the sandbox's one sales order)
        MockEndpoint salesOrders = context.getEndpoint("mock:polledSalesOrders", MockEndpoint.class);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(1, salesOrders.getReceivedCounter()));
        assertEquals("api/SalesOrder",
                salesOrders.getReceivedExchanges().get(0).getMessage().getHeader("CamelHaloRecordResource"));
    }

    @Test
    void theWebhookBuilderMakesTheEndpointAUserWouldType() {
        // given a halo-webhook endpoint built with the DSL (its route needs a platform HTTP server, not here)
        HaloWebhookEndpointBuilderFactory.HaloWebhookEndpointBuilder builder = haloWebhook("tickets")
                .path("/hooks/tickets").bearerToken("a-bearer-token-of-32-characters!")
                .register(true).events("NewTicketLogged,19").webhookUrl("https://camel.example.com/hooks/tickets");

        // when Camel resolves it
        HaloWebhookEndpoint endpoint = (HaloWebhookEndpoint) builder.resolve(context);

        // then it has the options set, and the connection of the halo component
        assertTrue(builder.getRawUri().startsWith("halo-webhook://tickets?"), builder.getRawUri());
        assertEquals("/hooks/tickets", endpoint.httpPath());
        assertEquals("a-bearer-token-of-32-characters!", endpoint.getBearerToken());
        assertEquals("NewTicketLogged,19", endpoint.getEvents());
        assertTrue(endpoint.isRegister());
        assertEquals("https://camel.example.com/hooks/tickets", endpoint.getWebhookUrl());
        assertEquals(sandbox.baseUrl(), endpoint.getConfiguration().getBaseUrl());
    }

    @Test
    void theStaticBuildersNeedNoInterface() {
        // given a builder from the static class, outside any route builder
        String uri = halo("tickets/get").id(42L).advanced().readTimeout("20s").getRawUri();

        // then it is the URI a user would type
        assertEquals("halo://tickets/get?id=42&readTimeout=20s", uri);
    }

    @Test
    void theHaloApiBuilderMakesTheUriAUserWouldType() {
        // given a halo-api builder from the static class
        String uri = haloApi("Timesheet/{id}").method("GET").pageSize(50).getRawUri();

        // then it is the URI a user would type, and Camel resolves it to a checked endpoint
        assertEquals("halo-api://Timesheet/{id}?method=GET&pageSize=50", uri);
        assertTrue(context.getEndpoint(uri) instanceof io.camelhalo.component.halo.apipath.HaloApiEndpoint);
    }
}
