package io.camelhalo.email;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What an email must meet before it is read into a ticket: the mailbox's own addresses (an email from one is never
 * answered: no loop), who may write an agent's note ({@link AgentNotes}, {@link SenderAuthentication}), and the
 * attachment limits (count, and bytes per attachment after decoding).
 *
 * @param ownAddresses       lower-case addresses of the mailbox itself
 * @param agentNotes         when an email from an agent's address becomes that agent's note
 * @param authentication     the trusted {@code Authentication-Results} servers
 * @param maxAttachments     most attachments an email may carry
 * @param maxAttachmentBytes most bytes one attachment may have
 */
public record MailboxPolicy(Set<String> ownAddresses, AgentNotes agentNotes, SenderAuthentication authentication,
        int maxAttachments, long maxAttachmentBytes) {

    /** Default most attachments per email. */
    public static final int DEFAULT_MAX_ATTACHMENTS = 20;
    /** Default most bytes per attachment: 10 MiB. */
    public static final long DEFAULT_MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;

    private static final Pattern USERNAME = Pattern.compile("[?&]username=([^&]+)");

    /** When an email from an agent's address becomes that agent's note. */
    public enum AgentNotes {
        /** only when the sender is authenticated ({@link SenderAuthentication}); else it is the user's reply */
        AUTHENTICATED,
        /** whenever the From address is an agent's (only behind a gateway that rejects unauthenticated mail) */
        ANY_SENDER,
        /** never: every email is a user's */
        NEVER;

        public static AgentNotes parse(String text) {
            try {
                return valueOf(text.trim().replace('-', '_').toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "agentNotes must be 'authenticated', 'any-sender' or 'never', not '" + text + "'");
            }
        }
    }

    public MailboxPolicy {
        ownAddresses = Set.copyOf(ownAddresses);
        if (maxAttachments < 0 || maxAttachmentBytes < 0) {
            throw new IllegalArgumentException("maxAttachments and maxAttachmentBytes must not be negative");
        }
    }

    /** The defaults: no own address known, agent notes from authenticated senders only, trusting no server. */
    public static MailboxPolicy defaults() {
        return new MailboxPolicy(
                Set.of(), AgentNotes.AUTHENTICATED, new SenderAuthentication(""),
                DEFAULT_MAX_ATTACHMENTS, DEFAULT_MAX_ATTACHMENT_BYTES);
    }

    /**
     * @param ownAddresses comma-separated; blank means the {@code username} of {@code mailboxUri} when it is an address
     */
    public static Set<String> ownAddresses(String ownAddresses, String mailboxUri) {
        if (ownAddresses != null && !ownAddresses.isBlank()) {
            return Arrays.stream(ownAddresses.split(",")).map(IncomingEmail::lower).filter(s -> !s.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
        }
        Matcher m = mailboxUri == null ? null : USERNAME.matcher(mailboxUri);
        if (m != null && m.find()) {
            String user = IncomingEmail.lower(decode(m.group(1)));
            if (user.contains("@")) {
                return Set.of(user);
            }
        }
        return Set.of();
    }

    private static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
