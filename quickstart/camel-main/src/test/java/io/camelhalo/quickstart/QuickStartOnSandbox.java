package io.camelhalo.quickstart;

import java.time.Duration;

import io.camelhalo.sandbox.HaloSandbox;
import io.camelhalo.sandbox.TicketChanger;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quick start's one command ({@code -Pquickstart}): Camel Main as the quick start is (application.properties and
 * the YAML route), against the tenant of {@code HALO_BASE_URL}, {@code HALO_CLIENT_ID} and {@code HALO_CLIENT_SECRET},
 * or, when {@code HALO_BASE_URL} is not set, against the Halo sandbox started here on 127.0.0.1:8089 (where
 * application.properties points by default) with a ticket changed every 15 seconds, so the route has something to note.
 * Runs until Ctrl-C. Test scope: the quick start itself needs neither the sandbox nor this class.
 */
public final class QuickStartOnSandbox {

    private static final Logger LOG = LoggerFactory.getLogger(QuickStartOnSandbox.class);
    static final int SANDBOX_PORT = 8089;
    static final Duration TICKET_CHANGES = Duration.ofSeconds(15);

    private QuickStartOnSandbox() {
    }

    public static void main(String[] args) throws Exception {
        String tenant = System.getenv("HALO_BASE_URL");
        if (tenant != null && !tenant.isBlank()) {
            LOG.info("Using the Halo tenant at {} (HALO_BASE_URL)", tenant);
            Main.main(args);
            return;
        }
        try (HaloSandbox sandbox = HaloSandbox.start(SANDBOX_PORT);
             TicketChanger changer = TicketChanger.every(sandbox, TICKET_CHANGES, LOG::info)) {
            LOG.info("No HALO_BASE_URL set: started the Halo sandbox at {}; it changes a ticket every {} s",
                    sandbox.baseUrl(), TICKET_CHANGES.toSeconds());
            Main.main(args);
        }
    }
}
