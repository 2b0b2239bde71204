package io.camelhalo.cluster;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.camelhalo.component.halo.state.JdbcStateRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * One node of a small poll app, run in its own JVM by the tests:
 * {@code ClusterNode <name> <halo connection options> <jdbc url> <lock folder>}.
 * <p>
 * Route {@code ticket-changes} polls Halo's tickets under a {@link ClusteredRoutePolicy} (only the holder of the file
 * lock polls) with its progress in a {@link JdbcStateRepository} on the shared PostgreSQL, so the next leader goes on
 * where the last one stopped. Every delivery is first counted in {@code RAW_DELIVERIES} (what reaches the route,
 * duplicates included), then the receiving end, in one transaction, passes Camel's idempotent consumer (keyed by the
 * change version, in camel-sql's {@link JdbcMessageIdRepository}) and writes the change to {@code SINK}: the key and
 * the row commit together, so a node killed between them leaves neither, and the change is delivered exactly once.
 */
public final class ClusterNode {

    private ClusterNode() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        String haloConnection = args[1];
        String jdbcUrl = args[2];
        String lockFolder = args[3];

        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(3);
        pool.setPoolName(name);
        HikariDataSource db = new HikariDataSource(pool);

        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        context.getRegistry().bind("db", db);
        context.getRegistry().bind("progress", new JdbcStateRepository(db));
        context.getRegistry().bind("required", new SpringTransactionPolicy(new DataSourceTransactionManager(db)));

        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId(name);
        cluster.setRoot(lockFolder);
        cluster.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(250, TimeUnit.MILLISECONDS);
        context.addService(cluster);

        JdbcMessageIdRepository changesSeen = new JdbcMessageIdRepository(db, "ticket-changes");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                from("halo-poll:tickets?" + haloConnection
                     + "&delay=100&initialDelay=0&overlap=2000&stateRepository=#progress")
                        .routeId("ticket-changes")
                        .routePolicy(ClusteredRoutePolicy.forNamespace("halo-poll"))
                        .setHeader("changeKey", method(ChangeKey.class, "of"))
                        .setHeader("node", constant(name))
                        .to("sql:INSERT INTO RAW_DELIVERIES (CHANGE_KEY, NODE) VALUES (:#${header.changeKey}, "
                            + ":#${header.node})?dataSource=#db")
                        .to("direct:receiving-end");

                from("direct:receiving-end")
                        .routeId("receiving-end")
                        .transacted("required")
                        .idempotentConsumer(header("changeKey"), changesSeen)
                        .to("sql:INSERT INTO SINK (CHANGE_KEY, NODE) VALUES (:#${header.changeKey}, "
                            + ":#${header.node})?dataSource=#db");
            }
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.stop();
            db.close();
            stopped.countDown();
        }, name + "-stop"));
        context.start();
        System.out.println("cluster node " + name + " started");
        stopped.await();
    }
}
