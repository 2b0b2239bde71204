package io.camelhalo.cluster;

import java.net.ServerSocket;

import io.camelhalo.examples.ExamplesConfiguration;
import org.apache.camel.main.Main;

/**
 * The example app with only its project follow-up route (routes/project-follow-up.yaml) and its own beans, in its own
 * JVM: {@code FollowUpNode <halo base url> <client id> <client secret> <work folder>}. The work folder holds the
 * route's poll progress and processed-changes files, so a restarted node finds them.
 */
public final class FollowUpNode {

    private FollowUpNode() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.configure().addConfiguration(new ExamplesConfiguration());
        main.addOverrideProperty("camel.main.name", "follow-up-node");
        main.addOverrideProperty("camel.main.base-package-scan", "io.camelhalo.examples.projects");
        main.addOverrideProperty("camel.main.routes-include-pattern", "classpath:routes/project-follow-up.yaml");
        main.addOverrideProperty("camel.component.halo.base-url", args[0]);
        main.addOverrideProperty("camel.component.halo.client-id", args[1]);
        main.addOverrideProperty("camel.component.halo.client-secret", args[2]);
        main.addOverrideProperty("camel.component.halo.rate-limit", "0");
        main.addOverrideProperty("halo.examples.work-dir", args[3]);
        main.addOverrideProperty("halo.examples.poll-delay", "200");
        main.addOverrideProperty("halo.email.enabled", "false");
        main.addOverrideProperty("halo.requests.http-host", "127.0.0.1");
        try (ServerSocket free = new ServerSocket(0)) {
            main.addOverrideProperty("halo.requests.http-port", String.valueOf(free.getLocalPort()));
        }
        main.run();
    }
}
