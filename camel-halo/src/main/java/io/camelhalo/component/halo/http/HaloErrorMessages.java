package io.camelhalo.component.halo.http;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Finds Halo's own message in an error reply. Halo's error bodies vary by endpoint: OAuth's
 * {@code {"error","error_description"}}, .NET's {@code {"ClassName","Message"}}, {@code {"resultCode","errorMessage"}},
 * plain text, or an HTML page.
 */
public final class HaloErrorMessages {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_TEXT = 300;

    private HaloErrorMessages() {
    }

    /** Halo's message in the body, or {@code null} when it carries none (empty or HTML). */
    public static String extract(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        String trimmed = body.strip();
        if (isHtml(trimmed)) {
            return null;
        }
        if (trimmed.startsWith("{") || trimmed.startsWith("\"")) {
            try {
                JsonNode node = MAPPER.readTree(trimmed);
                if (node.isTextual()) {
                    return node.asText();
                }
                for (String field : new String[] { "error_description", "Message", "message", "errorMessage", "error" }) {
                    JsonNode value = node.get(field);
                    if (value != null && value.isTextual() && !value.asText().isBlank()) {
                        return value.asText();
                    }
                }
                return null;
            } catch (Exception notJson) {
                // fall through: quote it as text
            }
        }
        String oneLine = trimmed.replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_TEXT ? oneLine : oneLine.substring(0, MAX_TEXT) + "...";
    }

    /** Whether the body is an HTML page (Halo's IIS error pages). */
    public static boolean isHtml(String body) {
        if (body == null) {
            return false;
        }
        String start = body.stripLeading();
        start = start.substring(0, Math.min(start.length(), 15)).toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }
}
