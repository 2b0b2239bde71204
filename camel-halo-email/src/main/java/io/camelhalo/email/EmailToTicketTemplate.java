package io.camelhalo.email;

import jakarta.mail.Message;

import io.camelhalo.component.halo.lookup.HaloFindByEmail;
import org.apache.camel.Exchange;
import org.apache.camel.RouteTemplateContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mail.MailMessage;

/**
 * Email to ticket, shipped as a route template in {@code io.camelhalo:camel-halo-email} ({@code halo-email-to-ticket}):
 * reads a mailbox and turns each email into a Halo note or ticket (see {@link EmailToTicket}). Instantiate it from YAML
 * with {@code templatedRoute} (as {@code routes/email-to-ticket.yaml} does) or from Java with
 * {@code TemplatedRouteBuilder}.
 * <p>
 * Parameters that matter: {@code mailboxUri} (any camel-mail consumer URI, e.g. {@code imaps://...}),
 * {@code tagStart}/{@code tagEnd} (Halo's ticket tag, default {@code [ID:} and {@code ]}), {@code searchBody},
 * {@code defaultClientId} (the catch-all client for unknown senders), {@code createMissing} ({@code none}, {@code user}
 * or {@code client-and-user}), {@code ignoredUri} (where auto-replies, bounces, list mail and the mailbox's own emails
 * go), {@code closedTicketPolicy} ({@code reopen} or {@code new-ticket}) and {@code autoStartup} and
 * {@code deadLetterUri}: an email that cannot be handled (no sender, Halo refuses it, over a limit below) is kept there
 * as an {@code .eml} file for a person to fix and replay.
 * <p>
 * Guards (each decided before anything reaches Halo):
 * <ul>
 * <li>{@code agentNotes} ({@code authenticated}, the default; {@code any-sender}; {@code never}) with
 * {@code trustedAuthServIds}: an email from an agent's address is that agent's note only when the sender is
 * authenticated, i.e. the topmost {@code Authentication-Results} header of a trusted server (its authserv-id, e.g.
 * {@code mx.msp.example}) says {@code dmarc=pass} for the From domain ({@link SenderAuthentication}). Otherwise it is
 * the user's reply (or a new ticket), so a forged {@code From:} cannot write as an agent. With no trusted server, no
 * email is an agent's note; {@code any-sender} is only for a mailbox behind a gateway that rejects unauthenticated
 * mail.</li>
 * <li>{@code maxAttachments} (default 20) and {@code maxAttachmentBytes} (per attachment, decoded, default 10 MiB): an
 * email beyond either goes to the dead letter as a whole, nothing of it posted.</li>
 * <li>{@code ownAddresses} (comma-separated; default the {@code username} of {@code mailboxUri} when it is an address):
 * an email from the mailbox itself is ignored (no loop), as are emails with {@code List-Id} or
 * {@code Return-Path: <>}.</li>
 * <li>{@code maxEmailsPerSender} (default 20; 0 for no limit) per {@code senderWindowSeconds} (default 3600): one
 * sender's emails beyond it go to the dead letter with a log line.</li>
 * </ul>
 * Subjects and addresses are logged escaped ({@link LogText}): an email cannot forge a log line.
 */
public class EmailToTicketTemplate extends RouteBuilder {

    /** The template id to instantiate. */
    public static final String ID = "halo-email-to-ticket";
    private static final String RAW = "haloRawEmail";
    private static final String LOG_SUBJECT = "haloEmailLogSubject";

