package io.camelhalo.component.halo.tracing;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelhalo.component.halo.HaloConstants;
import io.camelhalo.component.halo.HaloSandboxExtension;
import io.camelhalo.sandbox.HaloSandbox;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.opentelemetry2.OpenTelemetryTracer;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With camel-opentelemetry2 on the classpath, the spans of halo, halo-poll and halo-webhook endpoints carry the
 * resource, operation, record id and Halo's status, read from an OpenTelemetry in-memory exporter while routes run
 * against the sandbox.
 */
class HaloSpanDecoratorTest {

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest().withoutContext();

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private OpenTelemetrySdk otel;
    private HaloSandbox sandbox;

    @BeforeEach
    void openTelemetry() {
        sandbox = halo.sandbox();
        otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
                .build();
    }

    @AfterEach
    void close() {
        otel.close();
    }

    /** A context traced by camel-opentelemetry2 into the in-memory exporter, started with these routes. */
    private CamelContext traced(CamelContext context, RouteBuilder routes) throws Exception {
        context.getRegistry().bind("otel", otel.getTracer("camel-halo-test"));
        new OpenTelemetryTracer().init(context);
        context.addRoutes(routes);
        context.start();
        return context;
    }

    @Test
    void producerSpansCarryResourceOperationIdAndHalosStatus() throws Exception {
        CamelContext context = traced(halo.newContext(), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:create").to("halo:tickets/create");
                from("direct:get").to("halo:tickets/get");
            }
        });
        ProducerTemplate template = context.createProducerTemplate();

        Map<?, ?> created = template.requestBody("direct:create", Map.of("summary", "Traced", "client_id", 2), Map.class);
        long id = ((Number) created.get("id")).longValue();
        SpanData create = span("halo", "create");
        assertEquals("tickets", attribute(create, HaloSpanTags.RESOURCE));
        assertEquals(String.valueOf(id), attribute(create, HaloSpanTags.ID));
        assertEquals("201", attribute(create, HaloSpanTags.STATUS));

        // the exchange's override of the operation is what the span names, as it is what the producer did
        template.requestBodyAndHeaders("direct:get", null,
                Map.of(HaloConstants.OPERATION, "get", HaloConstants.ID, id));
        assertEquals(String.valueOf(id), attribute(span("halo", "get"), HaloSpanTags.ID));

        template.requestBodyAndHeaders("direct:get", null, Map.of(HaloConstants.OPERATION, "list"));
        SpanData list = span("halo", "list");
        assertEquals("tickets", attribute(list, HaloSpanTags.RESOURCE));
        assertEquals(null, attribute(list, HaloSpanTags.STATUS), "a list reads many pages: no one status to report");
    }

    @Test
    void aFailedCallsSpanCarriesTheStatusHaloAnswered() throws Exception {
        CamelContext context = traced(halo.newContext(), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:get").to("halo:tickets/get");
            }
        });

        assertThrows(CamelExecutionException.class,
                () -> context.createProducerTemplate().requestBodyAndHeader("direct:get", null, HaloConstants.ID, 987654));

        SpanData get = span("halo", "get");
        assertEquals("404", attribute(get, HaloSpanTags.STATUS));
        assertEquals("987654", attribute(get, HaloSpanTags.ID));
    }

    @Test
    void haloApiSpansCarryTheDescribedPathMethodIdAndHalosStatus() throws Exception {
        CamelContext context = traced(halo.newContext(), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:create").to("halo-api:TimesheetEvent?method=POST");
                from("direct:get").to("halo-api:TimesheetEvent/{id}");
                // a get then a list in one exchange: the list's span has no status of the get's
                from("direct:get-then-list").to("halo-api:TimesheetEvent/{id}").to("halo-api:PurchaseOrder");
            }
        });
        ProducerTemplate template = context.createProducerTemplate();

        Map<?, ?> created = template.requestBody("direct:create", Map.of("subject", "Traced", "agent_id", 3), Map.class);
        SpanData post = span("halo-api", "POST");
        assertEquals("/TimesheetEvent", attribute(post, HaloSpanTags.PATH));
        assertEquals(String.valueOf(created.get("id")), attribute(post, HaloSpanTags.ID));
        assertEquals("201", attribute(post, HaloSpanTags.STATUS));

        // the path is the description's, whatever the id: one value per endpoint
        assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader("direct:get", null, HaloConstants.ID, 987654));
        SpanData missing = span("halo-api", "GET");
        assertEquals("/TimesheetEvent/{id}", attribute(missing, HaloSpanTags.PATH));
        assertEquals("404", attribute(missing, HaloSpanTags.STATUS));

        template.requestBodyAndHeader("direct:get-then-list", null, HaloConstants.ID, created.get("id"));
        SpanData list = span("halo-api", "GET");
        assertEquals("/PurchaseOrder", attribute(list, HaloSpanTags.PATH));
        assertEquals(null, attribute(list, HaloSpanTags.STATUS), "a list reads many pages: no one status to report");
    }

    @Test
    void aHaloListAfterAGetInOneExchangeCarriesNoStatusOfTheGets() throws Exception {
        CamelContext context = traced(halo.newContext(), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:get-then-list").to("halo:tickets/get").to("halo:clients/list");
            }
        });
        context.createProducerTemplate().requestBodyAndHeader("direct:get-then-list", null, HaloConstants.ID, 1);
        assertEquals("200", attribute(span("halo", "get"), HaloSpanTags.STATUS));
        assertEquals(null, attribute(span("halo", "list"), HaloSpanTags.STATUS));
    }

    @Test
    void noSecretOfTheUriIsTagged() throws Exception {
        String secret = sandbox.clientSecret();
        CamelContext context = traced(halo.newContext(), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:get").to("halo:tickets/list?pageSize=5&clientSecret=RAW(" + secret + ")");
            }
        });

        context.createProducerTemplate().requestBody("direct:get", (Object) null);

        SpanData list = span("halo", "list");
        assertTrue(attribute(list, "url.query").contains("pageSize=5"), attribute(list, "url.query"));
        for (SpanData span : exporter.getFinishedSpanItems()) {
            assertFalse(span.getAttributes().toString().contains(secret), span.getAttributes().toString());
        }
    }

    @Test
    void pollSpansCarryTheChangedRecord() throws Exception {
        CamelContext context = traced(halo.newContext(), new RouteBuilder() {
            @Override
            public void configure() {
                from("halo-poll:tickets?startScheduler=false").routeId("poll").to("log:changes?level=OFF");
            }
        });
        // one poll at a time, as the route's scheduler would run it
        ScheduledPollConsumer consumer = (ScheduledPollConsumer) context.getRoute("poll").getConsumer();
        consumer.run();
        sandbox.advance(Duration.ofSeconds(2));
        Map<String, Object> created = sandbox.put("tickets", new HashMap<>(Map.of("summary", "Polled")));
        sandbox.advance(Duration.ofSeconds(2));
        consumer.run();

        SpanData poll = await().until(() -> spanOf("halo-poll"), s -> s != null);
        assertEquals("tickets", attribute(poll, HaloSpanTags.RESOURCE));
        assertEquals(String.valueOf(created.get("id")), attribute(poll, HaloSpanTags.ID));
        assertEquals("created", attribute(poll, HaloSpanTags.EVENT));
    }

    @Test
    void webhookSpansCarryTheChangedRecordAndTheDelivery() throws Exception {
        sandbox.webhookRetries(1, Duration.ZERO);
        int port = AvailablePortFinder.getNextAvailable();
        CamelContext context = halo.newContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        List<Object> taken = new CopyOnWriteArrayList<>();
        traced(context, new RouteBuilder() {
            @Override
            public void configure() {
                from("halo-webhook:tickets?register=true&events=19&webhookUrl=http://127.0.0.1:" + port
                     + "/halo-webhook/tickets&basicUsername=halo&basicPassword=RAW(pa55:word-of-20-chars)")
                        .process(e -> taken.add(e.getMessage().getHeader(HaloConstants.RECORD_ID)));
            }
        });

        CamelContext writer = halo.newContext();
        writer.start();
        writer.createProducerTemplate().requestBody("halo:tickets/update", Map.of("id", 3, "summary", "Hooked"));
        await().until(() -> taken.size() == 1);

        SpanData webhook = await().until(() -> spanOf("halo-webhook"), s -> s != null);
        assertEquals("tickets", attribute(webhook, HaloSpanTags.RESOURCE));
        assertEquals("3", attribute(webhook, HaloSpanTags.ID));
        assertEquals("updated", attribute(webhook, HaloSpanTags.EVENT));
        assertFalse(attribute(webhook, HaloSpanTags.DELIVERY_ID).isEmpty());
    }

    private SpanData span(String component, String operation) {
        return exporter.getFinishedSpanItems().stream()
                .filter(s -> ("camel-" + component).equals(attribute(s, "component")))
                .filter(s -> operation.equals(attribute(s, HaloSpanTags.OPERATION)))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError(
                        "no " + component + " " + operation + " span in " + exporter.getFinishedSpanItems()));
    }

    private SpanData spanOf(String scheme) {
        return exporter.getFinishedSpanItems().stream()
                .filter(s -> attribute(s, HaloSpanTags.RESOURCE) != null)
                .filter(s -> ("camel-" + scheme).equals(attribute(s, "component")))
                .findFirst().orElse(null);
    }

    private static String attribute(SpanData span, String key) {
        Object value = span.getAttributes().get(AttributeKey.stringKey(key));
        return value == null ? null : value.toString();
    }
}
