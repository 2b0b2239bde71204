package io.camelhalo.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A minimal Halo on loopback for timing: a token endpoint, {@code GET /api/Tickets/{id}} answering one fixed ticket,
 * and {@code GET /api/Tickets?pageinate=true&page_size=N&page_no=P} answering generated pages of a tenant of
 * {@code tenantSize} tickets (nothing stored, so a 200,000-ticket tenant costs no memory here). Every API request waits
 * {@code latency} first, as a distant Halo would. {@value #STATS_PATH} tells the server threads' CPU time and the API
 * requests served, so a benchmark in another JVM can put the server's CPU per call beside its own.
 */
final class BenchServer implements AutoCloseable {

    static {
        // without it every reply of the JDK server waits for the client's delayed ACK (~40 ms)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    static final String TOKEN = "bench-token";
    /** Answers "{@code <CPU time of the server's threads in ns> <API requests so far>}". */
    static final String STATS_PATH = "/bench/stats";
    private static final byte[] TOKEN_REPLY = ("{\"token_type\":\"Bearer\",\"access_token\":\"" + TOKEN
                                               + "\",\"expires_in\":3600}")
            .getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor;
    private final Duration latency;
    private final int tenantSize;
    private final byte[] ticket;
    private final AtomicInteger apiRequests = new AtomicInteger();
    private final AtomicInteger tokenRequests = new AtomicInteger();

    BenchServer(Duration latency, int tenantSize) throws IOException {
        this.latency = latency;
        this.tenantSize = tenantSize;
        this.ticket = ticketJson(1).getBytes(StandardCharsets.UTF_8);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        this.executor = Executors.newFixedThreadPool(32, r -> {
            Thread t = new Thread(r, "bench-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int apiRequests() {
        return apiRequests.get();
    }

    int tokenRequests() {
        return tokenRequests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (path.equals(STATS_PATH)) { // not an API request: read by CpuTimeProfiler between iterations
                reply(exchange, 200, (serverThreadsCpuNanos() + " " + apiRequests.get()).getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (path.equals("/auth/token")) {
                tokenRequests.incrementAndGet();
                reply(exchange, 200, TOKEN_REPLY);
                return;
            }
            apiRequests.incrementAndGet();
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply(exchange, 401, "{\"Message\":\"Authorization has been denied for this request.\"}".getBytes());
                return;
            }
            if (!latency.isZero()) {
                Thread.sleep(latency.toMillis());
            }
            if (path.startsWith("/api/Tickets/")) {
                reply(exchange, 200, ticket);
            } else if (path.equals("/api/Tickets")) {
                reply(exchange, 200, page(query(exchange.getRequestURI().getRawQuery())));
            } else {
                reply(exchange, 404, "{\"Message\":\"No route\"}".getBytes());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * CPU time of the server's own threads (its dispatcher and its pool, which live as long as it does), so neither
     * other work in this JVM nor threads that end can move the figure.
     */
    private static long serverThreadsCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().equals("bench-server")
                    || info.getThreadName().startsWith("HTTP-Dispatcher"))) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    private byte[] page(Map<String, String> query) {
        int size = Math.min(100, Integer.parseInt(query.getOrDefault("page_size", "50")));
        int pageNo = Integer.parseInt(query.getOrDefault("page_no", "1"));
        int from = (pageNo - 1) * size;
        if (from >= tenantSize) {
            from = Math.max(0, (tenantSize - 1) / size * size); // past the end Halo repeats the last page
        }
        int to = Math.min(tenantSize, from + size);
        StringBuilder sb = new StringBuilder(to > from ? (to - from) * 700 : 64);
        sb.append("{\"page_no\":").append(pageNo).append(",\"page_size\":").append(size)
                .append(",\"record_count\":").append(tenantSize).append(",\"tickets\":[");
        for (int i = from; i < to; i++) {
            sb.append(i == from ? "" : ",").append(ticketJson(i + 1));
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A ticket of the size and shape Halo sends in a list (about 600 bytes of JSON). */
    static String ticketJson(long id) {
        return "{\"id\":" + id + ",\"summary\":\"Laptop will not boot after the update, ticket " + id + "\","
               + "\"details\":\"The user reports a blue screen after installing the monthly patches; tried safe mode.\","
               + "\"client_id\":" + (id % 50 + 1) + ",\"client_name\":\"Client " + (id % 50 + 1) + "\",\"site_id\":"
               + (id % 7 + 1) + ",\"user_id\":" + (id % 300 + 1) + ",\"user_name\":\"User " + (id % 300 + 1)
               + "\",\"status_id\":" + (id % 9 + 1) + ",\"tickettype_id\":1,\"priority_id\":" + (id % 4 + 1)
               + ",\"agent_id\":" + (id % 12 + 1) + ",\"team\":\"Service Desk\",\"category_1\":\"Hardware\","
               + "\"dateoccurred\":\"2026-01-05T09:12:44.123\",\"deadlinedate\":\"2026-01-07T09:12:44.123\","
               + "\"last_update\":\"2026-01-05T10:" + String.format("%02d", id % 60) + ":00.000\",\"sla_id\":1,"
               + "\"customfields\":[{\"id\":101,\"name\":\"CFAssetTag\",\"value\":\"AT-" + id + "\"}]}";
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return query;
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
