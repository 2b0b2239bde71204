package io.camelhalo.quarkus.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.LaunchMode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.quarkus.main.events.BeforeStart;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Puts platform-http's Vert.x engine on Quarkus's own HTTP server, as the extension camel-quarkus-platform-http does
 * (not served on the machines this module is built on): before Camel starts, Quarkus's router is bound in Camel's
 * registry under the name the engine looks up, that of the server's port.
 */
@ApplicationScoped
public class QuarkusPlatformHttpRouter {

    private volatile Router router;

    void onRouter(@Observes Router quarkusRouter) {
        this.router = quarkusRouter;
    }

    void beforeCamelStarts(@Observes BeforeStart event, CamelContext camel, Vertx vertx) {
        if (router == null) {
            throw new IllegalStateException("Quarkus's HTTP router is not set up before Camel starts");
        }
        int port = httpPort();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindPort(port);
        camel.getRegistry().bind("quarkusHttpServer", VertxPlatformHttpServerConfiguration.class, server);
        String name = VertxPlatformHttpRouter.getRouterNameFromPort(port);
        camel.getRegistry().bind(name, VertxPlatformHttpRouter.class, new VertxPlatformHttpRouter(null, vertx, router, name));
    }

    /** The port Quarkus's HTTP server listens on: quarkus.http.port, or quarkus.http.test-port under a test. */
    private static int httpPort() {
        String name = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        return ConfigProvider.getConfig().getOptionalValue(name, Integer.class).orElse(8080);
    }
}
