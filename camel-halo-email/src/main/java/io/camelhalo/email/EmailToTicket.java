package io.camelhalo.email;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;

import io.camelhalo.component.halo.HaloConstants;
import io.camelhalo.component.halo.error.HaloNotFoundException;
import io.camelhalo.component.halo.lookup.HaloFindByEmail;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mail.MailMessage;

/**
 * The email rules of Halo's email product, as one decision: a tagged reply becomes a note on its ticket (an agent note
 * when an agent sent it and {@link MailboxPolicy.AgentNotes} allows: by default only when the sender is authenticated,
 * else it is a user's reply); anything else becomes a new ticket for whoever sent it (found by
 * {@link HaloFindByEmail}), with the sender's name and address kept on it. Attachments follow the email either way.
 * Emails a machine sent (auto-replies, bounces, lists, the mailbox itself) are left alone, and one sender's emails
 * beyond the per-sender rate are refused ({@link RejectedEmailException}) before anything reaches Halo. Halo is called
 * only through {@code halo:} endpoints; status names are resolved by the component (names instead of ids).
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

    /** Halo's lists this class reads, kept as long as the component keeps its own (10 minutes). */
    private static final long LIST_TTL_MILLIS = 600_000;

    private final CamelContext context;
    private final ProducerTemplate halo;
    private final TicketTag tag;
    private final boolean searchBody;
    private final HaloFindByEmail senders;
    private final ClosedTicketPolicy closedPolicy;
    private final String closedStatus;
    private final String reopenStatus;
    private final Object requestSource;
    private final MailboxPolicy policy;
    private final SenderRate rate;
    private volatile Listed statuses;
    private volatile Listed agents;

    private record Listed(List<Map<String, Object>> records, long readAt) {
    }

    /**
     * @param policy             the mailbox's own addresses, who may write an agent's note, the attachment limits
     * @param maxEmailsPerSender most emails one sender address may send in {@code senderWindowMillis} (0: no limit)
     */
    public EmailToTicket(CamelContext context, TicketTag tag, boolean searchBody, HaloFindByEmail senders,
                         ClosedTicketPolicy closedPolicy, String closedStatus, String reopenStatus,
                         Object requestSource, MailboxPolicy policy, int maxEmailsPerSender,
                         long senderWindowMillis) {
        this.context = context;
        this.halo = context.createProducerTemplate();
        this.tag = tag;
        this.searchBody = searchBody;
        this.senders = senders;
        this.closedPolicy = closedPolicy;
        this.closedStatus = closedStatus;
        this.reopenStatus = reopenStatus;
        this.requestSource = requestSource;
        this.policy = policy;
        this.rate = new SenderRate(maxEmailsPerSender, senderWindowMillis);
    }

    /**
     * Reads the email of a camel-mail exchange under this instance's {@link MailboxPolicy}.
     *
     * @throws RejectedEmailException over the attachment limits
     */
    public IncomingEmail read(Exchange exchange) throws MessagingException, IOException {
        return read(exchange.getMessage(MailMessage.class).getMessage());
    }

    /** Reads {@code message} under this instance's {@link MailboxPolicy}. */
    IncomingEmail read(Message message) throws MessagingException, IOException {
        return IncomingEmail.of(message, policy);
    }

    /** @return a line saying what was done, for the route's log */
    public String handle(IncomingEmail email) throws Exception {
        if (email.senderEmail() == null) {
            throw new IllegalArgumentException("The email '" + email.logSubject() + "' has no sender (From) address");
        }
        if (email.automatic() != null) {
            return "ignored an automatic email from " + email.logSender() + " (" + email.automatic() + ")";
        }
        if (!rate.admit(email.senderEmail())) {
            throw new RejectedEmailException(
                    email.logSender() + " sent more than " + rate.max() + " emails in "
                                             + rate.windowMillis() / 1000 + " s (maxEmailsPerSender)");
        }
        Optional<Long> tagged = tag.find(email.subject());
        if (tagged.isEmpty() && searchBody) {
            tagged = tag.find(email.body());
        }
        if (tagged.isEmpty()) {
            return newTicket(email, email.subject(), email.body());
        }
        long ticketId = tagged.get();
        Map<String, Object> ticket = getOrNull("tickets", ticketId);
        if (ticket == null) {
            return newTicket(email, email.subject(), "Reply to ticket " + ticketId + ", which Halo no longer has.\n\n"
                                                     + email.body());
        }
        Long status = id(ticket, "status_id");
        boolean closed = status != null && status.equals(idOfName(statuses(), closedStatus));
        if (closed && closedPolicy == ClosedTicketPolicy.NEW_TICKET) {
            return newTicket(email, email.subject(), "Reply to closed ticket " + ticketId + ".\n\n" + email.body());
        }
        if (closed) {
            write("tickets", "update", Map.of("id", ticketId, "status_name", reopenStatus));
        }
        Long agentId = mayWriteAgentNote(email) ? agentWithEmail(email.senderEmail()) : null;
        addNote(ticketId, email, agentId);
        attach(ticketId, email);
        return (closed ? "reopened ticket " : "added " + (agentId != null ? "an agent note" : "a note") + " to ticket ")
               + ticketId + " from " + email.logSender();
    }

    private String newTicket(IncomingEmail email, String summary, String details) throws Exception {
        Map<String, Object> sender = senders.lookup(context, email.senderEmail());
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("summary", summary.isBlank() ? "(no subject)" : summary);
        ticket.put("details", details);
        ticket.put("client_id", sender.get("client_id"));
        if (sender.get("site_id") != null) {
            ticket.put("site_id", sender.get("site_id"));
        }
        if (sender.get("user_id") != null) {
            ticket.put("user_id", sender.get("user_id"));
        }
        // who wrote, as the email said, whatever Halo's user record says
        ticket.put("reportedby", email.senderDisplayName());
        ticket.put("user_email", email.senderEmail());
        ticket.put("source", requestSource);
        long id = id(write("tickets", "create", ticket), "id");
        attach(id, email);
        return "created ticket " + id + " for " + email.logSender() + " (client " + sender.get("client_id") + " by "
               + sender.get("client_found_by") + ")";
    }

    /** Whether an email from an agent's address may be that agent's note (else it is a user's reply). */
    private boolean mayWriteAgentNote(IncomingEmail email) {
        return switch (policy.agentNotes()) {
            case ANY_SENDER -> true;
            case NEVER -> false;
            case AUTHENTICATED -> email.authenticationFailure() == null;
        };
    }

    private void addNote(long ticketId, IncomingEmail email, Long agentId) {
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("ticket_id", ticketId);
        note.put("outcome", "Note");
        note.put("note", "From " + email.senderDisplayName() + " <" + email.senderEmail() + ">: " + email.subject()
                         + "\n\n" + email.body());
        note.put("emailfrom", email.senderEmail());
        note.put("hiddenfromuser", false);
        if (agentId != null) {
            note.put("who_agentid", agentId); // an agent answering by email: the note is theirs
        }
        write("actions", "create", note);
    }

    private void attach(long ticketId, IncomingEmail email) {
        for (IncomingEmail.Attachment a : email.attachments()) {
            write("attachments", "create", Map.of("ticket_id", ticketId, "filename", a.filename(),
                    "data_base64", a.base64()));
        }
    }

    private Long agentWithEmail(String email) {
        return agents().stream().filter(a -> email.equalsIgnoreCase(String.valueOf(a.get("email")).trim()))
                .map(a -> id(a, "id")).findFirst().orElse(null);
    }

    private List<Map<String, Object>> statuses() {
        Listed l = statuses;
        if (l == null || System.currentTimeMillis() - l.readAt() > LIST_TTL_MILLIS) {
            l = new Listed(list("statuses"), System.currentTimeMillis());
            statuses = l;
        }
        return l.records();
    }

    private List<Map<String, Object>> agents() {
        Listed l = agents;
        if (l == null || System.currentTimeMillis() - l.readAt() > LIST_TTL_MILLIS) {
            l = new Listed(list("agents"), System.currentTimeMillis());
            agents = l;
        }
        return l.records();
    }

    private static Long idOfName(List<Map<String, Object>> records, String name) {
        return records.stream().filter(r -> name.equalsIgnoreCase(String.valueOf(r.get("name")).trim()))
                .map(r -> id(r, "id")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Halo has no status named '" + name + "'"));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(String resource) {
        return halo.requestBody("halo:" + resource + "/list", null, List.class);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> getOrNull(String resource, long id) {
        try {
            return halo.requestBodyAndHeader("halo:" + resource + "/get", null, HaloConstants.ID, id, Map.class);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof HaloNotFoundException) {
                return null;
            }
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> write(String resource, String operation, Map<String, Object> record) {
        return halo.requestBody("halo:" + resource + "/" + operation, new HashMap<>(record), Map.class);
    }

    private static Long id(Map<String, Object> record, String field) {
        Object v = record == null ? null : record.get(field);
        if (v instanceof Number n) {
            return n.longValue();
        }
        return v == null || v.toString().isBlank() ? null : Long.valueOf(v.toString().trim());
    }
}
