package io.camelhalo.email;

import java.util.Set;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;

/**
 * Tells an email a machine sent (an out-of-office reply, a bounce, a mailing list, the mailbox itself) from one a
 * person sent, by the headers mail systems set for exactly this (RFC 3834 {@code Auto-Submitted}, Exchange's
 * {@code X-Auto-Response-Suppress}, {@code Precedence: bulk|junk|list}, RFC 2919 {@code List-Id}, the empty
 * {@code Return-Path: <>} of bounces and auto-replies), the senders of bounces and the mailbox's own addresses. Such an
 * email never becomes a ticket or a note, so Halo's acknowledgement never answers an auto-reply and two systems (or the
 * mailbox and Halo) never mail each other forever.
 */
final class LoopGuard {

    private LoopGuard() {
    }

    /** Why {@code message} was sent by a machine, or null when a person sent it; header values escaped for the log. */
    static String automatic(Message message, String senderEmail, Set<String> ownAddresses) throws MessagingException {
        if (senderEmail != null && ownAddresses.contains(IncomingEmail.lower(senderEmail))) {
            return "sent from the mailbox's own address " + LogText.escape(senderEmail);
        }
        String autoSubmitted = IncomingEmail.lower(first(message, "Auto-Submitted"));
        if (!autoSubmitted.isEmpty() && !autoSubmitted.equals("no")) {
            return "Auto-Submitted: " + LogText.escape(autoSubmitted);
        }
        String suppress = first(message, "X-Auto-Response-Suppress");
        if (suppress != null && !suppress.isBlank()) {
            return "X-Auto-Response-Suppress: " + LogText.escape(suppress.trim());
        }
        String precedence = IncomingEmail.lower(first(message, "Precedence"));
        if (precedence.equals("bulk") || precedence.equals("junk") || precedence.equals("list")) {
            return "Precedence: " + precedence;
        }
        String listId = first(message, "List-Id");
        if (listId != null) {
            return "List-Id: " + LogText.escape(listId.trim());
        }
        if (first(message, "X-Autoreply") != null || first(message, "X-Autorespond") != null) {
            return "X-Autoreply";
        }
        String[] returnPaths = message.getHeader("Return-Path");
        if (returnPaths != null) {
            for (String returnPath : returnPaths) {
                if (returnPath.replaceAll("\\s", "").equals("<>")) {
                    return "bounce (Return-Path: <>)";
                }
            }
        }
        String local = senderEmail == null ? "" : IncomingEmail.lower(senderEmail.substring(0, senderEmail.indexOf('@')));
        if (local.equals("mailer-daemon") || local.equals("postmaster") || message.isMimeType("multipart/report")) {
            return "bounce from " + LogText.escape(senderEmail);
        }
        return null;
    }

    private static String first(Message message, String header) throws MessagingException {
        String[] values = message.getHeader(header);
        return values == null || values.length == 0 ? null : values[0];
    }
}
