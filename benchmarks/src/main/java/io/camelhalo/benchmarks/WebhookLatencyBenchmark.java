package io.camelhalo.benchmarks;

import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.camelhalo.component.halo.HaloComponent;
import io.camelhalo.component.halo.HaloConfiguration;
import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PollingConsumerPollStrategy;

/**
 * The webhook-against-poll rows, side by side in one run against the sandbox on loopback: change-to-route latency of
 * halo-webhook against halo-poll at its default delay (60 s), and API requests per idle hour of each.
 * <p>
 * Webhook latency is measured end to end: from the API write to the route taking the change (the sandbox posts the
 * delivery as Halo would). Poll latency at a 60 s delay is not waited out: a change lands at a uniformly random point
 * of the poll interval, so it waits {@code U x 60 s} for the next poll, plus the poll's own service time {@code S}
 * (poll start to route), which is measured here per change with a short delay; {@code U} comes from a seeded random, so
 * the figures repeat. Idle cost is counted on the sandbox over an idle window (webhook) and per idle poll (poll), then
 * scaled to an hour. System property {@code bench.webhookChanges} (default 200).
 */
public final class WebhookLatencyBenchmark {

    private static final int CHANGES = Integer.getInteger("bench.webhookChanges", 200);
    private static final long DEFAULT_POLL_DELAY_MS = 60_000;
    private static final long SHORT_POLL_DELAY_MS = 100;

