package io.camelhalo.email;

import java.io.ByteArrayInputStream;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import io.camelhalo.component.halo.lookup.HaloFindByEmail;
import org.apache.camel.Exchange;
import org.apache.camel.component.mail.MailMessage;

/**
 * Email to ticket as one bean step, for a Kamelet action or any route that reads mail itself: the body is a mail
 * message (from a camel-mail consumer) or its raw RFC 822 text; the body out is the line saying what was done. The same
 * rules and guards as the {@code halo-email-to-ticket} template ({@link EmailToTicket}, {@link MailboxPolicy}):
 * automatic emails and the mailbox's own left out, an agent's note only from an authenticated sender, attachment limits
 * and a per-sender rate ({@link RejectedEmailException}); failures are the calling route's to handle (a dead-letter
 * channel keeps the email).
 */
public class HaloEmailToTicket {

    private String tagStart = "[ID:";
    private String tagEnd = "]";
    private boolean searchBody;
    private Long defaultClientId;
    private String createMissing = "none";
    private String closedTicketPolicy = "reopen";
    private String closedStatus = "Closed";
    private String reopenStatus = "In Progress";
    private long requestSource = 1;
    private String agentNotes = "authenticated";
    private String trustedAuthServIds = "";
    private int maxAttachments = MailboxPolicy.DEFAULT_MAX_ATTACHMENTS;
    private long maxAttachmentBytes = MailboxPolicy.DEFAULT_MAX_ATTACHMENT_BYTES;
    private String ownAddresses = "";
    private int maxEmailsPerSender = 20;
    private long senderWindowSeconds = 3600;
    private volatile EmailToTicket rules;

    /** Handles the email in the body; the body becomes what was done. */
    public String handle(Exchange exchange) throws Exception {
        EmailToTicket r = rules(exchange);
        IncomingEmail email = r.read(mime(exchange));
        String done = email.automatic() != null
                ? "ignored an automatic email from " + email.logSender() + " (" + email.automatic() + ")"
                : r.handle(email);
        exchange.getMessage().setBody(done);
        return done;
    }

    private EmailToTicket rules(Exchange exchange) {
        EmailToTicket r = rules;
        if (r == null) {
            synchronized (this) {
                if (rules == null) {
                    HaloFindByEmail senders = new HaloFindByEmail();
                    senders.setDefaultClientId(defaultClientId);
                    senders.setCreateMissing(createMissing);
                    rules = new EmailToTicket(
                            exchange.getContext(), new TicketTag(tagStart, tagEnd), searchBody,
                            senders, EmailToTicket.ClosedTicketPolicy.parse(closedTicketPolicy), closedStatus,
                            reopenStatus, requestSource,
                            new MailboxPolicy(
                                    MailboxPolicy.ownAddresses(ownAddresses, null),
                                    MailboxPolicy.AgentNotes.parse(agentNotes),
                                    new SenderAuthentication(trustedAuthServIds), maxAttachments, maxAttachmentBytes),
                            maxEmailsPerSender, senderWindowSeconds * 1000);
                }
                r = rules;
            }
        }
        return r;
    }

    private static Message mime(Exchange exchange) throws Exception {
        if (exchange.getMessage() instanceof MailMessage mail && mail.getMessage() != null) {
            return mail.getMessage();
        }
        Object body = exchange.getMessage().getBody();
        if (body instanceof Message m) {
            return m;
        }
        byte[] raw = exchange.getMessage().getMandatoryBody(byte[].class);
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    /** Text before the ticket id in a subject (Halo's default [ID:). */
    public void setTagStart(String tagStart) {
        this.tagStart = tagStart;
    }

    /** Text after the ticket id (default ]). */
    public void setTagEnd(String tagEnd) {
        this.tagEnd = tagEnd;
    }

    /** Also look for the ticket tag in the body. */
    public void setSearchBody(boolean searchBody) {
        this.searchBody = searchBody;
    }

    /** The client for senders Halo does not know. */
    public void setDefaultClientId(Long defaultClientId) {
        this.defaultClientId = defaultClientId;
    }

    /** none, user, or client-and-user. */
    public void setCreateMissing(String createMissing) {
        this.createMissing = createMissing;
    }

    /** reopen, or new-ticket. */
    public void setClosedTicketPolicy(String closedTicketPolicy) {
        this.closedTicketPolicy = closedTicketPolicy;
    }

    /** The status name that means closed. */
    public void setClosedStatus(String closedStatus) {
        this.closedStatus = closedStatus;
    }

    /** The status a reopened ticket gets. */
    public void setReopenStatus(String reopenStatus) {
        this.reopenStatus = reopenStatus;
    }

    /** Halo's request source id for email tickets (verify on the tenant). */
    public void setRequestSource(long requestSource) {
        this.requestSource = requestSource;
    }

    /** When an email from an agent's address is their note: authenticated (default), any-sender, or never. */
    public void setAgentNotes(String agentNotes) {
        this.agentNotes = agentNotes;
    }

    /** Comma-separated authserv-ids whose Authentication-Results header (dmarc=pass) is trusted. */
    public void setTrustedAuthServIds(String trustedAuthServIds) {
        this.trustedAuthServIds = trustedAuthServIds;
    }

    /** Most attachments an email may have (default 20). */
    public void setMaxAttachments(int maxAttachments) {
        this.maxAttachments = maxAttachments;
    }

    /** Most bytes one attachment may have (default 10 MiB). */
    public void setMaxAttachmentBytes(long maxAttachmentBytes) {
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    /** The mailbox's own addresses, comma-separated: their emails are ignored. */
    public void setOwnAddresses(String ownAddresses) {
        this.ownAddresses = ownAddresses;
    }

    /** Most emails one sender may send per window (default 20; 0: no limit). */
    public void setMaxEmailsPerSender(int maxEmailsPerSender) {
        this.maxEmailsPerSender = maxEmailsPerSender;
    }

    /** The window of maxEmailsPerSender, in seconds (default 3600). */
    public void setSenderWindowSeconds(long senderWindowSeconds) {
        this.senderWindowSeconds = senderWindowSeconds;
    }
}
