package io.camelhalo.email;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;

/**
 * Tells an email a machine sent (an out-of-office reply, a bounce, a mailing list) from one a person sent, by the
 * headers mail systems set for exactly this (RFC 3834 {@code Auto-Submitted}, Exchange's
 * {@code X-Auto-Response-Suppress}, {@code Precedence: bulk|junk|list}) and the senders of bounces. Such an email never
 * becomes a ticket or a note, so Halo's acknowledgement never answers an auto-reply and two systems never mail each
 * other forever.
 */
final class LoopGuard {

    private LoopGuard() {
    }

    /** Why {@code message} was sent by a machine, or null when a person sent it. */
    static String automatic(Message message, String senderEmail) throws MessagingException {
        String autoSubmitted = IncomingEmail.lower(first(message, "Auto-Submitted"));
        if (!autoSubmitted.isEmpty() && !autoSubmitted.equals("no")) {
            return "Auto-Submitted: " + autoSubmitted;
        }
        String suppress = first(message, "X-Auto-Response-Suppress");
        if (suppress != null && !suppress.isBlank()) {
            return "X-Auto-Response-Suppress: " + suppress.trim();
        }
        String precedence = IncomingEmail.lower(first(message, "Precedence"));
        if (precedence.equals("bulk") || precedence.equals("junk") || precedence.equals("list")) {
            return "Precedence: " + precedence;
        }
        if (first(message, "X-Autoreply") != null || first(message, "X-Autorespond") != null) {
            return "X-Autoreply";
        }
        String local = senderEmail == null ? "" : IncomingEmail.lower(senderEmail.substring(0, senderEmail.indexOf('@')));
        if (local.equals("mailer-daemon") || local.equals("postmaster") || message.isMimeType("multipart/report")) {
            return "bounce from " + senderEmail;
        }
        return null;
    }

    private static String first(Message message, String header) throws MessagingException {
        String[] values = message.getHeader(header);
        return values == null || values.length == 0 ? null : values[0];
    }
}
