package io.camelhalo.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.camelhalo.sandbox.HaloSandbox;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.ServiceStatus;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The YAML of the README's "Running on a cluster" (routes/halo-poll-on-a-cluster.yaml) runs as written in Camel Main:
 * two members, one leader polling, progress in PostgreSQL; the other takes over when the leader stops.
 */
class YamlClusterConfigurationTest {

    @TempDir
    Path lockFolder;
    private EmbeddedPostgres postgres;
    private HaloSandbox sandbox;
    private Main a;
    private Main b;

    @AfterEach
    void stopEverything() throws Exception {
        try {
            for (Main m : new Main[] { a, b }) {
                if (m != null) {
                    m.stop();
                }
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

    @Test
    void twoMembersOneLeaderAndTheOtherTakesOver() throws Exception {
        // given PostgreSQL, the sandbox and two members started from the README's YAML
        postgres = EmbeddedPostgres.start();
        sandbox = HaloSandbox.start(0);
        a = member("member-a");
        await().atMost(Duration.ofSeconds(30)).until(() -> polling(a));
        b = member("member-b");
        ReceivingEnd db = new ReceivingEnd(postgres.getPostgresDatabase());
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(db::progressStored);

        // then only the leader polls
        assertEquals(ServiceStatus.Stopped, b.getCamelContext().getRouteController().getRouteStatus("project-sync"));

        // when the leader stops, then the other member takes over
        a.stop();
        a = null;
        await().atMost(Duration.ofSeconds(30)).until(() -> polling(b));
    }

    private static boolean polling(Main member) {
        return member.getCamelContext() != null
                && member.getCamelContext().getRouteController().getRouteStatus("project-sync") == ServiceStatus.Started;
    }

    private Main member(String id) throws Exception {
        Main main = new Main();
        // only this file's settings: the examples' application.properties is on this module's class path too
        main.setDefaultPropertyPlaceholderLocation("false");
        Map.of("camel.main.name", id,
                "camel.main.routes-include-pattern", "classpath:routes/halo-poll-on-a-cluster.yaml",
                "camel.component.halo.base-url", sandbox.baseUrl(),
                "camel.component.halo.client-id", sandbox.clientId(),
                "camel.component.halo.client-secret", sandbox.clientSecret(),
                "halo.cluster.jdbc-url", postgres.getJdbcUrl("postgres", "postgres"),
                "halo.cluster.member-id", id,
                "halo.cluster.lock-folder", lockFolder.toString(),
                "halo.cluster.poll-delay", "200").forEach(main::addOverrideProperty);
        main.start();
        return main;
    }
}
