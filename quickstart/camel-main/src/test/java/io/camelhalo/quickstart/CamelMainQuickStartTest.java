package io.camelhalo.quickstart;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.camelhalo.sandbox.HaloSandbox;
import io.camelhalo.sandbox.TenantMode;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.camelhalo.quickstart.QuickStartChecks.awaitPolls;
import static io.camelhalo.quickstart.QuickStartChecks.change;
import static io.camelhalo.quickstart.QuickStartChecks.notesPerTicket;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The quick start on Camel Main as it is (application.properties, the YAML route, its dependencies), in this JVM,
 * against the sandbox, stopped and started again on the same progress file: each changed ticket is noted once, a change
 * made while it was stopped included.
 */
class CamelMainQuickStartTest {

    @TempDir
    Path dir;

    @Test
    void notesEachChangedTicketOnceAcrossARestart() throws Exception {
        try (HaloSandbox sandbox = HaloSandbox.start(0)) {
            List<Long> tickets = QuickStartChecks.ticketIds(sandbox);

            // given the quick start running against the sandbox, its first poll done
            Main first = start(sandbox);
            try {
                awaitPolls(sandbox, 1);
                // when a ticket changes
                change(sandbox, tickets.get(0));
                // then it gets its note
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> notesPerTicket(sandbox).getOrDefault(tickets.get(0), 0) == 1);
            } finally {
                first.stop();
            }

            // when another ticket changes while the quick start is stopped, and it is started again
            change(sandbox, tickets.get(1));
            Main second = start(sandbox);
            try {
                // then the change made while it was stopped is noted, and one made now too
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> notesPerTicket(sandbox).getOrDefault(tickets.get(1), 0) == 1);
                change(sandbox, tickets.get(2));
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> notesPerTicket(sandbox).getOrDefault(tickets.get(2), 0) == 1);
                awaitPolls(sandbox, 3);
            } finally {
                second.stop();
            }

            // and no ticket was noted twice, none that did not change
            assertEquals(Map.of(tickets.get(0), 1, tickets.get(1), 1, tickets.get(2), 1), notesPerTicket(sandbox));
        }
    }

    @Test
    void doesNotFeedOnItsOwnNotesWhereANoteBumpsTheTicket() throws Exception {
        try (HaloSandbox sandbox = HaloSandbox.start(0)) {
            // given a tenant where adding a note changes the ticket's last-modified time
            sandbox.setModes(TenantMode.ACTION_BUMPS_TICKET);
            long ticket = QuickStartChecks.ticketIds(sandbox).get(0);
            Main main = start(sandbox);
            try {
                awaitPolls(sandbox, 1);

                // when someone changes the ticket
                change(sandbox, ticket);

                // then it gets one note, and the change the note itself made is not noted again, poll after poll
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> notesPerTicket(sandbox).getOrDefault(ticket, 0) == 1);
                awaitPolls(sandbox, 5);
                assertEquals(Map.of(ticket, 1), notesPerTicket(sandbox));

                // and a later change by someone else is still noted, once
                change(sandbox, ticket);
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> notesPerTicket(sandbox).getOrDefault(ticket, 0) == 2);
                awaitPolls(sandbox, 5);
                assertEquals(Map.of(ticket, 2), notesPerTicket(sandbox));
            } finally {
                main.stop();
            }
        }
    }

    /** Starts Camel Main as the quick start does, pointed at the sandbox, polling fast. */
    private Main start(HaloSandbox sandbox) throws Exception {
        Main main = new Main();
        QuickStartChecks.properties(sandbox, dir.resolve("poll-progress.dat")).forEach(main::addOverrideProperty);
        main.start();
        return main;
    }
}
