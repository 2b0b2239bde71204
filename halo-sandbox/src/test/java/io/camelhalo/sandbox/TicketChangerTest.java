package io.camelhalo.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TicketChangerTest {

    @Test
    void changesTheTicketsInTurnAndStampsTheirLastModifiedTime() {
        try (HaloSandbox sandbox = HaloSandbox.start(0)) {
            // given the seeded tickets, all last changed in January 2025 (a year the clock has left behind)
            List<Object> ids = sandbox.records("tickets").stream().map(t -> t.get("id")).toList();
            List<String> told = new CopyOnWriteArrayList<>();

            // when the changer runs for two changes
            try (TicketChanger changer = TicketChanger.every(sandbox, Duration.ofMillis(50), told::add)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> told.size() >= 2);
            }

            // then the first two tickets changed, now, and each change was told
            assertEquals("sandbox: ticket #" + ids.get(0) + " changed (change 1)", told.get(0));
            assertEquals("sandbox: ticket #" + ids.get(1) + " changed (change 2)", told.get(1));
            for (Object id : ids.subList(0, 2)) {
                Object lastUpdate = sandbox.record("tickets", ((Number) id).longValue()).get("last_update");
                assertTrue(
                        String.valueOf(lastUpdate)
                                .startsWith(String.valueOf(sandbox.now().atZone(java.time.ZoneOffset.UTC).getYear())),
                        "ticket " + id + " last changed " + lastUpdate);
            }
        }
    }

    @Test
    void refusesAnIntervalOfZero() {
        try (HaloSandbox sandbox = HaloSandbox.start(0)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TicketChanger.every(sandbox, Duration.ZERO, s -> {
                    }));
            assertEquals("Invalid interval PT0S: it must be more than 0", e.getMessage());
        }
    }
}
