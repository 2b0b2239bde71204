package io.camelhalo.component.halo.poll;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.camelhalo.component.halo.HaloConstants;
import io.camelhalo.component.halo.HaloSandboxExtension;
import io.camelhalo.sandbox.HaloSandbox;
import io.camelhalo.sandbox.TenantMode;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelhalo.component.halo.poll.PollTestSupport.consumer;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A route that notes every ticket change on the ticket, on a tenant where adding a note bumps the ticket's
 * last-modified time (the sandbox's ACTION_BUMPS_TICKET): it must note each real change once, not feed on its own
 * notes, and still see a change someone else makes, even in the same second as its own note.
 */
class HaloPollOwnWritesTest {

    private static final long TICKET = 2;

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest().withoutContext();

    private HaloSandbox sandbox;
    /** The headers of each delivered change, as the route received them. */
    private final List<Map<String, Object>> delivered = new CopyOnWriteArrayList<>();
    /** Run once, right after the route's first note: another user's change in the same second. */
    private final AtomicBoolean concurrentChange = new AtomicBoolean();
    private CamelContext context;

    @BeforeEach
    void tenantWhereNotesBumpTheTicket() {
        sandbox = halo.sandbox();
        sandbox.setModes(TenantMode.ACTION_BUMPS_TICKET);
        // a frozen clock moved by hand: every stamp below is known to the millisecond
        sandbox.setNow(Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS).plusMillis(250));
    }

    private HaloPollConsumer noteEveryChange(String options) throws Exception {
        context = halo.startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("halo-poll:tickets?startScheduler=false" + options).routeId("notes")
                        .process(e -> delivered.add(new HashMap<>(e.getMessage().getHeaders())))
                        .process(e -> sandbox.advance(Duration.ofMillis(300))) // the route takes its time
                        .setHeader(HaloConstants.TICKET_ID, header(HaloConstants.RECORD_ID))
                        .setBody(e -> Map.of("note", "Seen " + e.getMessage().getHeader(HaloConstants.LAST_MODIFIED),
                                "outcome", "Note"))
                        .to("halo:actions/create")
                        .process(e -> {
                            if (concurrentChange.getAndSet(false)) {
                                sandbox.advance(Duration.ofMillis(200)); // same second as the note just added
                                sandbox.put("tickets", Map.of("id", TICKET, "summary", "changed by a colleague"));
                            }
                        });
                from("direct:update").routeId("another-route").to("halo:tickets/update");
            }
        });
        return consumer(context, "notes", sandbox);
    }

    /** Moves the clock a second on and polls, as the scheduler would. */
    private void pollLater(HaloPollConsumer poll) throws Exception {
        sandbox.advance(Duration.ofSeconds(1));
        poll.poll();
    }

    private int notesOnTheTicket() {
        return (int) sandbox.records("actions").stream()
                .filter(a -> ((Number) a.get("ticket_id")).longValue() == TICKET && "Note".equals(a.get("outcome")))
                .filter(a -> String.valueOf(a.get("note")).startsWith("Seen "))
                .count();
    }

    private List<Instant> noteStamps() {
        return sandbox.records("actions").stream()
                .filter(a -> ((Number) a.get("ticket_id")).longValue() == TICKET)
                .filter(a -> String.valueOf(a.get("note")).startsWith("Seen "))
                .map(a -> Instant.parse(a.get("last_updated") + "Z"))
                .toList();
    }

    private Map<String, Object> changeTheTicket(String summary) {
        sandbox.advance(Duration.ofSeconds(1));
        return sandbox.put("tickets", Map.of("id", TICKET, "summary", summary));
    }

    @Test
    void oneNotePerRealChange() throws Exception {
        HaloPollConsumer poll = noteEveryChange("");
        pollLater(poll);

        changeTheTicket("first real change");
        for (int i = 0; i < 4; i++) {
            pollLater(poll);
        }
        assertEquals(1, notesOnTheTicket(), "the note's own bump of the ticket is not a change to note");

        changeTheTicket("second real change");
        for (int i = 0; i < 4; i++) {
            pollLater(poll);
        }
        assertEquals(2, notesOnTheTicket());
        assertEquals(2, delivered.size());
    }

    @Test
    void aColleaguesChangeInTheSameSecondAsTheNoteIsDelivered() throws Exception {
        HaloPollConsumer poll = noteEveryChange("");
        pollLater(poll);
        Map<String, Object> first = changeTheTicket("first real change");
        concurrentChange.set(true);

        for (int i = 0; i < 4; i++) {
            pollLater(poll);
        }

        // the note (stamped .550 after the poll) and the colleague's change (.750) share a second: only the note's
        // bump of the ticket is skipped
        assertEquals(2, delivered.size(), "the real change and the colleague's: " + delivered);
        Instant real = (Instant) delivered.get(0).get(HaloConstants.LAST_MODIFIED);
        Instant colleagues = (Instant) delivered.get(1).get(HaloConstants.LAST_MODIFIED);
        assertEquals(Instant.parse(first.get("last_update") + "Z"), real);
        Instant firstNote = noteStamps().get(0);
        assertEquals(firstNote.plusMillis(200), colleagues);
        assertEquals(firstNote.truncatedTo(ChronoUnit.SECONDS), colleagues.truncatedTo(ChronoUnit.SECONDS),
                "the note and the colleague's change are in the same second");
        assertEquals(2, notesOnTheTicket());
    }

    @Test
    void anotherRoutesWriteIsDelivered() throws Exception {
        HaloPollConsumer poll = noteEveryChange("");
        pollLater(poll);

        sandbox.advance(Duration.ofSeconds(1));
        context.createProducerTemplate().sendBodyAndHeader("direct:update", Map.of("summary", "from another route"),
                HaloConstants.ID,
                TICKET);
        for (int i = 0; i < 3; i++) {
            pollLater(poll);
        }

        assertEquals(1, delivered.size(), "a write by another route is someone else's change to this one");
        assertEquals(1, notesOnTheTicket());
    }

    @Test
    void withSkipOwnWritesOffTheRouteSeesItsOwnNotesMarked() throws Exception {
        HaloPollConsumer poll = noteEveryChange("&skipOwnWrites=false");
        pollLater(poll);

        changeTheTicket("first real change");
        for (int i = 0; i < 3; i++) {
            pollLater(poll);
        }

        // it feeds on itself, as it did before: one note per poll, each after the first marked as its own
        assertEquals(3, delivered.size());
        assertEquals(null, delivered.get(0).get(HaloConstants.OWN_WRITE));
        assertEquals(Boolean.TRUE, delivered.get(1).get(HaloConstants.OWN_WRITE));
        assertEquals(Boolean.TRUE, delivered.get(2).get(HaloConstants.OWN_WRITE));
    }
}
