package io.camelhalo.cluster;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two instances of one application behind a load balancer, each serving {@code halo-webhook:tickets} and sharing
 * camel-sql's {@link JdbcMessageIdRepository} on one PostgreSQL (embedded, loopback): Halo's retries and re-sends may
 * reach either instance, and each change is still routed once. Node names are in what each route took.
 */
class WebhookClusterTest {

    private static final String USER = "halo";
    private static final String PASSWORD = "cluster-webhook-password";

    private EmbeddedPostgres postgres;
    private final List<CamelContext> nodes = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    /** "node:id@last_update" per change a route took. */
    private final List<String> taken = new CopyOnWriteArrayList<>();
    /** When set, node A's route fails once (as a route whose database is briefly down). */
    private final AtomicBoolean failOnceOnA = new AtomicBoolean();

    @BeforeEach
    void start() throws Exception {
        postgres = EmbeddedPostgres.start();
        DataSource db = postgres.getPostgresDatabase();
        for (String name : List.of("A", "B")) {
            nodes.add(node(name, db));
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (CamelContext node : nodes) {
            node.stop();
        }
        postgres.close();
    }

    @Test
    void theSameDeliveryReachingBothInstancesAtOnceIsRoutedOnce() throws Exception {
        String delivery = "[" + change(11, "2026-01-05T10:00:00") + "," + change(12, "2026-01-05T10:00:01") + "]";

        // when Halo's delivery and its retry reach both instances at the same moment, five times over
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String body = round == 0
                        ? delivery
                        : "[" + change(11, "2026-01-05T10:0" + round + ":00") + "]"; // a later change of ticket 11
                Future<Integer> a = both.submit(() -> post(0, body));
                Future<Integer> b = both.submit(() -> post(1, body));
                assertEquals(200, a.get());
                assertEquals(200, b.get());
            }
        } finally {
            both.shutdownNow();
        }

        // then every change version was routed exactly once, by one instance or the other
        List<String> versions = taken.stream().map(t -> t.substring(t.indexOf(':') + 1)).toList();
        assertEquals(6, versions.size(), taken.toString());
        assertEquals(6, versions.stream().distinct().count(), taken.toString());
    }

    @Test
    void aChangeWhoseRouteFailedOnOneInstanceIsRoutedByTheOtherOnHalosRetry() throws Exception {
        failOnceOnA.set(true);
        String delivery = "[" + change(21, "2026-01-06T09:00:00") + "]";

        // when the route fails on A (500: the version is forgotten), and Halo's retry lands on B
        assertEquals(500, post(0, delivery));
        assertEquals(200, post(1, delivery));
        // and a later re-send from Halo's log lands on A again
        assertEquals(200, post(0, delivery));

        // then B routed it, and only B
        assertEquals(List.of("B:21@2026-01-06T09:00:00"), taken);
    }

    private CamelContext node(String name, DataSource db) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ports.add(port);
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        // each instance its own repository object, all on the one table, as separate JVMs would have
        context.getRegistry().bind("seen", new JdbcMessageIdRepository(db, "ticket-webhook"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // nothing is registered in Halo and every delivery carries last_update, so Halo is never called
                from("halo-webhook:tickets?baseUrl=RAW(http://127.0.0.1:9)&clientId=app&clientSecret=RAW(secret)"
                     + "&basicUsername=" + USER + "&basicPassword=RAW(" + PASSWORD + ")&idempotentRepository=#seen")
                        .routeId("ticket-webhook-" + name)
                        .process(e -> {
                            if (name.equals("A") && failOnceOnA.compareAndSet(true, false)) {
                                throw new IllegalStateException("the route's database is down for a moment");
                            }
                            Map<?, ?> ticket = e.getMessage().getBody(Map.class);
                            taken.add(name + ":" + ticket.get("id") + "@" + ticket.get("last_update"));
                        });
            }
        });
        context.start();
        return context;
    }

    private static String change(long id, String lastUpdate) {
        return "{\"id\":" + id + ",\"summary\":\"ticket " + id + "\",\"last_update\":\"" + lastUpdate + "\"}";
    }

    private int post(int node, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(node)
                                                                + "/halo-webhook/tickets"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