    @Override
    public void configure() {
        routeTemplate(ID)
                .templateParameter("mailboxUri", null, "camel-mail consumer URI of the mailbox to read")
                .templateParameter("tagStart", "[ID:", "text before the ticket id in a subject")
                .templateParameter("tagEnd", "]", "text after the ticket id")
                .templateParameter("searchBody", "false", "also look for the ticket tag in the body")
                .templateParameter("defaultClientId", null, "client id for senders Halo does not know")
                .templateParameter("createMissing", "none", "none, user, or client-and-user")
                .templateParameter("closedTicketPolicy", "reopen", "reopen, or new-ticket")
                .templateParameter("closedStatus", "Closed", "status name that means closed")
                .templateParameter("reopenStatus", "In Progress", "status a reopened ticket gets")
                .templateParameter("requestSource", "1", "Halo request source id for email tickets (verify)")
                .templateParameter("deadLetterUri", null, "where an email that fails is kept, e.g. file:dead/email")
                .templateParameter("autoStartup", "true", "false to keep the route stopped (no mailbox configured)")
                .templateParameter("ignoredUri", "log:io.camelhalo.email.ignored?level=INFO",
                        "where an automatic email (auto-reply, bounce, list, own address) goes instead of Halo")
                .templateParameter("agentNotes", "authenticated",
                        "when an email from an agent's address is their note: authenticated, any-sender, or never")
                .templateParameter("trustedAuthServIds", "",
                        "comma-separated authserv-ids whose Authentication-Results header (dmarc=pass) is trusted")
                .templateParameter("maxAttachments", String.valueOf(MailboxPolicy.DEFAULT_MAX_ATTACHMENTS),
                        "most attachments an email may have; beyond, it goes to the dead letter")
                .templateParameter("maxAttachmentBytes", String.valueOf(MailboxPolicy.DEFAULT_MAX_ATTACHMENT_BYTES),
                        "most bytes one attachment may have; beyond, the email goes to the dead letter")
                .templateParameter("ownAddresses", "",
                        "the mailbox's own addresses, comma-separated (default: the mailboxUri username if an address)")
                .templateParameter("maxEmailsPerSender", "20",
                        "most emails one sender may send per window (0: no limit); beyond, to the dead letter")
                .templateParameter("senderWindowSeconds", "3600", "the window of maxEmailsPerSender, in seconds")
                .templateBean("emailToTicket", EmailToTicket.class, rtc -> {
                    HaloFindByEmail senders = new HaloFindByEmail();
                    senders.setDefaultClientId(Long.valueOf(param(rtc, "defaultClientId")));
                    senders.setCreateMissing(param(rtc, "createMissing"));
                    return new EmailToTicket(
                            rtc.getCamelContext(),
                            new TicketTag(param(rtc, "tagStart"), param(rtc, "tagEnd")),
                            Boolean.parseBoolean(param(rtc, "searchBody")), senders,
                            EmailToTicket.ClosedTicketPolicy.parse(param(rtc, "closedTicketPolicy")),
                            param(rtc, "closedStatus"), param(rtc, "reopenStatus"),
                            Long.valueOf(param(rtc, "requestSource")),
                            new MailboxPolicy(
                                    MailboxPolicy.ownAddresses(param(rtc, "ownAddresses"), param(rtc, "mailboxUri")),
                                    MailboxPolicy.AgentNotes.parse(param(rtc, "agentNotes")),
                                    new SenderAuthentication(param(rtc, "trustedAuthServIds")),
                                    Integer.parseInt(param(rtc, "maxAttachments")),
                                    Long.parseLong(param(rtc, "maxAttachmentBytes"))),
                            Integer.parseInt(param(rtc, "maxEmailsPerSender")),
                            Long.parseLong(param(rtc, "senderWindowSeconds")) * 1000);
                })
                .from("{{mailboxUri}}").autoStartup("{{autoStartup}}")
                // whatever fails, the email as it arrived goes to the dead-letter folder and is marked handled
                .onException(Exception.class).handled(true)
                .log(org.apache.camel.LoggingLevel.ERROR,
                        "Email '${exchangeProperty." + LOG_SUBJECT + "}' kept in {{deadLetterUri}}: ${exception.message}")
                .setBody(exchangeProperty(RAW))
                .setHeader(Exchange.FILE_NAME, simple("email-${date:now:yyyyMMdd-HHmmss}-${exchangeId}.eml"))
                .to("{{deadLetterUri}}")
                .end()
                // the subject as it may be logged (escaped: no CR/LF from an email in the log), also when reading fails
                .process(e -> e.setProperty(LOG_SUBJECT, LogText.escape(mime(e).getSubject())))
                .process(e -> e.setProperty(RAW, IncomingEmail.raw(mime(e))))
                .bean("{{emailToTicket}}", "read") // the body becomes the IncomingEmail
                .log("Email from ${body.logSender}: '${body.logSubject}' (${body.attachments.size} attachments)")
                .filter(simple("${body.automatic} != null"))
                // never answer a machine: no ticket, no note, so no acknowledgement mails it back
                .log("Email from ${body.logSender} not sent to Halo: automatic (${body.automatic})")
                .setBody(exchangeProperty(RAW))
                .to("{{ignoredUri}}")
                .stop()
                .end()
                .bean("{{emailToTicket}}", "handle") // a template bean is referred to as {{name}}
                .log("Email to ticket: ${body}");
    }

    /** A template parameter, with property placeholders such as {@code {{halo.email.tag-start}}} resolved. */
    private static String param(RouteTemplateContext rtc, String name) {
        return rtc.getCamelContext().resolvePropertyPlaceholders(rtc.getProperty(name, String.class));
    }

    private static Message mime(Exchange e) {
        return e.getMessage(MailMessage.class).getMessage();
    }
}
