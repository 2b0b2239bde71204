package io.camelhalo.email;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.camelhalo.component.halo.HaloComponent;
import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped halo-email-to-ticket template with only this jar and the component: real MIME emails over SMTP into a
 * GreenMail IMAP mailbox, and what reached the Halo sandbox (records and request counts).
 */
class EmailToTicketTemplateTest {

    private static final String MAILBOX = "helpdesk@msp.example";
    /** What the mailbox's own mail server writes after checking an email from msp.example (RFC 8601). */
    private static final String MX_PASS = "mx.msp.example; spf=pass smtp.mailfrom=msp.example;"
                                          + " dkim=pass header.d=msp.example; dmarc=pass (p=reject) header.from=msp.example";

    private HaloSandbox halo;
    private GreenMail mail;
    private CamelContext context;

    @TempDir
    Path deadLetters;

    @BeforeEach
    void start() throws Exception {
        halo = HaloSandbox.start(0);
        mail = new GreenMail(
                new ServerSetup[] {
                        new ServerSetup(0, "127.0.0.1", "smtp"),
                        new ServerSetup(0, "127.0.0.1", "imap") });
        mail.start();
        mail.setUser(MAILBOX, MAILBOX, "pw");
        context = new DefaultCamelContext();
        HaloComponent component = new HaloComponent();
        component.getConfiguration().setBaseUrl(halo.baseUrl());
        component.getConfiguration().setClientId(halo.clientId());
        component.getConfiguration().setClientSecret(halo.clientSecret());
        component.getConfiguration().setRateLimit(0);
        context.addComponent("halo", component);
        context.addRoutes(new EmailToTicketTemplate());
        context.start();
    }

    /** Adds the template's route, reading the helpdesk mailbox, with these parameters besides the usual. */
    private void route(Map<String, String> parameters) throws Exception {
        TemplatedRouteBuilder route = TemplatedRouteBuilder.builder(context, EmailToTicketTemplate.ID)
                .routeId("email")
                .parameter("mailboxUri", "imap://127.0.0.1:" + mail.getImap().getPort() + "?username=" + MAILBOX
                                         + "&password=pw&delay=200&initialDelay=0")
                .parameter("defaultClientId", "3")
                .parameter("deadLetterUri", "file:" + deadLetters);
        parameters.forEach(route::parameter);
        route.add();
    }

    @AfterEach
    void stop() {
        context.stop();
        mail.stop();
        halo.close();
    }

    @Test
    void anHtmlEmailFromAKnownUserIsOneTicketInTwoRequestsWithReadableTextAndTheSender() throws Exception {
        // given a known user writing an HTML-only email
        route(Map.of());
        halo.resetCounters();
        int tickets = halo.count("tickets");

        // when it arrives
        receive(email("Wile E. Coyote <wile@acme.example>", "Anvil delivery",
                "<html><head><style>p{color:red}</style></head><body><p>The anvil &amp; the rocket</p>"
                                                                              + "<p>arrived<br>broken.</p></body></html>",
                "text/html; charset=UTF-8"));

        // then one ticket for the user, its text readable, the sender kept, in two API requests (find, create)
        assertEquals(tickets + 1, halo.count("tickets"));
        Map<String, Object> ticket = newest("tickets");
        assertEquals("The anvil & the rocket\n\narrived\nbroken.", ticket.get("details"));
        assertEquals(1L, id(ticket, "user_id"));
        assertEquals("Wile E. Coyote", ticket.get("reportedby"));
        assertEquals("wile@acme.example", ticket.get("user_email"));
        assertEquals(2, halo.apiRequestCount());
    }

