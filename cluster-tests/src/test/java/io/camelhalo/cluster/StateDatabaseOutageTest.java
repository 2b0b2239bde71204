package io.camelhalo.cluster;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.camelhalo.component.halo.state.JdbcStateRepository;
import io.camelhalo.sandbox.HaloSandbox;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The state database goes away for a while: halo-poll's polls fail and its health check says DOWN, nothing is delivered
 * without progress to record it in; when PostgreSQL is back, the changes made meanwhile arrive, each once.
 */
class StateDatabaseOutageTest {

    @TempDir
    Path dataDirectory;
    private EmbeddedPostgres postgres;
    private HaloSandbox sandbox;
    private CamelContext context;
    private final List<String> delivered = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stopEverything() throws Exception {
        try {
            if (context != null) {
                context.stop();
            }
            if (sandbox != null) {
                sandbox.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    private EmbeddedPostgres startPostgres(int port) throws Exception {
        // the same data folder and port on a restart: the database comes back with its data
        return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                .setPort(port).start();
    }

    @Test
    void whileTheDatabaseIsAwayPollsFailAndTheHealthIsDownThenEveryChangeArrivesOnce() throws Exception {
        // given a halo-poll route keeping its progress in PostgreSQL, delivering normally
        postgres = startPostgres(0);
        int port = postgres.getPort();
        String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
        sandbox = HaloSandbox.start(0);
        startCamel(jdbcUrl);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> health() == HealthCheck.State.UP && sandbox.apiRequestCount() > 1);
        List<Object> before = changeTickets("before the outage", 5);
        await().atMost(Duration.ofSeconds(20)).until(() -> delivered.size() == 5);
        // the last one's progress is stored too (an exchange whose progress a failing database could not store is
        // delivered again: the documented bound, not what this test is about)
        Object last = before.get(4);
        await().atMost(Duration.ofSeconds(20)).until(() -> storedProgress(jdbcUrl).contains("\"tickets/" + last + "@"));

        // when the database goes away and records change meanwhile
        postgres.close();
        postgres = null;
        List<Object> during = changeTickets("during the outage", 5);

        // then polls fail, the health check says DOWN, and nothing is delivered without its progress
        await().atMost(Duration.ofSeconds(30)).until(() -> health() == HealthCheck.State.DOWN);
        assertEquals(5, delivered.size(), "nothing delivered while progress cannot be read or stored");

        // when the database is back
        postgres = startPostgres(port);

        // then the changes made meanwhile arrive, each once, and the health check is UP again
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered.size() >= 10 && health() == HealthCheck.State.UP);
        List<Object> ids = new ArrayList<>(before);
        ids.addAll(during);
        assertEquals(ids, delivered.stream().map(key -> (Object) ChangeKey.recordId(key)).toList());
        assertEquals(10, delivered.stream().distinct().count(), "no change twice");
    }

    private void startCamel(String jdbcUrl) throws Exception {
        context = new DefaultCamelContext();
        // what camel.health.enabled=true does in Camel Main
        HealthCheckRegistry registry = new DefaultHealthCheckRegistry();
        registry.setCamelContext(context);
        registry.setExposureLevel("full");
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        registry.register(registry.resolveById("consumers"));

        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setURL(jdbcUrl);
        db.setConnectTimeout(2);
        context.getRegistry().bind("progress", new JdbcStateRepository(db));
        String connection = "baseUrl=RAW(" + sandbox.baseUrl() + ")&clientId=" + sandbox.clientId()
                            + "&clientSecret=RAW(" + sandbox.clientSecret() + ")&rateLimit=0";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("halo-poll:tickets?" + connection + "&delay=100&initialDelay=0&stateRepository=#progress")
                        .routeId("outage-watch")
                        .process(e -> delivered.add(ChangeKey.of(e.getMessage())));
            }
        });
        context.start();
    }

    private static String storedProgress(String jdbcUrl) throws Exception {
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setURL(jdbcUrl);
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT STATE_VALUE FROM CAMEL_HALO_STATE")) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    private HealthCheck.State health() {
        return HealthCheckHelper.invoke(context).stream()
                .filter(r -> r.getCheck().getId().contains("outage-watch"))
                .map(HealthCheck.Result::getState).findFirst().orElse(HealthCheck.State.UNKNOWN);
    }

    private List<Object> changeTickets(String label, int n) {
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(((Number) sandbox.put("tickets", new HashMap<>(Map.of("summary", label + " " + i))).get("id"))
                    .longValue());
        }
        return ids;
    }
}
