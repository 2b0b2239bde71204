package io.camelhalo.email;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.camelhalo.component.halo.HaloComponent;
import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
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

    private HaloSandbox halo;
    private GreenMail mail;
    private CamelContext context;

    @TempDir
    java.nio.file.Path deadLetters;

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
        TemplatedRouteBuilder.builder(context, EmailToTicketTemplate.ID)
                .routeId("email")
                .parameter("mailboxUri", "imap://127.0.0.1:" + mail.getImap().getPort() + "?username=" + MAILBOX
                                         + "&password=pw&delay=200&initialDelay=0")
                .parameter("defaultClientId", "3")
                .parameter("deadLetterUri", "file:" + deadLetters)
                .add();
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
    void aTaggedReplyIsANoteInTwoRequestsAndAnAgentsReplyIsAnAgentNote() throws Exception {
        // given the lists the template reads once (statuses, agents) already read
        receive(email("roadrunner@acme.example", "RE: jam [ID:1]", "first reply", "text/plain"));
        halo.resetCounters();

        // when a user and then an agent reply to open ticket 1
        receive(email("Road Runner <roadrunner@acme.example>", "RE: jam [ID:1]", "Jammed again.", "text/plain"));
        int userReply = halo.apiRequestCount();
        receive(email("Alice Agent <alice@msp.example>", "RE: jam [ID:1]", "Sent a technician.", "text/plain"));

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
    void autoRepliesBouncesAndListMailNeverReachHalo() throws Exception {
        // given emails a machine sent
        int tickets = halo.count("tickets");
        int actions = halo.count("actions");
        MimeMessage outOfOffice = email("wile@acme.example", "Out of office: RE: jam [ID:1]", "Back Monday.", "text/plain");
        outOfOffice.setHeader("Auto-Submitted", "auto-replied");
        MimeMessage exchangeAutoReply = email("wile@acme.example", "Automatic reply", "Away.", "text/plain");
        exchangeAutoReply.setHeader("X-Auto-Response-Suppress", "All");
        MimeMessage newsletter = email("news@globex.example", "Newsletter", "News.", "text/plain");
        newsletter.setHeader("Precedence", "bulk");
        MimeMessage bounce = email("MAILER-DAEMON@acme.example", "Undeliverable: [ID:1]", "No such user.", "text/plain");

        // when they arrive
        receive(outOfOffice, exchangeAutoReply, newsletter, bounce);

        // then Halo has no ticket and no note from them
        assertEquals(tickets, halo.count("tickets"));
        assertEquals(actions, halo.count("actions"));
        // and a person's email right after is handled as usual
        receive(email("wile@acme.example", "Real question", "Hello.", "text/plain"));
        assertEquals(tickets + 1, halo.count("tickets"));
        assertFalse(halo.records("tickets").stream().anyMatch(t -> "Newsletter".equals(t.get("summary"))));
    }

    private MimeMessage email(String from, String subject, String body, String contentType) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
        message.setSubject(subject);
        message.setContent(body, contentType);
        return message;
    }

    /** Sends the emails and waits until the route has handled each. */
    private void receive(MimeMessage... messages) throws Exception {
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("email").whenDone(messages.length).create();
        for (MimeMessage m : messages) {
            m.saveChanges();
            Session session = Session.getInstance(new Properties());
            try (Transport t = session.getTransport("smtp")) {
                t.connect("127.0.0.1", mail.getSmtp().getPort(), null, null);
                t.sendMessage(m, m.getAllRecipients());
            }
        }
        assertTrue(done.matches(20, TimeUnit.SECONDS), "the route handled " + messages.length + " email(s)");
    }

    private Map<String, Object> newest(String resource) {
        List<Map<String, Object>> all = halo.records(resource);
        return all.get(all.size() - 1);
    }

    private static long id(Map<String, Object> rec, String field) {
        return ((Number) rec.get(field)).longValue();
    }
}
