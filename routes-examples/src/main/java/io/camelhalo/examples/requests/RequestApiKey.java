package io.camelhalo.examples.requests;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/**
 * The API key {@code POST /requests} requires ({@code halo.requests.api-key}, from {@code HALO_REQUESTS_API_KEY}), sent
 * in header {@code halo.requests.api-key-header} ({@code X-Api-Key}), compared in constant time. Without a key the HTTP
 * server may only bind to a loopback address ({@code localhost} or a loopback IP literal such as {@code 127.0.0.1} or
 * {@code ::1}), so no other host can create tickets.
 */
public final class RequestApiKey {

    private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private final byte[] key;

    /** @param key the configured key; blank means none */
    public RequestApiKey(String key) {
        this.key = key == null || key.isBlank() ? null : key.trim().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Refuses a configuration that would serve {@code /requests} to other hosts without a key.
     *
     * @throws IllegalStateException when {@code bindHost} is not loopback and there is no key
     */
    public void checkServes(String bindHost) {
        if (key == null && !isLoopback(bindHost)) {
            throw new IllegalStateException(
                    "POST /requests would create tickets for anyone reaching " + bindHost
                                            + " (halo.requests.http-host): set an API key (HALO_REQUESTS_API_KEY, "
                                            + "halo.requests.api-key) or bind to 127.0.0.1");
        }
    }

    /** Whether a request with {@code sent} in the key header may pass (any request, when no key is configured). */
    public boolean accepts(String sent) {
        if (key == null) {
            return true;
        }
        return sent != null && MessageDigest.isEqual(key, sent.trim().getBytes(StandardCharsets.UTF_8));
    }

    public boolean isRequired() {
        return key != null;
    }

    /** {@code localhost} or a loopback IP literal; a name such as {@code 127.example.com} is not. */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.trim().toLowerCase(java.util.Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        if (!LOOPBACK_V4.matcher(h).matches()) {
            return false;
        }
        for (String part : h.split("\\.")) {
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