    private WebhookLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (HaloSandbox halo = HaloSandbox.start(0)) {
            CamelContext writerContext = context(halo, 0);
            writerContext.start();
            ProducerTemplate writer = writerContext.createProducerTemplate();

            double[] webhook = webhookLatencies(halo, writer);
            double webhookIdlePerHour = webhookIdleRequestsPerHour(halo);
            PollFigures poll = pollFigures(halo, writer);
            writerContext.stop();

            double[] pollAtDefault = new double[poll.serviceMillis.length];
            Random random = new Random(13);
            for (int i = 0; i < pollAtDefault.length; i++) {
                pollAtDefault[i] = random.nextDouble() * DEFAULT_POLL_DELAY_MS + poll.serviceMillis[i];
            }
            double pollIdlePerHour = poll.requestsPerIdlePoll * TimeUnit.HOURS.toMillis(1) / DEFAULT_POLL_DELAY_MS;

            System.out.println();
            System.out.println(
                    "Webhook against poll: change-to-route latency and idle cost, " + CHANGES + " ticket changes, loopback");
            System.out.printf(Locale.ROOT, "%-44s %12s %12s %22s%n", "path", "p50 ms", "p99 ms", "API requests/idle hour");
            row("halo-webhook (sandbox posts each change)", webhook, webhookIdlePerHour);
            row("halo-poll, delay 60 s (default)", pollAtDefault, pollIdlePerHour);
            row("  of which poll service time S (measured)", poll.serviceMillis, Double.NaN);
            System.out.printf(Locale.ROOT, "ratio poll/webhook p50: %.0fx, p99: %.0fx%n",
                    percentile(pollAtDefault, 50) / percentile(webhook, 50),
                    percentile(pollAtDefault, 99) / percentile(webhook, 99));
        }
    }

    private static void row(String name, double[] millis, double perHour) {
        System.out.printf(Locale.ROOT, "%-44s %12.1f %12.1f %22s%n", name, percentile(millis, 50),
                percentile(millis, 99), Double.isNaN(perHour) ? "" : String.format(Locale.ROOT, "%.0f", perHour));
    }

    /** A context whose halo component points at the sandbox, with a platform HTTP server on loopback if port > 0. */
    private static CamelContext context(HaloSandbox halo, int port) throws Exception {
        CamelContext context = new DefaultCamelContext();
        HaloConfiguration cfg = context.getComponent("halo", HaloComponent.class).getConfiguration();
        cfg.setBaseUrl(halo.baseUrl());
        cfg.setClientId(halo.clientId());
        cfg.setClientSecret(halo.clientSecret());
        cfg.setRateLimit(0);
        if (port > 0) {
            VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
            server.setBindHost("127.0.0.1");
            server.setBindPort(port);
            context.addService(new VertxPlatformHttpServer(server));
        }
        return context;
    }

    /** Milliseconds from each API write to the webhook route taking it. */
    private static double[] webhookLatencies(HaloSandbox halo, ProducerTemplate writer) throws Exception {
        int port = freePort();
        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        CamelContext app = context(halo, port);
        app.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("halo-webhook:tickets?register=true&events=19&unregisterOnStop=true&basicUsername=bench&basicPassword=bench-of-sixteen-chars"
                     + "&webhookUrl=http://127.0.0.1:" + port + "/halo-webhook/tickets")
                        .process(e -> arrivals.put(e.getMessage().getBody(Map.class).get("summary").toString(),
                                System.nanoTime()));
            }
        });
        app.start();
        try {
            measureWrites(writer, 20, "warm-up webhook ", arrivals); // JIT, connections, token
            return measureWrites(writer, CHANGES, "webhook ", arrivals);
        } finally {
            app.stop();
        }
    }

    /** Writes changes one after another and returns, per change, ms from the write to its arrival. */
    private static double[] measureWrites(ProducerTemplate writer, int count, String tag, Map<String, Long> arrivals)
            throws InterruptedException {
        double[] millis = new double[count];
        for (int i = 0; i < count; i++) {
            String summary = tag + i;
            long start = System.nanoTime();
            writer.requestBody("halo:tickets/update", Map.of("id", 1 + i % 5, "summary", summary));
            Long arrived = awaitArrival(arrivals, summary);
            millis[i] = (arrived - start) / 1e6;
        }
        return millis;
    }

    private static Long awaitArrival(Map<String, Long> arrivals, String summary) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Long arrived;
        while ((arrived = arrivals.get(summary)) == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("change '" + summary + "' never reached the route");
            }
            Thread.onSpinWait();
            Thread.sleep(0, 200_000);
        }
        return arrived;
    }

    /** API requests the webhook route makes while idle, over a 2 s window, scaled to an hour. */
    private static double webhookIdleRequestsPerHour(HaloSandbox halo) throws Exception {
        int port = freePort();
        CamelContext app = context(halo, port);
        app.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("halo-webhook:tickets?basicUsername=bench&basicPassword=bench-of-sixteen-chars").log("${body}");
            }
        });
        app.start();
        try {
            int before = halo.apiRequestCount();
            long start = System.nanoTime();
            Thread.sleep(2000); // the idle window being measured
            double hours = (System.nanoTime() - start) / 3.6e12;
            return (halo.apiRequestCount() - before) / hours;
        } finally {
            app.stop();
        }
    }

    private record PollFigures(double[] serviceMillis, double requestsPerIdlePoll) {
    }

    /** Per change, ms from the start of the poll that found it to the route; and API requests per idle poll. */
    private static PollFigures pollFigures(HaloSandbox halo, ProducerTemplate writer) throws Exception {
        AtomicLong pollStarted = new AtomicLong();
        AtomicInteger polls = new AtomicInteger();
        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        Map<String, Long> foundByPollStartedAt = new ConcurrentHashMap<>();
        CamelContext app = context(halo, 0);
        app.getRegistry().bind("pollTimes", new PollingConsumerPollStrategy() {
            @Override
            public boolean begin(Consumer consumer, Endpoint endpoint) {
                pollStarted.set(System.nanoTime());
                polls.incrementAndGet();
                return true;
            }

            @Override
            public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
            }

            @Override
            public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception e) {
                return false;
            }
        });
        app.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("halo-poll:tickets?pollStrategy=#pollTimes&initialDelay=0&delay=" + SHORT_POLL_DELAY_MS)
                        .process(e -> {
                            String summary = e.getMessage().getBody(Map.class).get("summary").toString();
                            foundByPollStartedAt.put(summary, pollStarted.get());
                            arrivals.put(summary, System.nanoTime());
                        });
            }
        });
        app.start();
        try {
            double[] service = new double[CHANGES];
            for (int i = 0; i < CHANGES; i++) {
                String summary = "poll " + i;
                writer.requestBody("halo:tickets/update", Map.of("id", 1 + i % 5, "summary", summary));
                Long arrived = awaitArrival(arrivals, summary);
                service[i] = (arrived - foundByPollStartedAt.get(summary)) / 1e6;
            }
            // idle: no change; count requests over whole polls
            int pollsBefore = polls.get();
            int requestsBefore = halo.apiRequestCount();
            while (polls.get() < pollsBefore + 21) {
                Thread.sleep(SHORT_POLL_DELAY_MS);
            }
            int idlePolls = polls.get() - pollsBefore - 1; // the last one may still be running
            int requests = halo.apiRequestCount() - requestsBefore;
            return new PollFigures(service, Math.round((double) requests / (idlePolls + 1) * 10) / 10.0);
        } finally {
            app.stop();
        }
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(
                0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
