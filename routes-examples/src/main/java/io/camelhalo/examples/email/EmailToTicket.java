package io.camelhalo.examples.email;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.camelhalo.examples.lookup.HaloCalls;
import io.camelhalo.examples.lookup.NameToId;
import io.camelhalo.examples.lookup.SenderLookup;
import io.camelhalo.examples.lookup.TicketTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The email rules of Halo's email product, as one decision: a tagged reply becomes a note on its ticket; anything
 * else becomes a new ticket for whoever sent it. Attachments follow the email either way.
 */
public class EmailToTicket {

    /** What to do when the tagged ticket is closed or gone. */
    public enum ClosedTicketPolicy {
        /** set the ticket back to the reopen status and add the note (a missing ticket still gets a new one) */
        REOPEN,
        /** log a new ticket that names the old one */
        NEW_TICKET;

        public static ClosedTicketPolicy parse(String text) {
            try {
                return valueOf(text.trim().replace('-', '_').toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("closedTicketPolicy must be 'reopen' or 'new-ticket', not '" + text + "'");
            }
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(EmailToTicket.class);

    private final HaloCalls halo;
    private final TicketTag tag;
    private final boolean searchBody;
    private final SenderLookup senders;
    private final ClosedTicketPolicy closedPolicy;
    private final NameToId names;
    private final String closedStatus;
    private final String reopenStatus;
    private final Object requestSource;

    public EmailToTicket(HaloCalls halo, TicketTag tag, boolean searchBody, SenderLookup senders,
                         ClosedTicketPolicy closedPolicy, NameToId names, String closedStatus, String reopenStatus,
                         Object requestSource) {
        this.halo = halo;
        this.tag = tag;
        this.searchBody = searchBody;
        this.senders = senders;
        this.closedPolicy = closedPolicy;
        this.names = names;
        this.closedStatus = closedStatus;
        this.reopenStatus = reopenStatus;
        this.requestSource = requestSource;
    }

    /** @return a line saying what was done, for the route's log */
    public String handle(IncomingEmail email) {
        if (email.senderEmail() == null) {
            throw new IllegalArgumentException("The email '" + email.subject() + "' has no sender (From) address");
        }
        Optional<Long> tagged = tag.find(email.subject());
        if (tagged.isEmpty() && searchBody) {
            tagged = tag.find(email.body());
        }
        if (tagged.isEmpty()) {
            return newTicket(email, email.subject(), email.body());
        }
        long ticketId = tagged.get();
        Map<String, Object> ticket = halo.getOrNull("tickets", ticketId);
        if (ticket == null) {
            return newTicket(email, email.subject(), "Reply to ticket " + ticketId + ", which Halo no longer has.\n\n"
                    + email.body());
        }
        Long status = HaloCalls.id(ticket, "status_id");
        boolean closed = status != null && status == names.id("statuses", closedStatus);
        if (closed && closedPolicy == ClosedTicketPolicy.NEW_TICKET) {
            return newTicket(email, email.subject(), "Reply to closed ticket " + ticketId + ".\n\n" + email.body());
        }
        if (closed) {
            halo.update("tickets", new LinkedHashMap<>(Map.of("id", ticketId,
                    "status_id", names.id("statuses", reopenStatus))));
        }
        addNote(ticketId, email);
        attach(ticketId, email);
        return (closed ? "reopened ticket " : "added a note to ticket ") + ticketId + " from " + email.senderEmail();
    }

    private String newTicket(IncomingEmail email, String summary, String details) {
        SenderLookup.Sender sender = senders.find(email.senderEmail(), email.senderName());
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("summary", summary.isBlank() ? "(no subject)" : summary);
        ticket.put("details", details);
        ticket.put("client_id", sender.clientId());
        if (sender.siteId() != null) {
            ticket.put("site_id", sender.siteId());
        }
        if (sender.userId() != null) {
            ticket.put("user_id", sender.userId());
        }
        ticket.put("reportedby", email.senderEmail());
        ticket.put("source", requestSource);
        long id = HaloCalls.id(halo.create("tickets", ticket), "id");
        attach(id, email);
        return "created ticket " + id + " for " + email.senderEmail() + " (" + sender.how() + ", client "
                + sender.clientId() + ")";
    }

    private void addNote(long ticketId, IncomingEmail email) {
        halo.create("actions", new LinkedHashMap<>(Map.of("ticket_id", ticketId, "outcome", "Note",
                "note", "From " + email.senderEmail() + ": " + email.subject() + "\n\n" + email.body(),
                "emailfrom", email.senderEmail(), "hiddenfromuser", false)));
    }

    private void attach(long ticketId, IncomingEmail email) {
        for (IncomingEmail.Attachment a : email.attachments()) {
            halo.create("attachments", new LinkedHashMap<>(Map.of("ticket_id", ticketId, "filename", a.filename(),
                    "data_base64", a.base64())));
            LOG.debug("Attached {} to ticket {}", a.filename(), ticketId);
        }
    }
}
