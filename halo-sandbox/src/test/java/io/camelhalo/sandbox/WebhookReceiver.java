package io.camelhalo.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/** A loopback HTTP server standing for the application a webhook posts to: records each request, answers a status. */
final class WebhookReceiver implements AutoCloseable {

    /** One request received. */
    record Received(String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        JsonNode json() {
            return new SandboxClient.Response(200, body, null).json();
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger refuseNext = new AtomicInteger();
    private volatile int refuseWith = 503;
    private volatile boolean refuseAll;

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(
                    exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                    body));
            boolean refuse = refuseAll || refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            byte[] answer = (refuse ? "{\"error\":\"refused\"}" : "{\"ok\":true}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(refuse ? refuseWith : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    /** The URL of a path on this receiver, e.g. {@code /hook}. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next {@code n} requests are answered 503. */
    void refuseNext(int n) {
        refuseNext.set(n);
    }

    /** Every request is answered {@code status} while on. */
    void refuseAll(boolean on, int status) {
        refuseWith = status;
        refuseAll = on;
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    int count() {
        return received.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
