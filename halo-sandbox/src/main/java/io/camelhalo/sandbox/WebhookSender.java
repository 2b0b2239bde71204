package io.camelhalo.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts one delivery as a configured Halo webhook would: JSON body, and the authentication its
 * {@code authentication_type} says. Halo's codes are unverified; the sandbox assumes (as camel-halo's
 * {@code WebhookRegistration} does): 0 none, 1 Basic ({@code basic_username}/{@code basic_password}), 2 a header
 * ({@code authentication_header} is {@code "Name: value"}), 3 an HMAC signature over the raw body (secret in
 * {@code basic_password}, header named by {@code authentication_header}, default {@code X-Halo-Signature};
 * {@code algorithm} 1 HmacSHA256, 2 HmacSHA512; {@code digest} 0 hex, 1 base64; {@code signature_prefix} before it).
 * Only loopback URLs are posted to.
 */
final class WebhookSender {

    static final String DEFAULT_SIGNATURE_HEADER = "X-Halo-Signature";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** Posts once; the status, {@code -1} when there was no answer, {@code 0} when the URL is not loopback. */
    int post(Map<String, Object> webhook, String body) {
        URI uri;
        try {
            uri = URI.create(String.valueOf(webhook.get("url")));
            if (uri.getHost() == null || !InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
                return 0;
            }
        } catch (IOException | IllegalArgumentException e) {
            return 0;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        authenticate(webhook, bytes, request);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void authenticate(Map<String, Object> webhook, byte[] body, HttpRequest.Builder request) {
        int type = webhook.get("authentication_type") instanceof Number n ? n.intValue() : 0;
        switch (type) {
            case 1 -> request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (text(webhook, "basic_username") + ":" + text(webhook, "basic_password"))
                            .getBytes(StandardCharsets.UTF_8)));
            case 2 -> {
                String header = text(webhook, "authentication_header");
                int colon = header.indexOf(':');
                if (colon > 0) {
                    request.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
                }
            }
            case 3 -> {
                String header = text(webhook, "authentication_header");
                request.header(header.isBlank() ? DEFAULT_SIGNATURE_HEADER : header,
                        text(webhook, "signature_prefix") + sign(webhook, body));
            }
            default -> {
            }
        }
    }

    private static String sign(Map<String, Object> webhook, byte[] body) {
        String algorithm = Integer.valueOf(2).equals(webhook.get("algorithm")) ? "HmacSHA512" : "HmacSHA256";
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(text(webhook, "basic_password").getBytes(StandardCharsets.UTF_8), algorithm));
            byte[] signature = mac.doFinal(body);
            return Integer.valueOf(1).equals(webhook.get("digest"))
                    ? Base64.getEncoder().encodeToString(signature)
                    : HexFormat.of().formatHex(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    private static String text(Map<String, Object> webhook, String field) {
        Object value = webhook.get(field);
        return value == null ? "" : value.toString();
    }
}
