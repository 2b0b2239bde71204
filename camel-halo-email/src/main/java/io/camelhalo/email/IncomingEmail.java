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
 * @param senderEmail null when the message has no usable From address
 * @param automatic   why the email was sent by a machine (an auto-reply, a bounce, a list), or null when a person sent
 *                    it
 */
public record IncomingEmail(String senderEmail, String senderName, String subject, String body,
        List<Attachment> attachments, String automatic) {

    /** A file attached to the email, ready for Halo's {@code data_base64}. */
    public record Attachment(String filename, String base64) {
    }

    /**
     * Reads a MIME message: the first text part is the body (an HTML-only email turned into readable text), parts with
     * a file name are attachments.
     */
    public static IncomingEmail of(Message message) throws MessagingException, IOException {
        String email = null;
        String name = null;
        Address[] from = message.getFrom();
        if (from != null && from.length > 0 && from[0] instanceof InternetAddress ia && ia.getAddress() != null
                && ia.getAddress().contains("@")) {
            email = ia.getAddress().trim();
            name = ia.getPersonal();
        }
        List<Attachment> attachments = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        read(message, text, html, attachments);
        String body = !text.isEmpty() ? text.toString() : HtmlText.toText(html.toString());
        return new IncomingEmail(
                email, name, message.getSubject() == null ? "" : message.getSubject(), body.trim(),
                List.copyOf(attachments), LoopGuard.automatic(message, email));
    }

    /** The sender as Halo shows a person: the name when the email gave one, else the address. */
    public String senderDisplayName() {
        return senderName == null || senderName.isBlank() ? senderEmail : senderName.trim();
    }

    private static void read(Part part, StringBuilder text, StringBuilder html, List<Attachment> attachments)
            throws MessagingException, IOException {
        if (part.getFileName() != null) {
            try (InputStream in = part.getInputStream()) {
                attachments.add(new Attachment(part.getFileName(), Base64.getEncoder().encodeToString(in.readAllBytes())));
            }
        } else if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                read(child, text, html, attachments);
            }
        } else if (part.isMimeType("text/plain") && text.isEmpty()) {
            text.append(part.getContent());
        } else if (part.isMimeType("text/html") && html.isEmpty()) {
            html.append(part.getContent());
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
