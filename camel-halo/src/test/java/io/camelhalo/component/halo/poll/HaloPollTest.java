package io.camelhalo.component.halo.poll;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelhalo.component.halo.HaloConstants;
import io.camelhalo.component.halo.HaloSandboxExtension;
import io.camelhalo.component.halo.error.HaloApiException;
import io.camelhalo.sandbox.HaloSandbox;
import io.camelhalo.sandbox.TenantMode;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.camelhalo.component.halo.poll.PollTestSupport.consumer;
import static io.camelhalo.component.halo.poll.PollTestSupport.pollCountingRequests;
import static io.camelhalo.component.halo.poll.PollTestSupport.version;
import static io.camelhalo.component.halo.poll.PollTestSupport.versions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * halo-poll against the stateful sandbox: changes made between polls arrive exactly once, in order, and idle polls cost
 * one request. Polls are driven one at a time (startScheduler=false) so each assertion is about one poll.
 */
@ParameterizedClass(name = "[{0}]")
@MethodSource("io.camelhalo.component.halo.poll.PollTenants#tenants")
class HaloPollTest {

    @Parameter
    PollTenants.Tenant tenant;

    @RegisterExtension // the tenant is injected after this field is set: read it when the sandbox starts
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest().withoutContext().options(() -> tenant.options());

    private HaloSandbox sandbox;

    @BeforeEach
    void bind() {
        sandbox = halo.sandbox();
    }

