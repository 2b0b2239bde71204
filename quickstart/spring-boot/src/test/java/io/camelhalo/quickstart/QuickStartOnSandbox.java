package io.camelhalo.quickstart;

import java.time.Duration;

import io.camelhalo.sandbox.HaloSandbox;
import io.camelhalo.sandbox.TicketChanger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quick start's one command ({@code -Pquickstart}): the Spring Boot application as the quick start is, against the
 * tenant of {@code HALO_BASE_URL}, {@code HALO_CLIENT_ID} and {@code HALO_CLIENT_SECRET}, or, when
 * {@code HALO_BASE_URL} is not set, against the Halo sandbox started here on 127.0.0.1:8089 (where
 * application.properties points by default) with a ticket changed every 15 seconds, so the route has something to note.
 * Runs until Ctrl-C. Test scope: the quick start itself needs neither the sandbox nor this class.
 */
public final class QuickStartOnSandbox {

    private static final Logger LOG = LoggerFactory.getLogger(QuickStartOnSandbox.class);
    static final int SANDBOX_PORT = 8089;
    static final Duration TICKET_CHANGES = Duration.ofSeconds(15);

    private QuickStartOnSandbox() {
    }

    public static void main(String[] args) {
        String tenant = System.getenv("HALO_BASE_URL");
        if (tenant != null && !tenant.isBlank()) {
            LOG.info("Using the Halo tenant at {} (HALO_BASE_URL)", tenant);
            QuickStartApplication.main(args);
            return;
        }
        HaloSandbox sandbox = HaloSandbox.start(SANDBOX_PORT);
        LOG.info("No HALO_BASE_URL set: started the Halo sandbox at {}", sandbox.baseUrl());
        QuickStartApplication.main(args); // returns once started; its web server keeps it running
        // changes from now on, so the route (which starts from now) notes each
        TicketChanger changer = TicketChanger.every(sandbox, TICKET_CHANGES, LOG::info);
        LOG.info("The sandbox changes a ticket every {} s", TICKET_CHANGES.toSeconds());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            changer.close();
            sandbox.close();
        }, "halo-sandbox-stop"));
    }
}
