package io.camelhalo.examples.email;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** Real MIME emails, sent over SMTP to the embedded mail server. */
final class Mails {

    private Mails() {
    }

    /**
     * @param from null for an email without a From header; @param attachment file name (content is derived), or null
     */
    static void send(int smtpPort, String from, String to, String subject, String text, String attachment)
            throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.from", "bounces@sender.example"); // the SMTP envelope, so a From-less email can be sent
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session);
        if (from != null) {
            message.setFrom(new InternetAddress(from));
        }
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        MimeMultipart parts = new MimeMultipart();
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text, "UTF-8");
        parts.addBodyPart(body);
        if (attachment != null) {
            MimeBodyPart file = new MimeBodyPart();
            file.setContent(content(attachment), "application/octet-stream");
            file.setFileName(attachment);
            parts.addBodyPart(file);
        }
        message.setContent(parts);
        message.saveChanges();
        Transport transport = session.getTransport("smtp");
        transport.connect("127.0.0.1", smtpPort, null, null);
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } finally {
            transport.close();
        }
    }

    /** The bytes sent for an attachment of that name. */
    static byte[] content(String attachment) {
        return ("contents of " + attachment).getBytes(StandardCharsets.UTF_8);
    }
}