    private CamelContext context(String uri, String routeId, org.apache.camel.Processor before) throws Exception {
        return halo.startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).process(before).to("mock:changes");
            }
        });
    }

    private CamelContext context(String uri) throws Exception {
        return context(uri, "poll", e -> {
        });
    }

    private static MockEndpoint changes(CamelContext context) {
        return context.getEndpoint("mock:changes", MockEndpoint.class);
    }

    private Map<String, Object> change(String resource, Map<String, Object> fields) {
        sandbox.advance(PollTenants.changeSpacing(tenant)); // distinct, increasing stamps: the order is unambiguous
        return sandbox.put(resource, new HashMap<>(fields));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "tickets,last_update,summary", "projects,last_update,summary", "invoices,last_modified,invoicenumber" })
    void changesBetweenPollsArriveExactlyOnceInOrder(String resource, String lastModifiedField, String field)
            throws Exception {
        CamelContext context = context("halo-poll:" + resource + "?startScheduler=false");
        HaloPollConsumer consumer = consumer(context, "poll", sandbox);
        boolean documentedCost = PollTenants.pollCostsAsDocumented(tenant, resource);
        int firstPoll = pollCountingRequests(sandbox, consumer);
        assertTrue(!documentedCost || firstPoll == 1, "first poll: one request, made " + firstPoll);
        assertEquals(0, changes(context).getReceivedCounter(), "nothing changed since start");

        Object existingId = sandbox.records(resource).get(0).get("id");
        Map<String, Object> a = change(resource, Map.of(field, "first"));
        Map<String, Object> b = change(resource, Map.of("id", existingId, field, "changed"));
        Map<String, Object> c = change(resource, Map.of(field, "third"));
        pollCountingRequests(sandbox, consumer);

        List<Exchange> got = changes(context).getReceivedExchanges();
        assertEquals(List.of(version(a, lastModifiedField), version(b, lastModifiedField),
                version(c, lastModifiedField)), versions(got, lastModifiedField));
        assertEquals(List.of("created", "updated", "created"),
                got.stream().map(e -> e.getMessage().getHeader(HaloConstants.EVENT_TYPE, String.class)).toList());
        assertEquals(resource, got.get(0).getMessage().getHeader(HaloConstants.RECORD_RESOURCE));
        assertEquals(a.get("id"), got.get(0).getMessage().getHeader(HaloConstants.RECORD_ID));
        assertNull(got.get(0).getMessage().getHeader(HaloConstants.RESOURCE), "the producer's override is not set");
        assertNull(got.get(0).getMessage().getHeader(HaloConstants.ID), "the producer's id is not set");
        assertEquals(3, got.get(2).getProperty(Exchange.BATCH_SIZE));
        assertEquals(Boolean.TRUE, got.get(2).getProperty(Exchange.BATCH_COMPLETE));

        for (int idle = 0; idle < 3; idle++) {
            int requests = pollCountingRequests(sandbox, consumer);
            assertTrue(!documentedCost || requests == 1, "an idle poll costs one request, made " + requests);
        }
        assertEquals(3, changes(context).getReceivedCounter(), "no change arrives when nothing changed");
        assertEquals(List.of(version(a, lastModifiedField), version(b, lastModifiedField),
                version(c, lastModifiedField)), versions(changes(context).getReceivedExchanges(), lastModifiedField));
    }

    @ParameterizedTest
    @ValueSource(strings = { "tickets", "invoices" })
    void twoHundredFiftyChangesAtOnceAllArrive(String resource) throws Exception {
        CamelContext context = context("halo-poll:" + resource + "?startScheduler=false");
        HaloPollConsumer consumer = consumer(context, "poll", sandbox);
        consumer.poll();
        sandbox.advance(Duration.ofSeconds(1));
        List<Object> created = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            created.add(sandbox.put(resource, new HashMap<>(Map.of("summary", "bulk " + i))).get("id"));
        }
        int requests = pollCountingRequests(sandbox, consumer);
        sweepUntilArrived(consumer, context, 250);
        List<Exchange> got = changes(context).getReceivedExchanges();
        assertEquals(250, got.size());
        assertEquals(250, got.stream().map(e -> e.getMessage().getHeader(HaloConstants.RECORD_ID)).distinct().count());
        assertEquals(created, sortedIds(changes(context)), "each of the 250 once");
        boolean documentedCost = PollTenants.pollCostsAsDocumented(tenant, resource);
        assertTrue(!documentedCost || requests == 3, "three pages of 100, made " + requests);
        int again = pollCountingRequests(sandbox, consumer);
        assertTrue(!documentedCost || again <= 3, "within the overlap the window is read again, made " + again);
        sandbox.advance(Duration.ofSeconds(6)); // past the 5 s overlap
        sandbox.resetCounters();
        consumer.poll();
        assertTrue(!documentedCost || sandbox.apiRequestCount() == 1,
                () -> "then an idle poll costs one request: " + sandbox.requests());
        assertEquals(250, changes(context).getReceivedCounter());
        assertEquals(created, sortedIds(changes(context)));
    }

    @Test
    void oneChangeMoreThanAFullPageAllArrive() throws Exception {
        // given a poll, then 101 changes: one more than a page of 100
        CamelContext context = context("halo-poll:tickets?startScheduler=false");
        HaloPollConsumer consumer = consumer(context, "poll", sandbox);
        consumer.poll();
        sandbox.advance(Duration.ofSeconds(1));
        List<Object> created = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            created.add(sandbox.put("tickets", new HashMap<>(Map.of("summary", "bulk " + i))).get("id"));
        }
        // when the next poll reads them, then every one arrives, whatever record_count says
        consumer.poll();
        sweepUntilArrived(consumer, context, 101);
        assertEquals(101, changes(context).getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader(HaloConstants.RECORD_ID)).distinct().count());
        assertEquals(created, sortedIds(changes(context)).stream().distinct().toList());
    }

    /**
     * With slim list items, more changes at once than sweepSize (20) are swept, a few reads by id a poll (never one per
     * changed record in one poll): the further polls that takes.
     */
    private void sweepUntilArrived(HaloPollConsumer consumer, CamelContext context, int count) throws Exception {
        for (int polls = 0; changes(context).getReceivedCounter() < count && polls < 2 * count / 20 + 2; polls++) {
            assertTrue(tenant.modes().contains(TenantMode.SLIM_LIST_ITEMS), "only slim items take more than a poll");
            consumer.poll();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "clients,alastupdate", "suppliers,last_modified", "clientcontracts,last_modified" })
    void aRecordMadeInactiveArrivesAsAChange(String resource, String lastModifiedField) throws Exception {
        // given a poll of a resource whose list declares includeinactive, caught up
        CamelContext context = context("halo-poll:" + resource + "?startScheduler=false");
        HaloPollConsumer consumer = consumer(context, "poll", sandbox);
        consumer.poll();
        // when one of its records is made inactive
        Object id = sandbox.records(resource).get(0).get("id");
        Map<String, Object> deactivated = change(resource, Map.of("id", id, "inactive", true));
        consumer.poll();
        // then that change arrives like any other (also where Halo hides inactive records unless asked)
        assertEquals(List.of(version(deactivated, lastModifiedField)),
                versions(changes(context).getReceivedExchanges(), lastModifiedField));
    }

    @Test
    void maxMessagesPerPollCatchesUpInBoundedBatchesWithoutLossOrRepeat() throws Exception {
        CamelContext context = context("halo-poll:tickets?startScheduler=false&maxMessagesPerPoll=4");
        HaloPollConsumer consumer = consumer(context, "poll", sandbox);
        consumer.poll();
        List<Object> changed = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            changed.add(change("tickets", Map.of("summary", "backlog " + i)).get("id"));
        }
        consumer.poll();
        assertEquals(4, changes(context).getReceivedCounter());
        assertEquals(changed.subList(0, 4), ids(changes(context)), "the oldest four first");
        consumer.poll();
        consumer.poll();
        consumer.poll();
        assertEquals(changed, ids(changes(context)));
    }

    @Test
    void startFromNowCountsChangesMadeAfterTheRouteStartedButBeforeItsFirstPoll() throws Exception {
        CamelContext context = context("halo-poll:tickets?startScheduler=false");
        sandbox.advance(Duration.ofSeconds(1));
        Map<String, Object> early = change("tickets", Map.of("summary", "written before the first poll"));
        HaloPollConsumer consumer = consumer(context, "poll", sandbox);
        consumer.poll();
        assertEquals(List.of(version(early, "last_update")),
                versions(changes(context).getReceivedExchanges(), "last_update"));
    }

    @Test
    void recordsSharingATimestampWithOneWrittenJustAfterAPollBothArriveOnce() throws Exception {
        CamelContext context = context("halo-poll:tickets?startScheduler=false");
        HaloPollConsumer consumer = consumer(context, "poll", sandbox);
        consumer.poll();
        Instant sameSecond = Instant.now().plusSeconds(1);
        sandbox.setNow(sameSecond); // the clock stands still: both writes get the same stamp
        Map<String, Object> first = sandbox.put("tickets", new HashMap<>(Map.of("summary", "first")));
        consumer.poll();
        Map<String, Object> second = sandbox.put("tickets", new HashMap<>(Map.of("summary", "second")));
        assertEquals(first.get("last_update"), second.get("last_update"));
        consumer.poll();
        consumer.poll();
        assertEquals(List.of(version(first, "last_update"),
                version(second, "last_update")),
                versions(changes(context).getReceivedExchanges(), "last_update"));
    }

    @Test
    void aRestartDeliversExactlyTheChangesMadeWhileDown(@TempDir Path dir) throws Exception {
        File store = dir.resolve("halo-poll.state").toFile();
        String uri = "halo-poll:tickets?startScheduler=false&stateRepository=#progress";

        CamelContext first = startWithFileState(uri, store);
        consumer(first, "poll", sandbox).poll();
        Map<String, Object> beforeStop = change("tickets", Map.of("summary", "before stop"));
        consumer(first, "poll", sandbox).poll();
        assertEquals(1, changes(first).getReceivedCounter());
        assertEquals(List.of(version(beforeStop, "last_update")),
                versions(changes(first).getReceivedExchanges(), "last_update"));
        first.stop();

        Map<String, Object> down1 = change("tickets", Map.of("summary", "while down 1"));
        Map<String, Object> down2 = change("tickets", Map.of("id", beforeStop.get("id"), "summary", "edited while down"));

        CamelContext second = startWithFileState(uri, store);
        consumer(second, "poll", sandbox).poll();
        assertEquals(List.of(version(down1, "last_update"), version(down2, "last_update")),
                versions(changes(second).getReceivedExchanges(), "last_update"));
    }

    private CamelContext startWithFileState(String uri, File store) throws Exception {
        FileStateRepository progress = FileStateRepository.fileStateRepository(store);
        CamelContext context = halo.newContext();
        context.getRegistry().bind("progress", progress);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("poll").to("mock:changes");
            }
        });
        context.start();
        return context;
    }

    @Test
    void aFailedRecordIsDeliveredAgainAndTheOthersAreNot() throws Exception {
        AtomicInteger poisonAttempts = new AtomicInteger();
        CamelContext context = context("halo-poll:tickets?startScheduler=false", "poll", e -> {
            if ("poison".equals(e.getMessage().getBody(Map.class).get("summary"))
                    && poisonAttempts.incrementAndGet() == 1) {
                throw new IllegalStateException("downstream system is down");
            }
        });
        HaloPollConsumer consumer = consumer(context, "poll", sandbox);
        consumer.poll();
        Map<String, Object> a = change("tickets", Map.of("summary", "a"));
        Map<String, Object> poison = change("tickets", Map.of("summary", "poison"));
        Map<String, Object> c = change("tickets", Map.of("summary", "c"));

        consumer.poll();
        assertEquals(List.of(a.get("id"), c.get("id")), ids(changes(context)));
        consumer.poll();
        assertEquals(List.of(a.get("id"), c.get("id"), poison.get("id")), ids(changes(context)));
        consumer.poll();
        assertEquals(3, changes(context).getReceivedCounter(), "nothing is repeated once delivered");
        assertEquals(List.of(a.get("id"), c.get("id"), poison.get("id")), ids(changes(context)));
        assertEquals(2, poisonAttempts.get());
    }

    private static List<Object> ids(MockEndpoint mock) {
        return mock.getReceivedExchanges().stream().map(e -> e.getMessage().getHeader(HaloConstants.RECORD_ID)).toList();
    }

    /** The ids delivered, in id order: for changes sharing a stamp, whose order a tenant does not fix. */
    private static List<Object> sortedIds(MockEndpoint mock) {
        return ids(mock).stream().sorted().toList();
    }

    @Test
    void startFromBeginningDeliversEveryRecordAndAnInstantOnlyLaterOnes() throws Exception {
        CamelContext all = context("halo-poll:clients?startScheduler=false&startFrom=beginning");
        consumer(all, "poll", sandbox).poll();
        assertEquals(sandbox.count("clients"), changes(all).getReceivedCounter());
        assertEquals(sandbox.records("clients").stream().map(c -> c.get("id")).toList(), sortedIds(changes(all)),
                "every client once");

        Instant cut = sandbox.now().plusSeconds(10);
        sandbox.setNow(cut.plusSeconds(1));
        Map<String, Object> later = sandbox.put("clients", new HashMap<>(Map.of("name", "Later Ltd")));
        CamelContext some = context("halo-poll:clients?startScheduler=false&startFrom=" + cut, "poll2", e -> {
        });
        consumer(some, "poll2", sandbox).poll();
        assertEquals(List.of(later.get("id")), ids(changes(some)));
    }

    @Test
    void actionsArePolledPerTicket() throws Exception {
        CamelContext context = context("halo-poll:actions?startScheduler=false&ticketId=1");
        HaloPollConsumer consumer = consumer(context, "poll", sandbox);
        consumer.poll();
        sandbox.advance(Duration.ofSeconds(1));
        Map<String, Object> note = sandbox.put("actions", new HashMap<>(Map.of("ticket_id", 1, "note", "called back")));
        consumer.poll();
        List<Exchange> got = changes(context).getReceivedExchanges();
        assertEquals(1, got.size());
        assertEquals(note.get("id"), got.get(0).getMessage().getHeader(HaloConstants.RECORD_ID));
        assertEquals(1L, ((Number) got.get(0).getMessage().getBody(Map.class).get("ticket_id")).longValue());
    }

    @Test
    void withoutADelayOptionTheConsumerPollsOnceAMinute() throws Exception {
        CamelContext context = context("halo-poll:tickets?startScheduler=false");
        HaloPollConsumer consumer = consumer(context, "poll", sandbox);
        assertEquals(60_000, consumer.getDelay());
        CamelContext custom = context("halo-poll:tickets?startScheduler=false&delay=5s", "poll2", e -> {
        });
        assertEquals(5_000, consumer(custom, "poll2", sandbox).getDelay());
    }

    @Test
    void theCamelSchedulerDrivesPollsAndSendsEmptyMessagesWhenIdle() throws Exception {
        CamelContext context = context("halo-poll:tickets?delay=50&initialDelay=0&sendEmptyMessageWhenIdle=true");
        MockEndpoint mock = changes(context);
        mock.expectedMinimumMessageCount(2);
        mock.assertIsSatisfied(10_000);
        assertTrue(mock.getReceivedExchanges().stream().allMatch(e -> e.getMessage().getBody() == null));
    }

    @Test
    void quartzCronSchedulesPolls() throws Exception {
        CamelContext context = context(
                "halo-poll:invoices?scheduler=quartz&scheduler.cron=0/1+*+*+*+*+?&sendEmptyMessageWhenIdle=true");
        MockEndpoint mock = changes(context);
        mock.expectedMinimumMessageCount(1);
        mock.assertIsSatisfied(10_000);
    }

    @Test
    void aFailedPollMovesNothingAndTheNextDeliversTheChangeOnce() throws Exception {
        CamelContext context = context("halo-poll:tickets?startScheduler=false&maxRetries=0");
        HaloPollConsumer consumer = consumer(context, "poll", sandbox);
        consumer.poll();
        Map<String, Object> changed = change("tickets", Map.of("summary", "changed during an outage"));

        sandbox.failNext(1, 500);
        assertThrows(io.camelhalo.component.halo.error.HaloApiException.class, consumer::poll);
        assertEquals(0, changes(context).getReceivedCounter());

        consumer.poll();
        consumer.poll();
        assertEquals(List.of(changed.get("id")), ids(changes(context)));
    }

    @Test
    void aLostReplyToAPollIsRetriedWithinThePoll() throws Exception {
        CamelContext context = context("halo-poll:tickets?startScheduler=false&retryDelay=5");
        HaloPollConsumer consumer = consumer(context, "poll", sandbox);
        consumer.poll();
        Map<String, Object> changed = change("tickets", Map.of("summary", "changed"));
        sandbox.dropNextReplies(1);
        int requests = pollCountingRequests(sandbox, consumer);
        assertTrue(!PollTenants.pollCostsAsDocumented(tenant, "tickets") || requests == 2,
                "the lost reply, then the retry; made " + requests);
        assertEquals(List.of(changed.get("id")), ids(changes(context)));
    }

    @Test
    void aPolledRecordCanBeWrittenToAnotherResourceWithoutItsHeadersRedirectingTheWrite() throws Exception {
        CamelContext context = halo.startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("halo-poll:tickets?startScheduler=false").routeId("note-on-change")
                        .setHeader(HaloConstants.TICKET_ID, header(HaloConstants.RECORD_ID))
                        .setBody(constant(Map.of("note", "Seen by the integration", "outcome", "Note")))
                        .to("halo:actions/create");
            }
        });
        HaloPollConsumer consumer = consumer(context, "note-on-change", sandbox);
        consumer.poll();
        Map<String, Object> ticket = change("tickets", Map.of("summary", "needs a note"));
        consumer.poll();
        long ticketId = ((Number) ticket.get("id")).longValue();
        assertTrue(sandbox.records("actions").stream().anyMatch(a -> ((Number) a.get("ticket_id")).longValue() == ticketId
                && "Seen by the integration".equals(a.get("note"))), "the note went to /Actions, not /Tickets");
    }

    @Test
    void aQueueHopBetweenAPollAndAWriteCannotRedirectTheWrite() throws Exception {
        // given a route that polls projects and, after a seda: hop, creates a ticket from each change
        CamelContext context = halo.startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("halo-poll:projects?startScheduler=false").routeId("projects").to("seda:follow-up");
                from("seda:follow-up").routeId("follow-up")
                        .setBody(exchange -> Map.of("summary",
                                "Follow up: " + exchange.getMessage().getBody(Map.class).get("summary")))
                        .to("halo:tickets/create").to("mock:created");
            }
        });
        HaloPollConsumer consumer = consumer(context, "projects", sandbox);
        consumer.poll();
        int projectsBefore = sandbox.records("projects").size();

        // when a project changes
        change("projects", Map.of("summary", "Migration"));
        consumer.poll();
        MockEndpoint created = context.getEndpoint("mock:created", MockEndpoint.class);
        Awaitility.await().until(() -> created.getReceivedCounter() == 1);

        // then the create went to /Tickets, as its URI says: no new project, one new ticket
        assertEquals(projectsBefore + 1, sandbox.records("projects").size(), "only the changed project itself");
        assertTrue(sandbox.records("tickets").stream().anyMatch(t -> "Follow up: Migration".equals(t.get("summary"))));
    }

    @Test
    void whatTheRouteDoesToTheMessageDoesNotChangeWhatIsDeliveredAgain() throws Exception {
        // given a route that strips every header and property and replaces the body before calling on
        CamelContext context = halo.startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("halo-poll:tickets?startScheduler=false").routeId("strip")
                        .removeHeaders("*").removeProperties("*").setBody(constant("replaced"))
                        .to("mock:changes");
            }
        });
        HaloPollConsumer consumer = consumer(context, "strip", sandbox);
        consumer.poll();

        // when a ticket changes and the route polls three times
        change("tickets", Map.of("summary", "changed once"));
        for (int i = 0; i < 3; i++) {
            sandbox.advance(Duration.ofSeconds(1));
            consumer.poll();
        }

        // then the change was delivered once
        assertEquals(1, changes(context).getReceivedCounter());
    }

    @Test
    void badOptionsFailAtRouteStartWithAClearMessage() {
        assertStartFails("halo-poll:tikets", "tikets");
        assertStartFails("halo-poll:kbarticles", "cannot be polled");
        assertStartFails("halo-poll:tickets?startFrom=yesterday", "yesterday");
        assertStartFails("halo-poll:tickets?overlap=-1", "overlap");
        assertStartFails("halo-poll:actions", "ticketId");
        assertStartFails("halo-poll:tickets?pageSize=abc", "abc");
        assertStartFails("halo-poll:tickets?pageSize=500", "500");
        assertStartFails("halo-poll:actions?ticketId=-3", "-3");
        assertStartFails("halo-poll:tickets?maxMessagesPerPoll=-1", "-1");
        assertEquals(0, sandbox.apiRequestCount(), "no request for bad input");
    }

    private void assertStartFails(String uri, String expected) {
        Exception e = assertThrows(Exception.class, () -> context(uri));
        Throwable cause = e;
        StringBuilder messages = new StringBuilder();
        while (cause != null) {
            messages.append(cause.getMessage()).append(" / ");
            cause = cause.getCause();
        }
        assertTrue(messages.toString().contains(expected), messages.toString());
        assertTrue(e instanceof FailedToCreateRouteException || e.getCause() != null, e.toString());
    }
}
