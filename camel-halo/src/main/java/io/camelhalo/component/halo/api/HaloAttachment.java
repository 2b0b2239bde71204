package io.camelhalo.component.halo.api;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Halo's attachments are files: {@code POST /Attachment} takes the file as {@code data_base64} with its
 * {@code filename} and {@code ticket_id}; {@code GET /Attachment/{id}} answers the file's bytes (a peer client's
 * "download"; a JSON reply is taken as the attachment's details instead). See docs/HALO-FACTS.md.
 */
public final class HaloAttachment {

    private HaloAttachment() {
    }

    /** Whether a message body is a file to upload rather than an attachment record. */
    public static boolean isFile(Object body) {
        return body instanceof byte[] || body instanceof File || body instanceof InputStream;
    }

    /**
     * The attachment record for a file body.
     *
     * @param  body                     a {@code byte[]}, {@code File} or {@code InputStream}
     * @param  fileName                 the file's name; for a {@code File}, its own name when {@code null}
     * @param  ticketId                 the ticket the file belongs to, or {@code null} to leave it to the caller
     * @throws IllegalArgumentException when there is no file name
     */
    public static Map<String, Object> record(Object body, String fileName, Long ticketId) {
        String name = fileName != null ? fileName : body instanceof File f ? f.getName() : null;
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(
                    "An attachment needs its file name: set header CamelHaloFileName; nothing was sent to Halo");
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("filename", name);
        record.put("data_base64", Base64.getEncoder().encodeToString(bytes(body)));
        if (ticketId != null) {
            record.put("ticket_id", ticketId);
        }
        return record;
    }

    private static byte[] bytes(Object body) {
        try {
            if (body instanceof byte[] b) {
                return b;
            } else if (body instanceof File f) {
                return Files.readAllBytes(f.toPath());
            }
            try (InputStream in = (InputStream) body) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the attachment's content: " + e.getMessage(), e);
        }
    }

    /** Whether a download reply is the attachment's JSON details rather than its bytes. */
    public static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
    }

    /** The file name of a {@code Content-Disposition} header, or {@code null}. */
    public static String fileName(String contentDisposition) {
        if (contentDisposition == null) {
            return null;
        }
        for (String part : contentDisposition.split(";")) {
            String p = part.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("filename=")) {
                String value = p.substring("filename=".length()).trim();
                return value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2
                        ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }
}