    @Test
    void aTaggedReplyIsANoteInTwoRequestsAndAnAuthenticatedAgentsReplyIsAnAgentNote() throws Exception {
        // given the lists the template reads once (statuses, agents) already read, and the mail server trusted
        route(Map.of("trustedAuthServIds", "mx.msp.example"));
        receive(authenticated(email("Alice Agent <alice@msp.example>", "RE: jam [ID:1]", "warm-up", "text/plain")));
        halo.resetCounters();

        // when a user and then an agent (her mail server checked her domain: dmarc=pass) reply to open ticket 1
        receive(email("Road Runner <roadrunner@acme.example>", "RE: jam [ID:1]", "Jammed again.", "text/plain"));
        int userReply = halo.apiRequestCount();
        receive(authenticated(email("Alice Agent <alice@msp.example>", "RE: jam [ID:1]", "Sent a technician.",
                "text/plain")));

        // then the user's reply cost two requests (read the ticket, add the note) and the agent's note is hers
        assertEquals(2, userReply);
        List<Map<String, Object>> notes = halo.records("actions").stream().filter(a -> id(a, "ticket_id") == 1L).toList();
        Map<String, Object> userNote = notes.get(notes.size() - 2);
        Map<String, Object> agentNote = notes.get(notes.size() - 1);
        assertTrue(userNote.get("note").toString().contains("Jammed again."), userNote.toString());
        assertNull(userNote.get("who_agentid"));
        assertEquals(2L, id(agentNote, "who_agentid"));
        assertTrue(agentNote.get("note").toString().contains("Sent a technician."), agentNote.toString());
    }

    @Test
    void aForgedAgentsFromIsTheUsersReplyNeverTheAgentsNote() throws Exception {
        // given the mailbox's mail server trusted, and closed ticket 3
        route(Map.of("trustedAuthServIds", "mx.msp.example"));
        assertEquals(9L, id(halo.record("tickets", 3), "status_id"), "seed: ticket 3 is closed");

        // when emails claim to be from agent Alice: without any check, with a check by a server not trusted, with a
        // failed check by the trusted one, and one with no mail server trusted at all (the default)
        MimeMessage plain = email("Alice Agent <alice@msp.example>", "RE: [ID:1] close it", "forged 1", "text/plain");
        MimeMessage untrusted = email("alice@msp.example", "RE: [ID:3] reopen", "forged 2", "text/plain");
        untrusted.addHeader("Authentication-Results", "mx.attacker.example; dmarc=pass header.from=msp.example");
        MimeMessage failed = email("alice@msp.example", "RE: [ID:1] again", "forged 3", "text/plain");
        failed.addHeader("Authentication-Results", "mx.msp.example; spf=fail; dmarc=fail header.from=msp.example");
        receive(plain, untrusted, failed);

        // then each is a user's note (no agent id), never Alice's
        List<Map<String, Object>> forged = halo.records("actions").stream()
                .filter(a -> String.valueOf(a.get("note")).contains("forged")).toList();
        assertEquals(3, forged.size(), forged.toString());
        forged.forEach(note -> assertNull(note.get("who_agentid"), note.toString()));
        assertEquals("alice@msp.example", forged.get(0).get("emailfrom"));
    }

    @Test
    void withNoTrustedServerNoEmailIsAnAgentsNoteUnlessAgentNotesIsAnySender() throws Exception {
        // given the defaults (no server trusted)
        route(Map.of());

        // when an email with a valid-looking check arrives from an agent's address
        receive(authenticated(email("alice@msp.example", "RE: [ID:1] note", "by default", "text/plain")));

        // then nothing is trusted: a user's note
        assertNull(newest("actions").get("who_agentid"));

        // and with agentNotes=any-sender (a gateway rejects unauthenticated mail), the From address decides
        context.getRouteController().stopRoute("email");
        context.removeRoute("email");
        route(Map.of("agentNotes", "any-sender"));
        receive(email("alice@msp.example", "RE: [ID:1] note", "any sender", "text/plain"));
        assertEquals(2L, id(newest("actions"), "who_agentid"));
    }

