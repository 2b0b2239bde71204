package io.camelhalo.component.halo.webhook;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.camelhalo.component.halo.HaloSandboxExtension;
import io.camelhalo.component.halo.webhook.WebhookTestSupport.Taken;
import io.camelhalo.sandbox.HaloSandbox;
import io.camelhalo.sandbox.WebhookDelivery;
import io.camelhalo.sandbox.WebhookPayloads;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static io.camelhalo.component.halo.webhook.WebhookTestSupport.updateTicket;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The webhook with halo-poll as its safety net, sharing one idempotent repository: each change is taken once, whichever
 * path sees it first, across Halo's retries, re-sends and a restart of the application.
 */
class HaloWebhookSafetyNetTest {

    private static final String AUTH = "basicUsername=halo&basicPassword=RAW(n3t)";

    @TempDir
    Path dir;

    /** The sandbox, and the writer context: Halo's agents and administrators. */
    @RegisterExtension
    final HaloSandboxExtension extension = HaloSandboxExtension.perTest();

    private HaloSandbox halo;
    private int port;
    private CamelContext app;
    private CamelContext writerContext;
    private ProducerTemplate writer;
    private final List<Taken> taken = WebhookTestSupport.newTakenList();

    @BeforeEach
    void start() {
        halo = extension.sandbox();
        // legacy sandbox mode until this test moves to the consumer of issue 21: remove with WebhookPayloads.LEGACY_BARE_RECORD
        halo.webhookPayloads(WebhookPayloads.LEGACY_BARE_RECORD);
        halo.webhookRetries(2, Duration.ZERO);
        port = AvailablePortFinder.getNextAvailable();
        writerContext = extension.context();
        writer = extension.template();
    }

    /** The application: the webhook route and, if asked, a halo-poll route of tickets sharing its repository. */
    private CamelContext startApp(
            IdempotentRepository changes, FileStateRepository progress, Instant pollFrom,
            long pollDelay)
            throws Exception {
        CamelContext context = WebhookTestSupport.context(extension, port);
        context.getRegistry().bind("changes", changes);
        context.addRoutes(WebhookTestSupport.recording("webhook", "halo-webhook:tickets?register=true&webhookUrl="
                                                                  + "http://127.0.0.1:" + port + "/halo-webhook/tickets&"
                                                                  + AUTH + "&idempotentRepository=#changes",
                "webhook", taken));
        if (progress != null) {
            context.getRegistry().bind("progress", progress);
            context.addRoutes(WebhookTestSupport.recording("poll", "halo-poll:tickets?idempotentRepository=#changes"
                                                                   + "&stateRepository=#progress&startFrom=" + pollFrom
                                                                   + "&delay=" + pollDelay + "&initialDelay=0",
                    "poll", taken));
        }
        context.start();
        return context;
    }

    private static Map<String, Long> timesTaken(List<Taken> taken) {
        return taken.stream().collect(Collectors.groupingBy(Taken::version, Collectors.counting()));
    }

    @Test
    void eachChangeIsTakenOnceWhicheverPathSeesItFirst() throws Exception {
        // given the webhook and a fast poll sharing one repository, both seeing every change
        Instant from = halo.now();
        app = startApp(MemoryIdempotentRepository.memoryIdempotentRepository(), fileState("progress.dat"), from, 50);

        // when tickets change, while a delivery is lost on the way (the webhook is inactive for one change)
        updateTicket(writer, 1, "seen by both");
        await().until(() -> taken.size() == 1);
        setActive(false);
        updateTicket(writer, 2, "only the poll sees it");
        setActive(true);
        updateTicket(writer, 3, "seen by both again");

        // then each change is taken exactly once, by one path or the other
        await().until(() -> taken.size() >= 3
                && taken.stream().map(Taken::summary).toList().contains("seen by both again"));
        int requests = halo.apiRequestCount();
        await().until(() -> halo.apiRequestCount() >= requests + 3); // three more polls, which must add nothing
        assertEquals(3, taken.size(), taken::toString);
        assertEquals(List.of("only the poll sees it", "seen by both", "seen by both again"),
                taken.stream().map(Taken::summary).sorted().toList(), taken::toString);
        assertTrue(timesTaken(taken).values().stream().allMatch(n -> n == 1), taken::toString);
        assertTrue(taken.stream().anyMatch(t -> t.summary().equals("only the poll sees it") && t.path().equals("poll")));

        // and a re-send of every delivery adds nothing
        List<Taken> before = List.copyOf(taken);
        for (WebhookDelivery d : halo.webhookDeliveries()) {
            halo.resendWebhookDelivery(d.number());
        }
        assertEquals(3, taken.size());
        assertEquals(before, taken);
    }

    @Test
    void aRestartBetweenADeliveryAndThePollLosesNothingAndRepeatsNothing() throws Exception {
        // given an application with the webhook only and persistent repositories
        Instant from = halo.now();
        File changesFile = dir.resolve("changes.dat").toFile();
        app = startApp(FileIdempotentRepository.fileIdempotentRepository(changesFile, 10_000), null, from, 0);

        // when a change is delivered and taken
        updateTicket(writer, 1, "taken before the stop");
        await().until(() -> taken.size() == 1);

        // and the application is stopped before any poll, and a change happens while it is down
        app.stop();
        app = null;
        updateTicket(writer, 2, "changed while down");
        await().until(() -> halo.webhookDeliveries().size() == 2);
        assertFalse(halo.webhookDeliveries().get(1).succeeded(), "nobody listened");

        // and it restarts, now with the halo-poll safety net, on the same repository file
        app = startApp(FileIdempotentRepository.fileIdempotentRepository(changesFile, 10_000),
                fileState("progress.dat"), from, 60_000);

        // then the poll takes the missed change and not the one taken before the stop
        await().until(() -> taken.size() == 2);
        assertEquals(List.of("taken before the stop", "changed while down"),
                taken.stream().map(Taken::summary).toList());
        assertEquals(List.of("webhook", "poll"), taken.stream().map(Taken::path).toList());

        // and Halo's re-send of both deliveries takes nothing again
        assertTrue(halo.resendWebhookDelivery(1).succeeded());
        assertTrue(halo.resendWebhookDelivery(2).succeeded());
        assertEquals(2, taken.size());
        assertEquals(List.of("taken before the stop", "changed while down"), taken.stream().map(Taken::summary).toList());
        Map<String, Long> counts = timesTaken(taken);
        assertTrue(counts.values().stream().allMatch(n -> n == 1), counts::toString);
    }

    private FileStateRepository fileState(String name) {
        return FileStateRepository.fileStateRepository(dir.resolve(name).toFile());
    }

    private void setActive(boolean active) throws Exception {
        // as an administrator switching the webhook off in Halo: the sandbox posts nothing meanwhile
        WebhookTestSupport.updateWebhook(halo, writerContext, halo.webhooks().get(0).get("id"), Map.of("active", active));
    }
}
