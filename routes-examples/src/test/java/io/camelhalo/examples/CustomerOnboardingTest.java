package io.camelhalo.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Route 4, CustomerOnboardingRoute: a CSV in the inbox creates client, site and user, once. */
class CustomerOnboardingTest {

    private static final String HEADER = "client_name,website,site_name,user_name,user_email\n";

    @Test
    void aCsvCreatesClientSiteAndUserAndTheSameFileAgainCreatesNothing() throws Exception {
        try (RunningExamples app = RunningExamples.start()) {
            int clients = app.halo().count("clients");
            int sites = app.halo().count("sites");
            int users = app.halo().count("users");
            String csv = HEADER
                         + "Umbrella Corp,umbrella.example,Raccoon City,Alice Abernathy,alice@umbrella.example\n"
                         + "Umbrella Corp,umbrella.example,Raccoon City,Carlos Oliveira,carlos@umbrella.example\n";

            drop(app, "customers.csv", csv);

            assertEquals(clients + 1, app.halo().count("clients"));
            assertEquals(sites + 1, app.halo().count("sites"));
            assertEquals(users + 2, app.halo().count("users"));
            Map<String, Object> client = only(app.halo().records("clients"), "name", "Umbrella Corp");
            assertEquals("umbrella.example", client.get("website"));
            Map<String, Object> site = only(app.halo().records("sites"), "name", "Raccoon City");
            assertEquals(id(client), id(site, "client_id"));
            Map<String, Object> alice = only(app.halo().records("users"), "emailaddress", "alice@umbrella.example");
            assertEquals(id(site), id(alice, "site_id"));
            assertEquals(id(client), id(alice, "client_id"));

            drop(app, "customers-again.csv", csv);

            assertEquals(clients + 1, app.halo().count("clients"), "dropping the same file twice creates nothing new");
            assertEquals(sites + 1, app.halo().count("sites"));
            assertEquals(users + 2, app.halo().count("users"));
        }
    }

    @Test
    void anOnboardingLineIsSixRequestsForANewCustomerAndThreeForAKnownOne() throws Exception {
        try (RunningExamples app = RunningExamples.start()) {
            // given a line for a customer Halo does not know
            app.halo().resetCounters();

            // when it is dropped in the inbox
            drop(app, "oscorp.csv", HEADER + "Oscorp,oscorp.example,Oscorp Tower,Norman Osborn,norman@oscorp.example\n");

            // then the job (client, site, user: each looked up, then created) took six requests
            assertEquals(6, apiRequests(app), app.halo().requests().toString());
            assertEquals("Oscorp", only(app.halo().records("clients"), "name", "Oscorp").get("name"));

            // and the same line again is the three look-ups alone
            app.halo().resetCounters();
            drop(app, "oscorp-again.csv", HEADER + "Oscorp,oscorp.example,Oscorp Tower,Norman Osborn,norman@oscorp.example\n");
            assertEquals(3, apiRequests(app), app.halo().requests().toString());
            assertTrue(app.halo().requests().stream().noneMatch(r -> r.method().equals("POST")));
        }
    }

    @Test
    void badLinesAreReportedWithTheirLineNumbersAndTheGoodOnesGoThrough() throws Exception {
        try (RunningExamples app = RunningExamples.start()) {
            int clients = app.halo().count("clients");
            drop(app, "mixed.csv", HEADER
                                   + "Stark Industries,stark.example,Stark Tower,Pepper Potts,pepper@stark.example\n"
                                   + "Wayne Enterprises,wayne.example,Wayne Tower,Lucius Fox\n"
                                   + ",,Nowhere,Nobody,nobody@nowhere.example\n"
                                   + "Cyberdyne,cyberdyne.example,Sunnyvale,Miles Dyson,miles@cyberdyne.example\n");

            assertEquals(clients + 2, app.halo().count("clients"), "Stark and Cyberdyne");
            Path errors = app.dir("halo.onboarding.error-dir").resolve("mixed.csv.errors.txt");
            List<String> lines = await().atMost(Duration.ofSeconds(5)).until(
                    () -> Files.exists(errors) ? Files.readAllLines(errors) : List.<String> of(), l -> !l.isEmpty());
            assertEquals(2, lines.size(), lines.toString());
            assertTrue(lines.get(0).startsWith("line 3: expected 5 values, found 4"), lines.get(0));
            assertTrue(lines.get(1).startsWith("line 4: empty [client_name]"), lines.get(1));
            assertTrue(lines.get(0).contains("Wayne Enterprises"), "the row is kept for a person to fix and replay");
        }
    }

    @Test
    void aFileMissingAColumnIsMovedToTheErrorFolderWholeAndCreatesNothing() throws Exception {
        try (RunningExamples app = RunningExamples.start()) {
            int clients = app.halo().count("clients");
            String csv = "client_name,site_name,user_name\nUmbrella Corp,Raccoon City,Alice\n";
            drop(app, "no-email.csv", csv);

            assertEquals(clients, app.halo().count("clients"));
            Path errorDir = app.dir("halo.onboarding.error-dir");
            assertEquals(csv, Files.readString(errorDir.resolve("no-email.csv")), "the file is kept as it was");
            String reason = Files.readString(errorDir.resolve("no-email.csv.errors.txt"));
            assertTrue(reason.contains("missing column(s) [website, user_email]"), reason);
        }
    }

    private static long apiRequests(RunningExamples app) {
        return app.halo().requests().stream().filter(r -> r.path().matches("(?i)/api/(Client|Site|Users)(/.*)?")).count();
    }

    /** Writes a file into the inbox the way a person would (a temp name, then a rename) and waits for the route. */
    private static void drop(RunningExamples app, String name, String content) throws Exception {
        Path inbox = app.dir("halo.onboarding.inbox-dir");
        Files.createDirectories(inbox);
        Path tmp = Files.writeString(inbox.resolve(name + ".part"), content);
        Files.move(tmp, inbox.resolve(name));
        // the file leaves the inbox (to .done) when its exchange has completed
        await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(inbox.resolve(name)));
    }

    private static long id(Map<String, Object> rec) {
        return id(rec, "id");
    }

    private static long id(Map<String, Object> rec, String field) {
        return ((Number) rec.get(field)).longValue();
    }

    private static Map<String, Object> only(List<Map<String, Object>> records, String field, Object value) {
        List<Map<String, Object>> matches = records.stream().filter(r -> value.equals(r.get(field))).toList();
        assertEquals(1, matches.size(), field + "=" + value + " in " + records);
        return matches.get(0);
    }
}
