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
 * Decides whether a delivery comes from Halo: every check configured must pass. Halo's own authentication types (Basic,
 * Bearer token, API key) are headers, checked before the body is read; an HMAC signature over the raw body (for a proxy
 * in front of the route: Halo does not sign) is checked once it is read. Comparisons are constant-time
 * ({@link MessageDigest#isEqual}); no secret and no received credential is ever put in a message.
 */
final class WebhookAuthenticator {

    /** Secrets shorter than this are refused at start: a guessable secret is no authentication. */
    static final int MIN_SECRET_LENGTH = 16;

    /** One check on a delivery: its headers (looked up by name) and raw body. */
    private interface Check {
        boolean passes(Function<String, String> headers, byte[] body);
    }

    /** Checks on the headers alone. */
    private final List<Check> headerChecks = new ArrayList<>();
    /** Checks that need the body. */
    private final List<Check> bodyChecks = new ArrayList<>();

    /**
     * @throws IllegalArgumentException naming the bad option and what is allowed (never a secret's value)
     */
    WebhookAuthenticator(HaloWebhookEndpoint e) {
        if (e.getBasicUsername() != null || e.getBasicPassword() != null) {
            if (e.getBasicUsername() == null || e.getBasicUsername().isBlank() || e.getBasicPassword() == null) {
                throw new IllegalArgumentException("halo-webhook needs both basicUsername and basicPassword, or neither");
            }
            requireStrong("basicPassword", e.getBasicPassword());
            byte[] expected = ("Basic " + Base64.getEncoder().encodeToString(
                    (e.getBasicUsername() + ":" + e.getBasicPassword()).getBytes(StandardCharsets.UTF_8)))
                    .getBytes(StandardCharsets.UTF_8);
            headerChecks.add((headers, body) -> equal(expected, headers.apply("Authorization")));
        }
        if (e.getBearerToken() != null) {
            requireStrong("bearerToken", e.getBearerToken());
            byte[] expected = ("Bearer " + e.getBearerToken()).getBytes(StandardCharsets.UTF_8);
            headerChecks.add((headers, body) -> equal(expected, headers.apply("Authorization")));
        }
        if (e.getApiKeyHeader() != null || e.getApiKey() != null) {
            if (e.getApiKeyHeader() == null || e.getApiKeyHeader().isBlank() || e.getApiKey() == null) {
                throw new IllegalArgumentException("halo-webhook needs both apiKeyHeader and apiKey, or neither");
            }
            requireStrong("apiKey", e.getApiKey());
            byte[] expected = e.getApiKey().getBytes(StandardCharsets.UTF_8);
            String name = e.getApiKeyHeader();
            headerChecks.add((headers, body) -> equal(expected, headers.apply(name)));
        }
        if (e.getSignatureSecret() != null) {
            requireStrong("signatureSecret", e.getSignatureSecret());
            bodyChecks.add(signatureCheck(e));
        }
        if (headerChecks.isEmpty() && bodyChecks.isEmpty() && !e.isAllowUnauthenticated()) {
            throw new IllegalArgumentException(
                    "halo-webhook:" + e.getResource().uriName() + " would accept deliveries from anyone: set "
                                               + "basicUsername/basicPassword, bearerToken, apiKeyHeader/apiKey or "
                                               + "signatureSecret (or allowUnauthenticated=true behind a gateway "
                                               + "that authenticates)");
        }
    }

    /** A blank secret (an unset {{env:X:}}) or a short one would let anyone in: refused, naming the option. */
    private static void requireStrong(String option, String secret) {
        if (secret.isBlank() || secret.strip().length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException(
                    "halo-webhook's " + option + " is " + (secret.isBlank()
                            ? "blank" : "shorter than "
                                        + MIN_SECRET_LENGTH
                                        + " characters")
                                               + ": set a random secret of at least " + MIN_SECRET_LENGTH
                                               + " characters (the same in Halo's webhook)");
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

    /** Whether a delivery's headers pass every check that needs no body (before the body is read). */
    boolean acceptsHeaders(Function<String, String> headers) {
        return all(headerChecks, headers, null);
    }

    /** Whether the signature over a delivery's body is right (true when none is configured). */
    boolean acceptsBody(Function<String, String> headers, byte[] body) {
        return all(bodyChecks, headers, body);
    }

    /** Whether signatures are checked, so the body must be read before the delivery is accepted. */
    boolean checksBody() {
        return !bodyChecks.isEmpty();
    }

    private static boolean all(List<Check> checks, Function<String, String> headers, byte[] body) {
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
