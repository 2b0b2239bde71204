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
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts one delivery as a configured Halo webhook would: JSON body, and the authentication its
 * {@code authentication_type} says, in Halo's codes (a published Halo client, docs/HALO-FACTS.md): 0 none, 1 Basic
 * ({@code basic_username}/{@code basic_password}), 2 Bearer token, 3 API key (the header named by
 * {@code authentication_header}), 4 certificate (not emulated: posted without credentials). Where Halo keeps the Bearer
 * token and the API key is unverified: the sandbox takes {@code basic_password} for both. Halo signs nothing. Under
 * {@link WebhookPayloads#LEGACY_BARE_RECORD} only, the sandbox's old codes: 2 a {@code "Name: value"} header in
 * {@code authentication_header}, 3 an HMAC signature of the body. Only loopback URLs are posted to.
 */
final class WebhookSender {

    static final int AUTH_NONE = 0;
    static final int AUTH_BASIC = 1;
    static final int AUTH_BEARER = 2;
    static final int AUTH_API_KEY = 3;
    static final int AUTH_CERTIFICATE = 4;

    static final String LEGACY_SIGNATURE_HEADER = "X-Halo-Signature";
    static final String MASK = "********";

    /**
     * One post: the status ({@code -1} no answer, {@code 0} not sent: not loopback), and what was sent and answered.
     */
    record Result(int status, Map<String, String> requestHeaders, String responseBody) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    Result post(Map<String, Object> webhook, String body, WebhookPayloads mode) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (mode == WebhookPayloads.LEGACY_BARE_RECORD) {
            legacyAuthentication(webhook, bytes, headers);
        } else {
            authentication(webhook, headers);
        }
        URI uri;
        try {
            uri = URI.create(String.valueOf(webhook.get("url")));
            if (uri.getHost() == null || !InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
                return new Result(0, headers, null);
            }
        } catch (IOException | IllegalArgumentException e) {
            return new Result(0, headers, null);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Result(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            return new Result(-1, headers, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, headers, null);
        }
    }

    private static void authentication(Map<String, Object> webhook, Map<String, String> headers) {
        switch (authenticationType(webhook)) {
            case AUTH_BASIC -> headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (text(webhook, "basic_username") + ":" + text(webhook, "basic_password"))
                            .getBytes(StandardCharsets.UTF_8)));
            case AUTH_BEARER -> headers.put("Authorization", "Bearer " + text(webhook, "basic_password"));
            case AUTH_API_KEY -> {
                String name = text(webhook, "authentication_header").trim();
                if (!name.isEmpty()) {
                    headers.put(name, text(webhook, "basic_password"));
                }
            }
            default -> {
                // 0 none; 4 certificate: a client certificate on TLS, which the sandbox's loopback HTTP cannot carry
            }
        }
    }

    private static void legacyAuthentication(Map<String, Object> webhook, byte[] body, Map<String, String> headers) {
        switch (authenticationType(webhook)) {
            case 1 -> authentication(webhook, headers);
            case 2 -> {
                String header = text(webhook, "authentication_header");
                int colon = header.indexOf(':');
                if (colon > 0) {
                    headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
                }
            }
            case 3 -> {
                String header = text(webhook, "authentication_header");
                headers.put(header.isBlank() ? LEGACY_SIGNATURE_HEADER : header,
                        text(webhook, "signature_prefix") + sign(webhook, body));
            }
            default -> {
            }
        }
    }

    static int authenticationType(Map<String, Object> webhook) {
        Object type = webhook.get("authentication_type");
        if (type instanceof Number n) {
            return n.intValue();
        }
        try {
            return type == null ? AUTH_NONE : Integer.parseInt(type.toString().trim());
        } catch (NumberFormatException e) {
            return AUTH_NONE;
        }
    }

    /** The request headers as Halo's delivery log would show them: credentials masked (how Halo masks: unverified). */
    static String logged(Map<String, String> headers, Map<String, Object> webhook) {
        String apiKeyHeader = text(webhook, "authentication_header").trim();
        StringBuilder out = new StringBuilder();
        headers.forEach((name, value) -> {
            boolean secret = name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase(apiKeyHeader)
                    || name.equalsIgnoreCase(LEGACY_SIGNATURE_HEADER);
            out.append(name).append(": ").append(secret ? MASK : value).append("\r\n");
        });
        return out.toString();
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

    static String text(Map<String, Object> webhook, String field) {
        Object value = webhook.get(field);
        return value == null ? "" : value.toString();
    }
}