    @Test
    void anEmailOverTheAttachmentLimitsGoesToTheDeadLetterAndNothingOfItIsPosted() throws Exception {
        // given at most 2 attachments of at most 1024 bytes
        route(Map.of("maxAttachments", "2", "maxAttachmentBytes", "1024"));
        int tickets = halo.count("tickets");
        int attachments = halo.count("attachments");

        // when one email has 3 small attachments, one has an attachment one byte over, one is within both limits
        receive(withAttachments(email("wile@acme.example", "three files", "x", "text/plain"), 10, 10, 10),
                withAttachments(email("wile@acme.example", "RE: [ID:1] big file", "x", "text/plain"), 1025),
                withAttachments(email("wile@acme.example", "two files", "x", "text/plain"), 1024, 1024));

        // then only the last reaches Halo, with both files; the other two are kept whole in the dead letter
        assertEquals(tickets + 1, halo.count("tickets"));
        assertEquals("two files", newest("tickets").get("summary"));
        assertEquals(attachments + 2, halo.count("attachments"));
        assertEquals(0, halo.records("actions").stream().filter(a -> String.valueOf(a.get("note")).contains("big file"))
                .count());
        List<String> kept = deadLetters();
        assertEquals(2, kept.size());
        assertTrue(kept.stream().anyMatch(eml -> eml.contains("Subject: three files")));
        assertTrue(kept.stream().anyMatch(eml -> eml.contains("Subject: RE: [ID:1] big file")));
    }

    @Test
    void aTagOfTwentyDigitsIsNoTagButANewTicket() throws Exception {
        route(Map.of());
        int tickets = halo.count("tickets");

        receive(email("wile@acme.example", "Order [ID:99999999999999999999]", "a long number", "text/plain"));

        assertEquals(tickets + 1, halo.count("tickets"));
        assertEquals("Order [ID:99999999999999999999]", newest("tickets").get("summary"));
        assertEquals(List.of(), deadLetters());
    }

    @Test
    void theMailboxsOwnEmailsListMailAndNullReturnPathsNeverReachHalo() throws Exception {
        // given the mailbox's own address taken from mailboxUri's username
        route(Map.of());
        int tickets = halo.count("tickets");
        int actions = halo.count("actions");
        MimeMessage own = email("Helpdesk <helpdesk@msp.example>", "RE: [ID:1] we received your email", "Ack.",
                "text/plain");
        MimeMessage list = email("wile@acme.example", "[acme-users] new release", "Hi list.", "text/plain");
        list.setHeader("List-Id", "ACME users <acme-users.lists.acme.example>");

        // a bounce sent with the null reverse path (MAIL FROM:<>), which the delivering server records as
        // Return-Path: <> (GreenMail refuses MAIL FROM:<>, so the test writes the header)
        MimeMessage bounce = email("wile@acme.example", "Automatic reply: RE: [ID:1]", "Away.", "text/plain");
        bounce.setHeader("Return-Path", "<>");

        // when they arrive
        receive(own, list, bounce);

        // then none is a ticket or a note
        assertEquals(tickets, halo.count("tickets"));
        assertEquals(actions, halo.count("actions"));
        // and a person's email right after is handled as usual
        receive(email("wile@acme.example", "Real question", "Hello.", "text/plain"));
        assertEquals(tickets + 1, halo.count("tickets"));
    }

    @Test
    void oneSendersEmailsBeyondTheRateGoToTheDeadLetterWithALogLine() throws Exception {
        route(Map.of("maxEmailsPerSender", "2", "senderWindowSeconds", "3600"));
        int tickets = halo.count("tickets");
        List<String> logged = captureLog();

        receive(email("wile@acme.example", "one", "1", "text/plain"), email("wile@acme.example", "two", "2", "text/plain"),
                email("wile@acme.example", "three", "3", "text/plain"),
                email("roadrunner@acme.example", "other sender", "4", "text/plain"));

        assertEquals(tickets + 3, halo.count("tickets"));
        List<String> kept = deadLetters();
        assertEquals(1, kept.size());
        assertTrue(kept.get(0).contains("From: wile@acme.example"), kept.get(0));
        assertTrue(logged.stream().anyMatch(l -> l.contains("wile@acme.example sent more than 2 emails in 3600 s")),
                String.valueOf(logged));
    }

