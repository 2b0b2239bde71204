package io.camelhalo.kamelets;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.main.KameletMain;

/**
 * camel-jbang's {@link KameletMain} set up as {@code camel run examples/*.yaml examples/application.properties} sets it
 * up, on the sandbox: camel-halo and the Kamelets come from this build's classpath (download off), so what runs is this
 * build, not a copy in a Maven repository.
 */
final class KameletMains {

    private KameletMains() {
    }

    /** Every example Pipe, with examples/application.properties and the sandbox's connection laid over it. */
    static KameletMain examples(HaloSandbox sandbox, int port, Path stateFile) {
        KameletMain main = new KameletMain("camel.jbang");
        main.setDownload(false);
        main.setPropertyPlaceholderLocations("file:examples/application.properties");
        main.addInitialProperty("camel.main.routes-include-pattern", "file:examples/*.yaml");
        connect(main, sandbox);
        main.addOverrideProperty("camel.server.port", String.valueOf(port));
        main.addOverrideProperty("camel.server.host", "127.0.0.1");
        main.addOverrideProperty("camel.kamelet.halo-webhook-source.webhookUrl",
                "http://127.0.0.1:" + port + "/halo-webhook/tickets");
        // halo-source polls often here, and keeps its progress under the test's directory
        main.addOverrideProperty("camel.kamelet.halo-source.delay", "300");
        main.addOverrideProperty("camel.kamelet.halo-source.stateFile", stateFile.toString());
        return main;
    }

    /** A port free on loopback now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The sandbox as the halo component's connection, which the Halo Kamelets use. */
    static void connect(KameletMain main, HaloSandbox sandbox) {
        main.addOverrideProperty("camel.component.halo.base-url", sandbox.baseUrl());
        main.addOverrideProperty("camel.component.halo.client-id", sandbox.clientId());
        main.addOverrideProperty("camel.component.halo.client-secret", sandbox.clientSecret());
    }
}
