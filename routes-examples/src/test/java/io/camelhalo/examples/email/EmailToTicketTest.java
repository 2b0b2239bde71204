package io.camelhalo.examples.email;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.camelhalo.examples.DemoMailServer;
import io.camelhalo.examples.RunningExamples;
import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Route 5, the halo-email-to-ticket template as routes/email-to-ticket.yaml instantiates it: real MIME emails over SMTP
 * into the embedded IMAP mailbox, and what the route did to Halo.
 */
class EmailToTicketTest {

    private RunningExamples app;
    private HaloSandbox halo;

    @BeforeEach
    void start() throws Exception {
        app = RunningExamples.start(Map.of());
        halo = app.halo();
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    @Test
    void anEmailFromAKnownUserBecomesATicketForThemWithItsAttachment() throws Exception {
        int tickets = halo.count("tickets");
        receive(mail("wile@acme.example", "Monitor flickers", "The second monitor flickers.", "photo.jpg"));

        assertEquals(tickets + 1, halo.count("tickets"));
        Map<String, Object> ticket = newest("tickets");
        assertEquals("Monitor flickers", ticket.get("summary"));
        assertEquals("The second monitor flickers.", ticket.get("details"));
        assertEquals(1L, id(ticket, "user_id"), "Wile E. Coyote");
        assertEquals(1L, id(ticket, "client_id"));
        assertEquals(1L, id(ticket, "site_id"));
        assertEquals(1L, id(ticket, "source"), "request source: email");
        Map<String, Object> attachment = newest("attachments");
        assertEquals(id(ticket, "id"), id(attachment, "ticket_id"));
        assertEquals("photo.jpg", attachment.get("filename"));
        assertEquals(Base64.getEncoder().encodeToString(Mails.content("photo.jpg")), attachment.get("data_base64"));

        // the mailbox is read again after the email was handled: the next email is the only new ticket
        receive(mail("roadrunner@acme.example", "Coffee machine", "Out of beans."));
        assertEquals(tickets + 2, halo.count("tickets"));
    }

    @Test
    void aReplyTaggedWithTheTicketIdBecomesANoteOnThatTicket() throws Exception {
        int tickets = halo.count("tickets");
        int actionsOnTicket1 = actions(1).size();
        receive(mail("roadrunner@acme.example", "RE: Printer on floor 2 is jammed [ID:1]", "Jammed again.",
                "jam2.txt"));

        assertEquals(tickets, halo.count("tickets"), "no new ticket for a tagged reply");
        List<Map<String, Object>> actions = actions(1);
        assertEquals(actionsOnTicket1 + 1, actions.size());
        Map<String, Object> note = actions.get(actions.size() - 1);
        assertEquals("Note", note.get("outcome"));
        assertTrue(note.get("note").toString().contains("Jammed again."), note.toString());
        assertTrue(note.get("note").toString().contains("roadrunner@acme.example"), note.toString());
        Map<String, Object> attachment = newest("attachments");
        assertEquals(1L, id(attachment, "ticket_id"));
        assertEquals("jam2.txt", attachment.get("filename"));
        assertEquals(2L, id(halo.record("tickets", 1), "status_id"), "an open ticket keeps its status");
    }

    @Test
    void aReplyToAClosedTicketReopensItByDefault() throws Exception {
        assertEquals(9L, id(halo.record("tickets", 3), "status_id"), "seed: ticket 3 is closed");
        int tickets = halo.count("tickets");
        receive(mail("roadrunner@acme.example", "Laptop [ID:3]", "The laptop is slow again."));

        assertEquals(tickets, halo.count("tickets"));
        assertEquals(2L, id(halo.record("tickets", 3), "status_id"), "reopened to In Progress");
        assertEquals(1, actions(3).size());
    }

    @Test
    void aReplyTaggedWithATicketHaloNoLongerHasBecomesANewTicketThatNamesIt() throws Exception {
        int tickets = halo.count("tickets");
        int actions = halo.count("actions");
        receive(mail("wile@acme.example", "RE: old problem [ID:999]", "Still broken."));

        assertEquals(tickets + 1, halo.count("tickets"));
        assertEquals(actions, halo.count("actions"));
        Map<String, Object> ticket = newest("tickets");
        assertEquals("RE: old problem [ID:999]", ticket.get("summary"));
        assertTrue(ticket.get("details").toString().startsWith("Reply to ticket 999, which Halo no longer has."),
                ticket.toString());
        assertEquals(1L, id(ticket, "user_id"));
    }

    @Test
    void anUnknownSenderIsFiledUnderTheClientOfTheirDomainOrElseTheDefaultClient() throws Exception {
        receive(mail("new.person@globex.example", "VPN access", "Please give me VPN access."),
                mail("someone@nowhere.example", "Hello from nowhere", "Hi."));
        List<Map<String, Object>> created = halo.records("tickets").stream()
                .filter(t -> List.of("VPN access", "Hello from nowhere").contains(t.get("summary"))).toList();
        assertEquals(2, created.size(), created.toString());
        Map<String, Object> globex = created.stream().filter(t -> t.get("summary").equals("VPN access")).findFirst().get();
        assertEquals(2L, id(globex, "client_id"), "globex.example is Globex's website");
        assertNull(globex.get("user_id"), "no user is created with createMissing=none");
        Map<String, Object> nowhere = created.stream().filter(t -> t.get("summary").equals("Hello from nowhere"))
                .findFirst().get();
        assertEquals(1L, id(nowhere, "client_id"), "the default (catch-all) client");
        assertEquals(4, halo.count("users"), "no user created");
    }

    @Test
    void anEmailWithoutSenderIsKeptInTheDeadLetterFolderAndCreatesNothing() throws Exception {
        int tickets = halo.count("tickets");
        receive(mail(null, "Who am I", "No From header here."));

        assertEquals(tickets, halo.count("tickets"));
        Path deadLetters = app.dir("halo.email.dead-letter-dir");
        List<Path> kept = await().atMost(Duration.ofSeconds(10)).until(() -> list(deadLetters), l -> !l.isEmpty());
        assertEquals(1, kept.size());
        String eml = Files.readString(kept.get(0));
        assertTrue(eml.contains("Subject: Who am I"), "the whole email is kept, ready to replay");
        assertTrue(eml.contains("No From header here."));
    }

    private record Mail(String from, String subject, String text, String attachment) {
    }

    private static Mail mail(String from, String subject, String text) {
        return new Mail(from, subject, text, null);
    }

    private static Mail mail(String from, String subject, String text, String attachment) {
        return new Mail(from, subject, text, attachment);
    }

    /** Sends emails to the helpdesk mailbox and waits until the route has handled all of them. */
    private void receive(Mail... mails) throws Exception {
        Set<String> subjects = Arrays.stream(mails).map(Mail::subject).collect(Collectors.toSet());
        // count only these emails: an earlier exchange's late completion event must not satisfy this wait
        NotifyBuilder handled = new NotifyBuilder(app.context()).fromRoute("email-to-ticket")
                .filter(e -> subjects.contains(e.getMessage().getHeader("Subject", String.class)))
                .whenDone(mails.length).create();
        for (Mail m : mails) {
            Mails.send(app.mail().smtpPort(), m.from(), DemoMailServer.MAILBOX, m.subject(), m.text(), m.attachment());
        }
        assertTrue(handled.matches(20, TimeUnit.SECONDS), "the email route handled " + mails.length + " email(s)");
    }

    private List<Map<String, Object>> actions(long ticketId) {
        return halo.records("actions").stream().filter(a -> id(a, "ticket_id") == ticketId).toList();
    }

    private Map<String, Object> newest(String resource) {
        List<Map<String, Object>> all = halo.records(resource);
        return all.get(all.size() - 1);
    }

    private static long id(Map<String, Object> rec, String field) {
        return ((Number) rec.get(field)).longValue();
    }

    private static List<Path> list(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.toList();
        }
    }
}
