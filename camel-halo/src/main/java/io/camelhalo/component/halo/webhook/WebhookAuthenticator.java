package io.camelhalo.component.halo.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decides whether a delivery comes from Halo: every check configured must pass (Basic credentials, a header token, an
 * HMAC signature over the raw body). Comparisons are constant-time ({@link MessageDigest#isEqual}); no secret and no
 * received credential is ever put in a message.
 */
final class WebhookAuthenticator {

    /** One check on a delivery: its headers (looked up by name) and raw body. */
    private interface Check {
        boolean passes(Function<String, String> headers, byte[] body);
    }

    private final List<Check> checks = new ArrayList<>();

    /**
     * @throws IllegalArgumentException naming the bad option and what is allowed (never a secret's value)
     */
    WebhookAuthenticator(HaloWebhookEndpoint e) {
        if (e.getBasicUsername() != null || e.getBasicPassword() != null) {
            if (e.getBasicUsername() == null || e.getBasicPassword() == null) {
                throw new IllegalArgumentException("halo-webhook needs both basicUsername and basicPassword, or neither");
            }
            byte[] expected = ("Basic " + Base64.getEncoder().encodeToString(
                    (e.getBasicUsername() + ":" + e.getBasicPassword()).getBytes(StandardCharsets.UTF_8)))
                    .getBytes(StandardCharsets.UTF_8);
            checks.add((headers, body) -> equal(expected, headers.apply("Authorization")));
        }
        if (e.getTokenHeader() != null || e.getToken() != null) {
            if (e.getTokenHeader() == null || e.getToken() == null) {
                throw new IllegalArgumentException("halo-webhook needs both tokenHeader and token, or neither");
            }
            byte[] expected = e.getToken().getBytes(StandardCharsets.UTF_8);
            String name = e.getTokenHeader();
            checks.add((headers, body) -> equal(expected, headers.apply(name)));
        }
        if (e.getSignatureSecret() != null) {
            checks.add(signatureCheck(e));
        }
        if (checks.isEmpty() && !e.isAllowUnauthenticated()) {
            throw new IllegalArgumentException(
                    "halo-webhook:" + e.getResource().uriName() + " would accept deliveries from anyone: set "
                                               + "basicUsername/basicPassword, tokenHeader/token or signatureSecret "
                                               + "(or allowUnauthenticated=true behind a gateway that authenticates)");
        }
    }

    private static Check signatureCheck(HaloWebhookEndpoint e) {
        String algorithm = e.getSignatureAlgorithm();
        SecretKeySpec key = new SecretKeySpec(e.getSignatureSecret().getBytes(StandardCharsets.UTF_8), algorithm);
        try {
            Mac.getInstance(algorithm).init(key);
        } catch (NoSuchAlgorithmException | InvalidKeyException ex) {
            throw new IllegalArgumentException(
                    "Invalid signatureAlgorithm '" + algorithm
                                               + "': a javax.crypto Mac name such as HmacSHA256 or HmacSHA512",
                    ex);
        }
        String encoding = e.getSignatureEncoding().toLowerCase(Locale.ROOT);
        if (!encoding.equals("hex") && !encoding.equals("base64")) {
            throw new IllegalArgumentException(
                    "Invalid signatureEncoding '" + e.getSignatureEncoding()
                                               + "': hex or base64");
        }
        String prefix = e.getSignaturePrefix() == null ? "" : e.getSignaturePrefix();
        String header = e.getSignatureHeader();
        return (headers, body) -> {
            String received = headers.apply(header);
            if (received == null || !received.startsWith(prefix)) {
                return false;
            }
            byte[] mac;
            try {
                Mac m = Mac.getInstance(algorithm);
                m.init(key);
                mac = m.doFinal(body);
            } catch (NoSuchAlgorithmException | InvalidKeyException ex) {
                return false; // checked at start; never reached
            }
            String expected = encoding.equals("hex")
                    ? HexFormat.of().formatHex(mac)
                    : Base64.getEncoder().encodeToString(mac);
            String value = received.substring(prefix.length()).trim();
            // hex is compared case-insensitively: senders differ in the case they write
            return equal(expected.getBytes(StandardCharsets.US_ASCII),
                    encoding.equals("hex") ? value.toLowerCase(Locale.ROOT) : value);
        };
    }

    /** Whether a delivery passes every configured check. */
    boolean accepts(Function<String, String> headers, byte[] body) {
        boolean all = true;
        for (Check check : checks) {
            all &= check.passes(headers, body); // every check runs: the reply takes the same time whichever fails
        }
        return all;
    }

    private static boolean equal(byte[] expected, String received) {
        return received != null && MessageDigest.isEqual(expected, received.getBytes(StandardCharsets.UTF_8));
    }
}
