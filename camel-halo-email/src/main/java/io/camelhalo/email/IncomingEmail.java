package io.camelhalo.email;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;

/**
 * The parts of an email the ticket workflow uses, read once from the MIME message.
 *
 * @param senderEmail           null when the message has no usable From address
 * @param automatic             why the email was sent by a machine (an auto-reply, a bounce, a list, the mailbox
 *                              itself), or null when a person sent it
 * @param authenticationFailure null when the sender is authenticated ({@link SenderAuthentication}), else why not
 */
public record IncomingEmail(String senderEmail, String senderName, String subject, String body,
        List<Attachment> attachments, String automatic, String authenticationFailure) {

    /** A file attached to the email, ready for Halo's {@code data_base64}. */
    public record Attachment(String filename, String base64) {
    }

    /** Reads a MIME message with {@link MailboxPolicy#defaults()}. */
    public static IncomingEmail of(Message message) throws MessagingException, IOException {
        return of(message, MailboxPolicy.defaults());
    }

    /**
     * Reads a MIME message: the first text part is the body (an HTML-only email turned into readable text), parts with
     * a file name are attachments.
     *
     * @throws RejectedEmailException when the attachments are over the policy's limits (nothing is posted then)
     */
    public static IncomingEmail of(Message message, MailboxPolicy policy) throws MessagingException, IOException {
        String email = null;
        String name = null;
        Address[] from = message.getFrom();
        if (from != null && from.length > 0 && from[0] instanceof InternetAddress ia && ia.getAddress() != null
                && ia.getAddress().contains("@")) {
            email = ia.getAddress().trim();
            name = ia.getPersonal();
        }
        String subject = message.getSubject() == null ? "" : message.getSubject();
        String automatic = LoopGuard.automatic(message, email, policy.ownAddresses());
        List<Attachment> attachments = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        if (automatic == null) { // a machine's email is not read further: nothing of it goes to Halo
            read(message, text, html, attachments, policy);
        }
        String body = !text.isEmpty() ? text.toString() : HtmlText.toText(html.toString());
        return new IncomingEmail(
                email, name, subject, body.trim(), List.copyOf(attachments), automatic,
                policy.authentication().whyNot(message, email));
    }

    /** The sender as Halo shows a person: the name when the email gave one, else the address. */
    public String senderDisplayName() {
        return senderName == null || senderName.isBlank() ? senderEmail : senderName.trim();
    }

    /** The subject for a log line: control characters escaped, bounded ({@link LogText}). */
    public String logSubject() {
        return LogText.escape(subject);
    }

    /** The sender address for a log line ({@link LogText}). */
    public String logSender() {
        return LogText.escape(senderEmail);
    }

    private static void read(
            Part part, StringBuilder text, StringBuilder html, List<Attachment> attachments,
            MailboxPolicy policy)
            throws MessagingException, IOException {
        if (part.getFileName() != null) {
            if (attachments.size() >= policy.maxAttachments()) {
                throw new RejectedEmailException(
                        "The email has more than " + policy.maxAttachments()
                                                 + " attachments (maxAttachments)");
            }
            attachments.add(new Attachment(
                    part.getFileName(), Base64.getEncoder().encodeToString(
                            bounded(part, policy.maxAttachmentBytes()))));
        } else if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                read(child, text, html, attachments, policy);
            }
        } else if (part.isMimeType("text/plain") && text.isEmpty()) {
            text.append(part.getContent());
        } else if (part.isMimeType("text/html") && html.isEmpty()) {
            html.append(part.getContent());
        }
    }

    /** The decoded content of an attachment, read no further than one byte past {@code max}. */
    private static byte[] bounded(Part part, long max) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw new RejectedEmailException(
                        "The attachment '" + LogText.escape(part.getFileName())
                                                 + "' is larger than " + max + " bytes (maxAttachmentBytes)");
            }
            return bytes;
        }
    }

    /** The whole message as it arrived (RFC 822), for the dead-letter folder. */
    public static byte[] raw(Message message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    static String lower(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }
}
