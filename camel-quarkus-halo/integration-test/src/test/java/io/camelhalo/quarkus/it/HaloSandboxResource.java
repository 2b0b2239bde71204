package io.camelhalo.quarkus.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import io.camelhalo.sandbox.HaloSandbox;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the Halo sandbox on a free loopback port before the application and points the application at it; picks the
 * port Quarkus's HTTP server listens on, so the webhook URL registered in the sandbox is known before the start.
 */
public class HaloSandboxResource implements QuarkusTestResourceLifecycleManager {

    private HaloSandbox sandbox;

    @Override
    public Map<String, String> start() {
        sandbox = HaloSandbox.start(0);
        int httpPort = freeLoopbackPort();
        return Map.of(
                "halo.sandbox.url", sandbox.baseUrl(),
                "halo.sandbox.client-id", sandbox.clientId(),
                "halo.sandbox.client-secret", sandbox.clientSecret(),
                "quarkus.http.host", "127.0.0.1",
                "quarkus.http.test-port", String.valueOf(httpPort),
                "halo.webhook.url", "http://127.0.0.1:" + httpPort + "/halo-webhook/tickets");
    }

    @Override
    public void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
