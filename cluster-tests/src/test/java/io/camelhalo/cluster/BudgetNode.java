package io.camelhalo.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.camelhalo.component.halo.HaloEndpoint;
import io.camelhalo.component.halo.http.HaloConnectionStatistics;
import io.camelhalo.component.halo.state.JdbcRateBudget;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

import static org.awaitility.Awaitility.await;

/**
 * One node of the shared rate budget test, run in its own JVM:
 * {@code BudgetNode <name> <halo connection options (no rateLimit)> <jdbc url> <rateLimit> <rateLimitWindow ms>
 * <ticket id> <stop file>}. Four threads read ticket {@code <ticket id>} (so the sandbox can tell the nodes apart) as
 * fast as the shared budget lets them, until the stop file exists; then the node prints its requests and Halo's 429
 * replies.
 */
public final class BudgetNode {

    private static final int THREADS = 4;

    private BudgetNode() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        String haloConnection = args[1];
        String jdbcUrl = args[2];
        int limit = Integer.parseInt(args[3]);
        long windowMillis = Long.parseLong(args[4]);
        String ticketId = args[5];
        Path stopFile = Path.of(args[6]);
        Path goFile = Path.of(args[7]);

        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(2);
        pool.setPoolName(name);
        HikariDataSource db = new HikariDataSource(pool);
        JdbcRateBudget budget = new JdbcRateBudget(db);
        budget.setExpectedNodes(3);

        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        context.getRegistry().bind("budget", budget);
        context.start();
        // the limit Halo enforces, on this node's share of the budget; maxRateLimitWait longer than the test
        String uri = "halo:tickets/get?id=" + ticketId + "&" + haloConnection + "&rateLimit=" + limit
                     + "&rateLimitWindow=" + windowMillis + "&rateBudget=#budget&maxRateLimitWait=600000";
        HaloEndpoint endpoint = context.getEndpoint(uri, HaloEndpoint.class);
        ProducerTemplate template = context.createProducerTemplate();
        AtomicLong sent = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        System.out.println("budget node " + name + " ready");
        await().forever().pollInterval(Duration.ofMillis(20)).until(() -> Files.exists(goFile));
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            running.add(threads.submit(() -> {
                while (!Files.exists(stopFile)) {
                    try {
                        template.requestBody(endpoint, (Object) null);
                        sent.incrementAndGet();
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        System.out.println("budget node " + name + " started");
        for (Future<?> f : running) {
            f.get(10, TimeUnit.MINUTES);
        }
        threads.shutdown();
        HaloConnectionStatistics statistics = endpoint.getConnection().statistics();
        System.out.println("budget node " + name + " done: sent=" + sent + " failed=" + failed + " rateLimited="
                           + statistics.rateLimited() + " budget=" + statistics.rateBudget());
        context.stop();
        db.close();
    }
}
