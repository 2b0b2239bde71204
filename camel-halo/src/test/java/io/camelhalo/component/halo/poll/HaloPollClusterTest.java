package io.camelhalo.component.halo.poll;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.camelhalo.component.halo.HaloConstants;
import io.camelhalo.component.halo.HaloSandboxExtension;
import io.camelhalo.component.halo.state.H2Server;
import io.camelhalo.component.halo.state.JdbcStateRepository;
import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Scale-out with what Camel already has: two Camel instances run the same halo-poll route under a ClusteredRoutePolicy
 * over a file-lock CamelClusterService, sharing progress in a JdbcStateRepository on a real SQL server. Only the leader
 * polls; when it stops, the other takes over where it left off.
 */
@ParameterizedClass(name = "[{0}]")
@MethodSource("io.camelhalo.component.halo.poll.PollTenants#tenants")
class HaloPollClusterTest {

    @Parameter
    PollTenants.Tenant tenant;

    @RegisterExtension // the tenant is injected after this field is set: read it when the sandbox starts
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest().withoutContext().options(() -> tenant.options());

    @TempDir
    Path lockDir;
    private HaloSandbox sandbox;
    private H2Server h2;
    private final List<CamelContext> members = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        sandbox = halo.sandbox();
        h2 = H2Server.start();
    }

    @AfterEach
    void stop() {
        for (CamelContext member : members) {
            member.stop(); // before the database that holds their progress; the extension stops the sandbox after
        }
        h2.close();
    }

    private CamelContext member(String name) throws Exception {
        CamelContext context = halo.newContext();
        context.getCamelContextExtension().setName(name);
        context.getRegistry().bind("progress", new JdbcStateRepository(h2.dataSource()));

        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId(name);
        cluster.setRoot(lockDir.toString());
        cluster.setAcquireLockDelay(Duration.ofMillis(10).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(Duration.ofMillis(100).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        context.addService(cluster);

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                from("halo-poll:tickets?delay=100&initialDelay=0&overlap=1000&stateRepository=#progress")
                        .routeId("ticket-watch")
                        .routePolicy(ClusteredRoutePolicy.forNamespace("halo-poll"))
                        .to("mock:changes");
            }
        });
        context.start();
        members.add(context);
        return context;
    }

    private static boolean isLeader(CamelContext member) {
        return member.getRouteController().getRouteStatus("ticket-watch") == ServiceStatus.Started;
    }

    private static List<Object> delivered(CamelContext member) {
        return member.getEndpoint("mock:changes", MockEndpoint.class).getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader(HaloConstants.RECORD_ID)).toList();
    }

    private List<Object> changeTickets(String label, int n) {
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(sandbox.put("tickets", new HashMap<>(Map.of("summary", label + " " + i))).get("id"));
        }
        return ids;
    }

    @Test
    void everyChangeIsDeliveredOnceInTotalAndTheFollowerTakesOver() throws Exception {
        CamelContext a = member("member-a");
        await().atMost(Duration.ofSeconds(10)).until(() -> isLeader(a));
        CamelContext b = member("member-b");
        await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !isLeader(b));
        // let the leader store its starting point before anything changes
        await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.apiRequestCount() > 0);

        List<Object> first = changeTickets("before failover", 5);
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered(a).size() == 5);
        assertEquals(first, delivered(a));
        assertEquals(List.of(), delivered(b), "the follower does not poll");

        List<Object> deliveredByA = delivered(a);
        a.stop();
        await().atMost(Duration.ofSeconds(15)).until(() -> isLeader(b));
        List<Object> second = changeTickets("after failover", 4);
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered(b).size() >= 4);
        int requests = sandbox.apiRequestCount();
        await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.apiRequestCount() >= requests + 3); // 3 more polls

        assertEquals(second, delivered(b), "the new leader delivers only what changed after, none lost or repeated");
        assertEquals(first, deliveredByA);
    }
}
