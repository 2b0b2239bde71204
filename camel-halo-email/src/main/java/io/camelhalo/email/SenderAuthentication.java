package io.camelhalo.email;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;

/**
 * Whether the {@code From:} address of an email is proven, by the receiving mail server, rather than merely claimed: an
 * {@code Authentication-Results} header (RFC 8601) written by a trusted server (its authserv-id, the header's first
 * item, is one of {@code trustedAuthServIds}) that says {@code dmarc=pass} for the From domain ({@code header.from},
 * when given, must be the sender's domain).
 * <p>
 * Only the topmost header with a trusted authserv-id counts: a receiving server adds its header above the ones the
 * message already had, and removes incoming ones that carry its own authserv-id (RFC 8601 section 5), so anything below
 * it may have been written by the sender. A mail server that does not remove such headers cannot be trusted here. The
 * check costs nothing (the headers are already in the message) and makes no DNS look-up of its own.
 */
public final class SenderAuthentication {

    private static final String HEADER = "Authentication-Results";

    private final Set<String> trusted;

    /** @param trustedAuthServIds comma-separated authserv-ids, e.g. {@code mx.msp.example}; blank trusts no header */
    public SenderAuthentication(String trustedAuthServIds) {
        this.trusted = trustedAuthServIds == null
                ? Set.of()
                : Arrays.stream(trustedAuthServIds.split(",")).map(IncomingEmail::lower).filter(s -> !s.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether any server is trusted at all. */
    public boolean trustsAnyServer() {
        return !trusted.isEmpty();
    }

    /**
     * @return null when the sender is authenticated, else why not (for the log line)
     */
    public String whyNot(Message message, String senderEmail) throws MessagingException {
        if (trusted.isEmpty()) {
            return "no trusted Authentication-Results server configured (trustedAuthServIds)";
        }
        if (senderEmail == null) {
            return "no sender";
        }
        String[] headers = message.getHeader(HEADER);
        if (headers != null) {
            for (String header : headers) {
                String[] items = withoutComments(header).split(";");
                String authServId = items[0].trim().split("\\s+")[0];
                if (trusted.contains(IncomingEmail.lower(authServId))) {
                    return dmarcPass(items, IncomingEmail.lower(senderEmail.substring(senderEmail.indexOf('@') + 1)))
                            ? null : "the Authentication-Results of " + authServId + " has no dmarc=pass for the From domain";
                }
            }
        }
        return "no Authentication-Results header from a trusted server";
    }

    /** Whether a result item of this header is {@code dmarc=pass} for {@code domain}. */
    private static boolean dmarcPass(String[] items, String domain) {
        for (int i = 1; i < items.length; i++) {
            String[] tokens = items[i].trim().split("\\s+");
            String[] methodResult = tokens[0].split("=", 2);
            if (methodResult.length != 2 || !IncomingEmail.lower(methodResult[0]).replaceFirst("/\\d+$", "").equals("dmarc")
                    || !IncomingEmail.lower(methodResult[1]).equals("pass")) {
                continue;
            }
            boolean domainOk = true;
            for (int t = 1; t < tokens.length; t++) {
                String[] property = tokens[t].split("=", 2);
                if (property.length == 2 && IncomingEmail.lower(property[0]).equals("header.from")) {
                    domainOk = IncomingEmail.lower(property[1].replace("\"", "")).equals(domain);
                }
            }
            if (domainOk) {
                return true;
            }
        }
        return false;
    }

    /** The header unfolded, without its RFC 5322 comments ({@code (...)}, nested too). */
    private static String withoutComments(String header) {
        StringBuilder out = new StringBuilder(header.length());
        int depth = 0;
        for (char c : header.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                out.append(c == '\r' || c == '\n' || c == '\t' ? ' ' : c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
