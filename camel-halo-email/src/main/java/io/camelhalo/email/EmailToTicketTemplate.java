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
 * or {@code client-and-user}), {@code ignoredUri} (where auto-replies, bounces and list mail go),
 * {@code closedTicketPolicy} ({@code reopen} or {@code new-ticket}) and {@code autoStartup} and {@code deadLetterUri}:
 * an email that cannot be handled (no sender, Halo refuses it) is kept there as an {@code .eml} file for a person to
 * fix and replay.
 */
public class EmailToTicketTemplate extends RouteBuilder {

    /** The template id to instantiate. */
    public static final String ID = "halo-email-to-ticket";
    private static final String RAW = "haloRawEmail";

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
                        "where an automatic email (auto-reply, bounce, list) goes instead of Halo")
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
                            Long.valueOf(param(rtc, "requestSource")));
                })
                .from("{{mailboxUri}}").autoStartup("{{autoStartup}}")
                // whatever fails, the email as it arrived goes to the dead-letter folder and is marked handled
                .onException(Exception.class).handled(true)
                .log(org.apache.camel.LoggingLevel.ERROR,
                        "Email '${header.Subject}' kept in {{deadLetterUri}}: ${exception.message}")
                .setBody(exchangeProperty(RAW))
                .setHeader(Exchange.FILE_NAME, simple("email-${date:now:yyyyMMdd-HHmmss}-${exchangeId}.eml"))
                .to("{{deadLetterUri}}")
                .end()
                .process(e -> e.setProperty(RAW, IncomingEmail.raw(mime(e))))
                .process(e -> e.getMessage().setBody(IncomingEmail.of(mime(e))))
                .log("Email from ${body.senderEmail}: '${body.subject}' (${body.attachments.size} attachments)")
                .filter(simple("${body.automatic} != null"))
                // never answer a machine: no ticket, no note, so no acknowledgement mails it back
                .log("Email from ${body.senderEmail} not sent to Halo: automatic (${body.automatic})")
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
