package io.camelhalo.component.halo.api;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.util.Base64;
import java.util.HexFormat;
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

    /**
     * The file name of a {@code Content-Disposition} header, safe to use as a file's name: the base name only (what
     * follows the last {@code /} or {@code \\}), without control characters; {@code filename*=} (RFC 5987/6266,
     * {@code UTF-8''name%20with%20spaces}) before {@code filename=}. {@code null} when there is none, or nothing usable
     * is left ({@code ..}, {@code .}, only a path or control characters). The header comes from whatever answers the
     * download, so a name such as {@code ../../etc/passwd} must not reach a route that writes files by it.
     */
    public static String fileName(String contentDisposition) {
        if (contentDisposition == null) {
            return null;
        }
        String plain = null;
        String extended = null;
        for (Map.Entry<String, String> parameter : parameters(contentDisposition).entrySet()) {
            if (parameter.getKey().equals("filename*") && extended == null) {
                extended = decodeExtended(parameter.getValue());
            } else if (parameter.getKey().equals("filename") && plain == null) {
                plain = parameter.getValue();
            }
        }
        String safe = baseName(extended);
        return safe != null ? safe : baseName(plain);
    }

    /** The parameters of a header value ({@code type; name=value; name="quoted; value"}), names in lower case. */
    private static Map<String, String> parameters(String header) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int i = header.indexOf(';');
        while (i >= 0 && i < header.length()) {
            int nameStart = i + 1;
            int equals = header.indexOf('=', nameStart);
            int nextSemicolon = header.indexOf(';', nameStart);
            if (equals < 0 || nextSemicolon >= 0 && nextSemicolon < equals) {
                i = nextSemicolon; // a parameter without a value
                continue;
            }
            String name = header.substring(nameStart, equals).trim().toLowerCase(Locale.ROOT);
            int j = equals + 1;
            while (j < header.length() && header.charAt(j) == ' ') {
                j++;
            }
            StringBuilder value = new StringBuilder();
            if (j < header.length() && header.charAt(j) == '"') {
                j++;
                while (j < header.length() && header.charAt(j) != '"') {
                    char c = header.charAt(j);
                    if (c == '\\' && j + 1 < header.length()
                            && (header.charAt(j + 1) == '"' || header.charAt(j + 1) == '\\')) {
                        c = header.charAt(++j); // a quoted pair; any other backslash stays (a Windows path)
                    }
                    value.append(c);
                    j++;
                }
                i = header.indexOf(';', j);
            } else {
                int end = header.indexOf(';', j);
                value.append(header, j, end < 0 ? header.length() : end);
                i = end;
            }
            parameters.putIfAbsent(name, value.toString().trim());
        }
        return parameters;
    }

    /** {@code charset'language'percent-encoded} (RFC 5987), or {@code null} if it is not that. */
    private static String decodeExtended(String value) {
        int first = value.indexOf('\'');
        int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
        if (second < 0) {
            return null;
        }
        Charset charset;
        try {
            charset = Charset.forName(value.substring(0, first).trim());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
        String encoded = value.substring(second + 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c != '%') {
                bytes.write(c);
            } else if (i + 2 < encoded.length() && HexFormat.isHexDigit(encoded.charAt(i + 1))
                    && HexFormat.isHexDigit(encoded.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(encoded, i + 1, i + 3));
                i += 2;
            } else {
                return null; // not percent-encoding: ignore the parameter rather than guess
            }
        }
        return bytes.toString(charset);
    }

    /** What follows the last path separator, without control or format characters; null if nothing usable is left. */
    private static String baseName(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
                && Character.getType(c) != Character.LINE_SEPARATOR
                && Character.getType(c) != Character.PARAGRAPH_SEPARATOR)
                .forEach(kept::appendCodePoint);
        String cleaned = kept.toString();
        int cut = Math.max(cleaned.lastIndexOf('/'), cleaned.lastIndexOf('\\'));
        String base = cleaned.substring(cut + 1).trim();
        return base.isEmpty() || base.equals(".") || base.equals("..") ? null : base;
    }
}
