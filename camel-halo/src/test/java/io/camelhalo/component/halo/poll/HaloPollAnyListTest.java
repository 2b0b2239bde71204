package io.camelhalo.component.halo.poll;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.camelhalo.component.halo.HaloConstants;
import io.camelhalo.component.halo.HaloSandboxExtension;
import io.camelhalo.sandbox.HaloSandbox;
import io.camelhalo.sandbox.RecordedRequest;
import io.camelhalo.sandbox.TenantMode;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.camelhalo.component.halo.poll.PollTestSupport.consumer;
import static io.camelhalo.component.halo.poll.PollTestSupport.version;
import static io.camelhalo.component.halo.poll.PollTestSupport.versions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * halo-poll on lists of Halo's API beyond the 22 resources (halo-poll:api/<path>), against the sandbox's generic store
 * of the description's paths: each change arrives once, in order, across a restart, read as the description allows
 * (newest first, the updated-since filter, or the whole list).
 */
class HaloPollAnyListTest {

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest().withoutContext();

    @TempDir
    Path dir;

    private HaloSandbox sandbox;

    @BeforeEach
    void bind() {
        sandbox = halo.sandbox();
    }

    private Map<String, Object> change(String path, Map<String, Object> fields) {
        sandbox.advance(Duration.ofSeconds(2)); // distinct, increasing stamps: the order is unambiguous
        return sandbox.putDescribed(path, new HashMap<>(fields));
    }

