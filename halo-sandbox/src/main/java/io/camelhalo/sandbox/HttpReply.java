package io.camelhalo.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One HTTP answer: status, content type, body and extra headers. */
record HttpReply(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The body Halo's API uses for most errors; ClassName is a .NET exception class name. */
    static HttpReply haloError(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ClassName", "System.Exception");
        body.put("Message", message);
        return json(status, body);
    }

    static HttpReply json(int status, Object value) {
        try {
            return new HttpReply(status, "application/json; charset=utf-8", JSON.writeValueAsBytes(value), Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise reply", e);
        }
    }

    static HttpReply text(int status, String text) {
        return new HttpReply(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static HttpReply html(int status, String html) {
        return new HttpReply(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static HttpReply empty(int status) {
        return new HttpReply(status, null, new byte[0], Map.of());
    }

    HttpReply withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new HttpReply(status, contentType, body, Map.copyOf(h));
    }
}
