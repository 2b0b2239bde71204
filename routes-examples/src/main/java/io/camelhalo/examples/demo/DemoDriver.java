package io.camelhalo.examples.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import io.camelhalo.examples.DemoMailServer;
import io.camelhalo.examples.HaloTarget;
import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the outside world once against the sandbox, so each automation visibly fires: changes an invoice and a project
 * in Halo, posts an external request, drops an onboarding CSV, sends two emails, escalates and closes a ticket, updates
 * one whose change Halo posts to the app's webhook. Waits for each route to finish its exchange before the next step,
 * then calls {@code finished}.
 */
public class DemoDriver implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDriver.class);
    private static final long WAIT_SECONDS = 30;

    private final CamelContext context;
    private final HaloTarget target;
    private final Runnable finished;
    private volatile Exception failure;

    public DemoDriver(CamelContext context, HaloTarget target, Runnable finished) {
        this.context = context;
        this.target = target;
        this.finished = finished;
    }

    @Override
    public void run() {
        try {
            runDemo();
            LOG.info("DEMO finished: every automation fired once; stopping the app");
        } catch (Exception e) {
            failure = e;
            LOG.error("DEMO failed: {}", e.getMessage(), e);
        } finally {
            finished.run();
        }
    }

    /** Why the demo failed, or null. */
    public Exception failure() {
        return failure;
    }

    private void runDemo() throws Exception {
        HaloSandbox halo = target.sandbox();

        step("1/7 invoice-to-finance: invoice INV-1001 changes in Halo", "invoice-to-finance", any(),
                () -> halo.put("invoices", Map.of("id", 1, "total", 1312.50)));

        step("2/7 project-follow-up: project 6 changes in Halo", "project-follow-up", any(),
                () -> halo.put("projects", Map.of("id", 6, "status_id", 3)));

        step("3/7 external-requests: an app posts a request with a file", "external-requests", any(), () -> {
            String json = "{\"summary\": \"Badge reader at reception is offline\", \"details\": \"Since 08:00.\","
                          + " \"client_id\": 2, \"department\": \"Facilities\", \"filename\": \"reader.log\","
                          + " \"data_base64\": \"" + b64("reader offline at 08:00") + "\"}";
            HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + property("halo.requests.http-port") + "/requests"))
                    .header("Content-Type", "application/json")
                    .header(property("halo.requests.api-key-header"), property("halo.requests.api-key"))
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            LOG.info("DEMO the app got HTTP {} {}", reply.statusCode(), reply.body());
        });

        step("4/7 customer-onboarding: a CSV with two customers is dropped in the inbox", "customer-onboarding", any(),
                () -> Files.writeString(Path.of(property("halo.onboarding.inbox-dir")).resolve("new-customers.csv"),
                        "client_name,website,site_name,user_name,user_email\n"
                                                                                                                     + "Umbrella Corp,umbrella.example,Umbrella Raccoon City,Alice Abernathy,alice@umbrella.example\n"
                                                                                                                     + "Stark Industries,stark.example,Stark Tower,Pepper Potts,pepper@stark.example\n"));

        step("5/7 email-to-ticket: a new email from a known user, with an attachment", "email-to-ticket",
                subject("Monitor flickers"),
                () -> send("wile@acme.example", "Monitor flickers", "My second monitor flickers.", "photo.txt"));
        step("5/7 email-to-ticket: a reply tagged [ID:1]", "email-to-ticket",
                subject("RE: Printer on floor 2 is jammed [ID:1]"),
                () -> send("roadrunner@acme.example", "RE: Printer on floor 2 is jammed [ID:1]", "It jammed again.", null));

        // direct: the change is made when requestBody returns
        var producer = context.createProducerTemplate();
        LOG.info("DEMO 6/7 update-ticket: escalate ticket 2 (priority High, team Escalations)");
        producer.requestBody("direct:update-ticket", Map.of("id", 2, "priority_name", "High", "team", "Escalations"));
        LOG.info("DEMO 6/7 update-ticket: close ticket 2");
        producer.requestBody("direct:update-ticket", Map.of("id", 2, "status_name", "Closed"));

        // through Halo's API, so the sandbox posts the change to the app's webhook, as Halo would
        step("7/7 ticket-updated-notify: ticket 3 is updated in Halo", "ticket-updated-*",
                e -> Long.valueOf(3).equals(e.getMessage().getHeader("CamelHaloRecordId", Long.class)),
                () -> producer.requestBody("halo:tickets/update",
                        Map.of("id", 3, "summary", "VPN drops every hour (vendor contacted)")));
    }

    private interface Action {
        void run() throws Exception;
    }

    /**
     * Runs {@code action} and waits until route {@code routeId} has finished one exchange that {@code which} accepts
     * (the parts of a split are not counted).
     */
    private void step(String title, String routeId, Predicate<Exchange> which, Action action) throws Exception {
        LOG.info("DEMO {}", title);
        NotifyBuilder done = new NotifyBuilder(context).fromRoute(routeId)
                .filter(e -> e.getProperty(Exchange.SPLIT_INDEX) == null && which.test(e))
                .whenDone(1).create();
        action.run();
        if (!done.matches(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("route " + routeId + " did not finish within " + WAIT_SECONDS + " s");
        }
    }

    private static Predicate<Exchange> any() {
        return e -> true;
    }

    private static Predicate<Exchange> subject(String subject) {
        return e -> subject.equals(e.getMessage().getHeader("Subject", String.class));
    }

    private void send(String from, String subject, String text, String attachmentName) throws Exception {
        Session session = Session.getInstance(new java.util.Properties());
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(DemoMailServer.MAILBOX));
        message.setSubject(subject);
        MimeMultipart parts = new MimeMultipart();
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text, "UTF-8");
        parts.addBodyPart(body);
        if (attachmentName != null) {
            MimeBodyPart file = new MimeBodyPart();
            file.setContent("a photo of the flicker".getBytes(StandardCharsets.UTF_8), "application/octet-stream");
            file.setFileName(attachmentName);
            parts.addBodyPart(file);
        }
        message.setContent(parts);
        Transport transport = session.getTransport("smtp");
        transport.connect("127.0.0.1", target.mail().smtpPort(), null, null);
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } finally {
            transport.close();
        }
    }

    private String property(String name) {
        return context.resolvePropertyPlaceholders("{{" + name + "}}");
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
