package io.camelhalo.component.halo.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelhalo.component.halo.HaloComponent;
import io.camelhalo.component.halo.HaloConstants;
import io.camelhalo.component.halo.HaloSandboxExtension;
import io.camelhalo.component.halo.TestCamel;
import io.camelhalo.component.halo.api.HaloJson;
import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;

/**
 * Camel contexts that serve halo-webhook on a loopback port through Vert.x platform-http, as Camel Main would, and the
 * record of what their routes took.
 */
final class WebhookTestSupport {

    /** One change a route took: the headers both change paths set. */
    record Taken(String resource, Object id, Object lastModified, String eventType, String summary, String path) {
        String version() {
            return id + "@" + lastModified;
        }
    }

    private WebhookTestSupport() {
    }

    /** A context (not started) on the sandbox with a platform HTTP server on 127.0.0.1:port, stopped after the test. */
    static CamelContext context(HaloSandboxExtension halo, int port) {
        CamelContext context = halo.newContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        try {
            context.addService(new VertxPlatformHttpServer(server));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return context;
    }

    /** A route from {@code uri} that records each exchange in {@code taken}, tagged with the path name. */
    static RouteBuilder recording(String routeId, String uri, String path, List<Taken> taken) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).process(e -> taken.add(taken(e, path)));
            }
        };
    }

    static Taken taken(Exchange e, String path) {
        Map<?, ?> body = e.getMessage().getBody(Map.class);
        return new Taken(
                e.getMessage().getHeader(HaloConstants.RECORD_RESOURCE, String.class),
                e.getMessage().getHeader(HaloConstants.RECORD_ID),
                e.getMessage().getHeader(HaloConstants.LAST_MODIFIED),
                e.getMessage().getHeader(HaloConstants.EVENT_TYPE, String.class),
                String.valueOf(body.get("summary")), path);
    }

    static List<Taken> newTakenList() {
        return new CopyOnWriteArrayList<>();
    }

    /** Updates a ticket through the halo producer of a writer context, as an agent would in Halo. */
    static void updateTicket(ProducerTemplate writer, long id, String summary) {
        writer.requestBody("halo:tickets/update", Map.of("id", id, "summary", summary));
    }

    /** Changes a webhook through Halo's API, as an administrator would. */
    static void updateWebhook(HaloSandbox sandbox, CamelContext writer, Object id, Map<String, Object> fields)
            throws Exception {
        Map<String, Object> webhook = new LinkedHashMap<>(fields);
        webhook.put("id", id);
        String token = writer.getComponent("halo", HaloComponent.class).connection(TestCamel.configuration(writer))
                .tokenManager().accessToken();
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/api/Webhook"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(HaloJson.MAPPER.writeValueAsString(List.of(webhook))))
                .build();
        int status = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200) {
            throw new IllegalStateException("updating webhook " + id + ": " + status);
        }
    }
}
