package io.camelhalo.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelhalo.component.halo.HaloComponent;
import io.camelhalo.component.halo.HaloConfiguration;
import io.camelhalo.component.halo.HaloConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Target 1 in JMH: one {@code GET /api/Tickets/1} and its JSON parsed, through a plain JDK {@link HttpClient} (the
 * baseline) and through {@code from("direct:get").to("halo:tickets/get")} with a {@link ProducerTemplate}, against the
 * same loopback {@link BenchServer}. The server runs in the JVM that launched JMH ({@code -Dbench.url}), so what a fork
 * spends per call (CPU, allocation) is the client side alone; run standalone it starts its own.
 * <p>
 * {@link #route()} runs as the existing benchmark configures the component: rate governor off ({@code rateLimit=0}),
 * retries and bounded replies on. {@link #routeGoverned()} is the same route with the governor on (a limit it never
 * reaches), to price the governor's bookkeeping; {@link #camelOnly()} is the template and a {@code direct:} route to an
 * empty processor, to price Camel's exchange and routing.
 */
@State(Scope.Benchmark)
@BenchmarkMode({ Mode.Throughput, Mode.SampleTime })
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class OverheadBenchmark {

    private BenchServer ownServer;
    private CamelContext context;
    private CamelContext governedContext;
    private ProducerTemplate template;
    private ProducerTemplate governedTemplate;
    private Endpoint get;
    private Endpoint governedGet;
    private Endpoint empty;
    private HttpClient http;
    private HttpClient directHttp;
    private ObjectMapper mapper;
    private String apiUrl;
    /** The ticket read, given per call to both sides (a field, so the JIT cannot fold the raw call's URI). */
    private long ticketId = 1;

    @Setup
    public void start(BenchmarkParams params) throws Exception {
        String baseUrl = System.getProperty("bench.url");
        if (baseUrl == null) {
            ownServer = new BenchServer(Duration.ZERO, 1);
            baseUrl = ownServer.baseUrl();
        }
        start(baseUrl);
        SteadyWarmUp.run(params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1), this);
    }

    /** Sets up both sides against the server at {@code baseUrl} (also used outside JMH, by AlternatingRounds). */
    void start(String baseUrl) throws Exception {
        context = context(baseUrl, 0, 300_000);
        // on, but never the bottleneck: a million per second
        governedContext = context(baseUrl, 1_000_000, 1_000);
        template = context.createProducerTemplate();
        governedTemplate = governedContext.createProducerTemplate();
        // resolved once, as a route's to() is: a String URI would be normalised and looked up on every call
        get = context.getEndpoint("direct:get");
        governedGet = governedContext.getEndpoint("direct:get");
        empty = context.getEndpoint("direct:empty");
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // the client settings the component uses (HaloComponent): its follow-up tasks run on the selector thread
        directHttp = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Runnable::run).build();
        mapper = new ObjectMapper();
        apiUrl = baseUrl + "/api";
    }

    @TearDown
    public void stop() {
        context.stop();
        governedContext.stop();
        if (ownServer != null) {
            ownServer.close();
        }
    }

    /**
     * The baseline: what a hand-written client does for the same call, a ticket by its id: the URI built from the id
     * (as the route builds it from header CamelHaloId), the bearer token, the JSON parsed to a Map.
     */
    @Benchmark
    public Object raw() throws Exception {
        return get(http);
    }

    /** The baseline with the component's client settings: what the component adds besides its JDK client set-up. */
    @Benchmark
    public Object rawDirect() throws Exception {
        return get(directHttp);
    }

    private Object get(HttpClient client) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + "/Tickets/" + ticketId))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + BenchServer.TOKEN)
                .header("Accept", "application/json").GET().build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        Map<?, ?> ticket = mapper.readValue(response.body(), Map.class);
        if (response.statusCode() != 200 || ticket.isEmpty()) {
            throw new IllegalStateException("bad reply " + response.statusCode());
        }
        return ticket;
    }

    @Benchmark
    public Object route() {
        return checked(template.requestBodyAndHeader(get, null, HaloConstants.ID, ticketId));
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    public Object routeGoverned() {
        return checked(governedTemplate.requestBodyAndHeader(governedGet, null, HaloConstants.ID, ticketId));
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    public Object camelOnly() {
        return template.requestBodyAndHeader(empty, null, HaloConstants.ID, ticketId);
    }

    private static Object checked(Object body) {
        if (!(body instanceof Map<?, ?> ticket) || ticket.isEmpty()) {
            throw new IllegalStateException("bad reply " + body);
        }
        return body;
    }

    private static CamelContext context(String baseUrl, int rateLimit, int rateLimitWindowMillis) throws Exception {
        CamelContext context = new DefaultCamelContext();
        HaloConfiguration cfg = context.getComponent("halo", HaloComponent.class).getConfiguration();
        cfg.setBaseUrl(baseUrl);
        cfg.setClientId("bench");
        cfg.setClientSecret("bench");
        cfg.setRateLimit(rateLimit);
        cfg.setRateLimitWindow(rateLimitWindowMillis);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:get").to("halo:tickets/get");
                from("direct:empty").process(exchange -> {
                });
            }
        });
        context.start();
        return context;
    }
}
