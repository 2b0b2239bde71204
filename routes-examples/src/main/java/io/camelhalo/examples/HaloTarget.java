package io.camelhalo.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.camelhalo.sandbox.HaloSandbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the examples send their requests: a real tenant from the environment ({@code HALO_BASE_URL},
 * {@code HALO_CLIENT_ID}, {@code HALO_CLIENT_SECRET}, {@code HALO_TENANT}, and {@code HALO_MAILBOX_URI} for the email
 * route, {@code HALO_HTTP_HOST} and {@code HALO_REQUESTS_API_KEY} for the HTTP server), or, with no
 * {@code HALO_BASE_URL}, the embedded Halo sandbox plus an embedded mail server, a fresh work folder, a free HTTP port
 * and short poll delays so the demo runs in seconds.
 */
public final class HaloTarget implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HaloTarget.class);

    private final Map<String, String> properties;
    private final HaloSandbox sandbox;
    private final DemoMailServer mail;

    private HaloTarget(Map<String, String> properties, HaloSandbox sandbox, DemoMailServer mail) {
        this.properties = properties;
        this.sandbox = sandbox;
        this.mail = mail;
    }

    public static HaloTarget fromEnvironment(Map<String, String> env) {
        String baseUrl = env.get("HALO_BASE_URL");
        Map<String, String> props = new HashMap<>();
        if (baseUrl != null && !baseUrl.isBlank()) {
            LOG.info("Using the Halo tenant at {} (HALO_BASE_URL); the demo driver is off", baseUrl);
            props.put("camel.component.halo.base-url", baseUrl);
            props.put("camel.component.halo.client-id", env.getOrDefault("HALO_CLIENT_ID", ""));
            props.put("camel.component.halo.client-secret", env.getOrDefault("HALO_CLIENT_SECRET", ""));
            if (env.get("HALO_TENANT") != null) {
                props.put("camel.component.halo.tenant", env.get("HALO_TENANT"));
            }
            String webhookUrl = env.get("HALO_WEBHOOK_URL");
            if (webhookUrl != null && !webhookUrl.isBlank()) {
                // the ticket notification registers its webhook in Halo, posting to this public URL
                props.put("halo.notify.register", "true");
                props.put("halo.notify.webhook-url", webhookUrl);
            }
            // the token Halo sends as Bearer; without one set, a random one nobody knows: the route then accepts nothing
            String token = env.get("HALO_WEBHOOK_TOKEN");
            props.put("halo.notify.webhook.token", token != null && !token.isBlank()
                    ? token
                    : "unset-" + java.util.UUID.randomUUID());
            if (env.get("HALO_HTTP_HOST") != null) {
                // e.g. 0.0.0.0 for Halo's webhook deliveries; then POST /requests needs HALO_REQUESTS_API_KEY
                props.put("halo.requests.http-host", env.get("HALO_HTTP_HOST"));
            }
            if (env.get("HALO_REQUESTS_API_KEY") != null) {
                props.put("halo.requests.api-key", env.get("HALO_REQUESTS_API_KEY"));
            }
            String mailbox = env.get("HALO_MAILBOX_URI");
            if (mailbox != null && !mailbox.isBlank()) {
                props.put("halo.email.mailbox-uri", mailbox);
            } else {
                props.put("halo.email.enabled", "false");
                LOG.info("No HALO_MAILBOX_URI set: the email-to-ticket route stays stopped");
            }
            return new HaloTarget(props, null, null);
        }
        HaloSandbox sandbox = HaloSandbox.start(0);
        DemoMailServer mail = DemoMailServer.start();
        Path workDir = tempDir();
        LOG.info("No HALO_BASE_URL set: started the embedded Halo sandbox at {}", sandbox.baseUrl());
        LOG.info("Started an embedded mail server (SMTP port {}) with the helpdesk mailbox {}", mail.smtpPort(),
                DemoMailServer.MAILBOX);
        LOG.info("Demo files (outbox, inbox, dead letters) go to {}", workDir);
        LOG.info("Set HALO_BASE_URL, HALO_CLIENT_ID, HALO_CLIENT_SECRET (and HALO_TENANT) to use a real tenant");
        props.put("camel.component.halo.base-url", sandbox.baseUrl());
        props.put("camel.component.halo.client-id", sandbox.clientId());
        props.put("camel.component.halo.client-secret", sandbox.clientSecret());
        props.put("halo.examples.work-dir", workDir.toString());
        props.put("halo.examples.poll-delay", "300");
        props.put("halo.requests.http-host", "127.0.0.1");
        String httpPort = String.valueOf(freePort());
        props.put("halo.requests.http-port", httpPort);
        // POST /requests requires this key; the demo driver (and the tests) send it
        props.put("halo.requests.api-key", "demo-" + java.util.UUID.randomUUID());
        props.put("halo.email.mailbox-uri", mail.mailboxUri(300));
        // the sandbox posts ticket changes to this app's webhook, registered on start (loopback only)
        props.put("halo.notify.register", "true");
        props.put("halo.notify.webhook-url", "http://127.0.0.1:" + httpPort + "/halo-webhook/tickets");
        props.put("halo.notify.webhook.token", "demo-" + java.util.UUID.randomUUID());
        return new HaloTarget(props, sandbox, mail);
    }

    /** The properties Camel Main starts with (connection, folders, ports). */
    public Map<String, String> properties() {
        return properties;
    }

    /** The embedded sandbox, or null against a real tenant. */
    public HaloSandbox sandbox() {
        return sandbox;
    }

    /** The embedded mail server, or null against a real tenant. */
    public DemoMailServer mail() {
        return mail;
    }

    public boolean isSandbox() {
        return sandbox != null;
    }

    @Override
    public void close() {
        if (mail != null) {
            mail.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("halo-examples-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
