package io.camelhalo.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Changes one ticket of a sandbox at a fixed interval, the tickets in turn, as a colleague editing tickets would: a
 * route that watches for changes ({@code halo-poll:tickets}) then has something to do in a demo. Each change sets the
 * ticket's {@code details} and so its last-modified time. {@code java -jar halo-sandbox.jar --change-tickets 15}.
 */
public final class TicketChanger implements AutoCloseable {

    private final HaloSandbox sandbox;
    private final Consumer<String> log;
    private final AtomicInteger changes = new AtomicInteger();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "halo-sandbox-ticket-changer");
        t.setDaemon(true);
        return t;
    });

    private TicketChanger(HaloSandbox sandbox, Consumer<String> log) {
        this.sandbox = sandbox;
        this.log = log;
    }

    /**
     * Starts changing a ticket of {@code sandbox} every {@code interval}, the first one after one interval.
     *
     * @param log told each change, e.g. {@code "sandbox: ticket #3 changed (change 1)"}
     */
    public static TicketChanger every(HaloSandbox sandbox, Duration interval, Consumer<String> log) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("Invalid interval " + interval + ": it must be more than 0");
        }
        TicketChanger changer = new TicketChanger(sandbox, log);
        changer.thread.scheduleWithFixedDelay(changer::changeNext, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return changer;
    }

    private void changeNext() {
        List<Map<String, Object>> tickets = sandbox.records("tickets");
        if (tickets.isEmpty()) {
            return;
        }
        int change = changes.incrementAndGet();
        Object id = tickets.get((change - 1) % tickets.size()).get("id");
        sandbox.put("tickets", Map.of("id", id, "details", "Changed by the sandbox (change " + change + ")"));
        log.accept("sandbox: ticket #" + id + " changed (change " + change + ")");
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