    @Test
    void aSubjectWithLineBreaksIsLoggedEscapedNeverAsAForgedLine() throws Exception {
        route(Map.of());
        List<String> logged = captureLog();
        String forged = "Printer\r\n2026-01-01 00:00:00 ERROR forged line";
        String encoded = "=?UTF-8?B?" + Base64.getEncoder().encodeToString(forged.getBytes(StandardCharsets.UTF_8))
                         + "?=";
        MimeMessage ticket = email("wile@acme.example", "x", "a ticket", "text/plain");
        ticket.setHeader("Subject", encoded);
        MimeMessage noSender = email(null, "x", "to the dead letter", "text/plain");
        noSender.setHeader("Subject", encoded);

        receive(ticket, noSender);

        assertEquals(forged, newest("tickets").get("summary"), "the subject itself is kept as it was");
        List<String> lines = logged.stream().filter(l -> l.contains("forged line")).toList();
        assertTrue(lines.size() >= 3, "read, created, dead letter: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.contains("kept in")), lines.toString());
        lines.forEach(l -> assertFalse(l.contains("\n") || l.contains("\r"), l));
        lines.forEach(l -> assertTrue(l.contains("Printer\\r\\n2026-01-01"), l));
    }

    private MimeMessage email(String from, String subject, String body, String contentType) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        if (from != null) {
            message.setFrom(new InternetAddress(from));
        }
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
        message.setSubject(subject);
        message.setContent(body, contentType);
        return message;
    }

    private static MimeMessage authenticated(MimeMessage message) throws Exception {
        message.addHeader("Authentication-Results", MX_PASS);
        return message;
    }

    private static MimeMessage withAttachments(MimeMessage message, int... sizes) throws Exception {
        MimeMultipart parts = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.getContent().toString(), "UTF-8");
        parts.addBodyPart(text);
        for (int i = 0; i < sizes.length; i++) {
            MimeBodyPart file = new MimeBodyPart();
            file.setContent(new byte[sizes[i]], "application/octet-stream");
            file.setFileName("file" + i + ".bin");
            parts.addBodyPart(file);
        }
        message.setContent(parts);
        return message;
    }

    /** Sends the emails and waits until the route has handled each. */
    private void receive(MimeMessage... messages) throws Exception {
        Set<String> ids = new HashSet<>();
        for (MimeMessage m : messages) {
            m.saveChanges();
            ids.add(m.getMessageID());
        }
        // count only the exchanges of these emails (by Message-ID): when the previous call's NotifyBuilder released
        // this thread from inside the event dispatch of the previous email's completion, this new builder would be
        // handed that same completion event too
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("email")
                .filter(e -> ids.contains(e.getMessage().getHeader("Message-ID", String.class)))
                .whenDone(messages.length).create();
        for (MimeMessage m : messages) {
            Session session = Session.getInstance(new Properties());
            try (Transport t = session.getTransport("smtp")) {
                t.connect("127.0.0.1", mail.getSmtp().getPort(), null, null);
                t.sendMessage(m, m.getAllRecipients());
            }
        }
        assertTrue(done.matches(20, TimeUnit.SECONDS), "the route handled " + messages.length + " email(s)");
    }

    /** Every log event from now on, as logger name and formatted message; removed when the context stops. */
    private List<String> captureLog() {
        List<String> logged = new CopyOnWriteArrayList<>();
        LoggerContext logContext = (LoggerContext) LogManager.getContext(false);
        Appender capture = new AbstractAppender(
                "email-capture-" + System.nanoTime(), null, null, true,
                Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                logged.add(event.getLoggerName() + " " + event.getMessage().getFormattedMessage());
            }
        };
        capture.start();
        logContext.getConfiguration().getRootLogger().addAppender(capture, Level.ALL, null);
        logContext.getConfiguration().getLoggerConfig("io.camelhalo").addAppender(capture, Level.ALL, null);
        logContext.updateLoggers();
        removeOnStop.add(() -> {
            logContext.getConfiguration().getRootLogger().removeAppender(capture.getName());
            logContext.getConfiguration().getLoggerConfig("io.camelhalo").removeAppender(capture.getName());
            logContext.updateLoggers();
        });
        return logged;
    }

    private final List<Runnable> removeOnStop = new ArrayList<>();

    @AfterEach
    void removeCaptures() {
        removeOnStop.forEach(Runnable::run);
    }

    private List<String> deadLetters() throws Exception {
        try (var files = Files.list(deadLetters)) {
            List<String> all = new ArrayList<>();
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                all.add(Files.readString(p));
            }
            return all;
        }
    }

    private Map<String, Object> newest(String resource) {
        List<Map<String, Object>> all = halo.records(resource);
        return all.get(all.size() - 1);
    }

    private static long id(Map<String, Object> rec, String field) {
        return ((Number) rec.get(field)).longValue();
    }
}