    private CamelContext start(String uri, File progress) throws Exception {
        CamelContext context = halo.newContext();
        context.getRegistry().bind("progress", FileStateRepository.fileStateRepository(progress));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("poll").to("mock:changes");
            }
        });
        context.start();
        return context;
    }

    private static List<Exchange> received(CamelContext context) {
        return context.getEndpoint("mock:changes", MockEndpoint.class).getReceivedExchanges();
    }

    /** The query strings of the list requests made to a path since the counters were reset. */
    private List<String> listQueries(String path) {
        return sandbox.requests().stream().filter(r -> r.path().equalsIgnoreCase("/api" + path))
                .map(RecordedRequest::query).toList();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource({
            "/SalesOrder, last_update_time, newest first, order=last_update_time",
            "/Currency, last_updated, the whole list, ''" })
    void eachChangeArrivesOnceAcrossARestart(String path, String field, String how, String asked) throws Exception {
        // given the list's seeded record, older than the route's start
        Object seededId = sandbox.describedRecords(path).get(0).get("id");
        sandbox.advance(Duration.ofSeconds(5));
        String uri = "halo-poll:api" + path + "?startScheduler=false&stateRepository=#progress";
        File progress = dir.resolve("progress.properties").toFile();
        CamelContext first = start(uri, progress);
        HaloPollConsumer consumer = consumer(first, "poll", sandbox);
        consumer.poll();
        assertEquals(0, received(first).size(), "nothing changed since the start");

        // when records are created and updated between polls
        Map<String, Object> a = change(path, Map.of("name", "first"));
        Map<String, Object> b = change(path, Map.of("id", seededId, "name", "seed changed"));
        Map<String, Object> c = change(path, Map.of("name", "third"));
        sandbox.resetCounters();
        consumer.poll();
        consumer.poll();

        // then each version arrives once, oldest first, named by the path
        assertEquals(List.of(version(a, field), version(b, field), version(c, field)), versions(received(first), field));
        assertEquals("api" + path, received(first).get(0).getMessage().getHeader(HaloConstants.RECORD_RESOURCE));
        assertEquals(a.get("id"), received(first).get(0).getMessage().getHeader(HaloConstants.RECORD_ID));
        assertTrue(listQueries(path).stream().allMatch(q -> q == null ? asked.isEmpty() : q.contains(asked)),
                how + ": " + listQueries(path));
        first.stop();

        // and after a restart, only what changed while the route was down
        Map<String, Object> aAgain = change(path, Map.of("id", a.get("id"), "name", "first, edited while down"));
        Map<String, Object> d = change(path, Map.of("name", "created while down"));
        CamelContext second = start(uri, progress);
        HaloPollConsumer restarted = consumer(second, "poll", sandbox);
        restarted.poll();
        restarted.poll();
        assertEquals(List.of(version(aAgain, field), version(d, field)), versions(received(second), field));
        assertEquals(List.of(), restarted.statistics().notices(), "read as the description says, no fall-back");
        assertEquals(List.of(), sandbox.violations(), "every request as Halo's description declares it");
        second.stop();
    }

    @Test
    void aListWithTheUpdatedSinceFilterIsAskedForTheChangesOnly() throws Exception {
        // given a list whose GET declares lastupdatefromdate, and whose description names no schema (so no field)
        sandbox.describedRecords("/EmailAddressBook"); // seeded, unstamped
        String uri = "halo-poll:api?path=EmailAddressBook&lastModifiedField=last_update&startScheduler=false"
                     + "&stateRepository=#progress";
        File progress = dir.resolve("book.properties").toFile();
        CamelContext first = start(uri, progress);
        HaloPollConsumer consumer = consumer(first, "poll", sandbox);
        consumer.poll();

        // when an entry is added and then changed, with polls between
        Map<String, Object> a = change("/EmailAddressBook", Map.of("name", "Ann", "last_update", ""));
        consumer.poll();
        Map<String, Object> a2 = change("/EmailAddressBook", Map.of("id", a.get("id"), "name", "Ann B."));
        sandbox.resetCounters();
        consumer.poll();
        consumer.poll();
        List<String> beforeRestart = versions(received(first), "last_update");
        first.stop();
        Map<String, Object> b = change("/EmailAddressBook", Map.of("name", "Bob", "last_update", ""));
        CamelContext second = start(uri, progress);
        HaloPollConsumer restarted = consumer(second, "poll", sandbox);
        restarted.poll();
        restarted.poll();

        // then each version arrives once, and each poll asked Halo for the changes since its watermark
        assertEquals(List.of(version(a, "last_update"), version(a2, "last_update")), beforeRestart);
        assertEquals(List.of(version(b, "last_update")), versions(received(second), "last_update"));
        assertTrue(listQueries("/EmailAddressBook").stream().allMatch(q -> q.contains("lastupdatefromdate=")),
                listQueries("/EmailAddressBook").toString());
        assertEquals(List.of(), restarted.statistics().notices(), "Halo's filter was used, no fall-back");
        assertEquals(List.of(), sandbox.violations(), "every request as Halo's description declares it");
        second.stop();
    }

    @Test
    void whereHaloIgnoresTheFilterAndTheOrderTheFallBacksStillDeliverEachChangeOnce() throws Exception {
        // given a tenant that ignores lastupdatefromdate and order on the list
        sandbox.setModes(TenantMode.UPDATED_FILTER_IGNORED, TenantMode.ORDER_IGNORED);
        sandbox.putDescribed("/EmailAddressBook", Map.of("id", 1, "last_update", "")); // the seeded entry, stamped
        sandbox.advance(Duration.ofSeconds(5));
        CamelContext context = start(
                "halo-poll:api/EmailAddressBook?lastModifiedField=last_update&startScheduler=false",
                dir.resolve("ignored.properties").toFile());
        HaloPollConsumer consumer = consumer(context, "poll", sandbox);
        consumer.poll();

        // when entries change between polls
        Map<String, Object> a = change("/EmailAddressBook", Map.of("name", "Ann", "last_update", ""));
        Map<String, Object> b = change("/EmailAddressBook", Map.of("name", "Bob", "last_update", ""));
        consumer.poll();
        Map<String, Object> a2 = change("/EmailAddressBook", Map.of("id", a.get("id"), "name", "Ann B."));
        consumer.poll();
        consumer.poll();

        // then each version arrives once, and each fact is said once, as for the 22 resources
        assertEquals(List.of(version(a, "last_update"), version(b, "last_update"), version(a2, "last_update")),
                versions(received(context), "last_update"));
        List<String> notices = consumer.statistics().notices();
        assertTrue(notices.stream().anyMatch(n -> n.contains("ignores lastupdatefromdate on /EmailAddressBook")),
                notices.toString());
        assertTrue(notices.stream().anyMatch(n -> n.contains("halo-poll:api/EmailAddressBook")), notices.toString());
        assertEquals(List.of(), sandbox.violations(), "every request as Halo's description declares it");
        context.stop();
    }

    @Test
    void aPathThatIsNotAPollableListFailsAtRouteStartNamingIt() {
        assertStartFails("halo-poll:api/SalesOrdr", "no list 'SalesOrdr'", "Did you mean '/SalesOrder'?");
        assertStartFails("halo-poll:api/SalesOrder/{id}", "no list 'SalesOrder/{id}'", "GET takes no path parameter");
        assertStartFails("halo-poll:api/EmailAddressBook", "halo-poll:api/EmailAddressBook needs the last-modified",
                "lastModifiedField");
        assertStartFails("halo-poll:api", "halo-poll:api needs the list", "api/SalesOrder");
        assertStartFails("halo-poll:api/SalesOrder?path=Currency", "names its list twice", "path=Currency");
        assertStartFails("halo-poll:api/SalesOrder?query.clientid=3", "'clientid'", "Did you mean 'client_id'?");
        assertStartFails("halo-poll:tickets?lastModifiedField=x", "are for halo-poll:api", "tickets");
        assertStartFails("halo-poll:salesorders", "Unknown Halo resource 'salesorders'", "api/<path>");
        assertEquals(0, sandbox.apiRequestCount(), "no request for bad input");
    }

    private void assertStartFails(String uri, String... expected) {
        Exception e = assertThrows(Exception.class, () -> start(uri, dir.resolve("x.properties").toFile()));
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append(" / ");
        }
        for (String part : expected) {
            assertTrue(messages.toString().contains(part), uri + ": " + messages);
        }
    }
}
