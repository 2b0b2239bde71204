package io.camelhalo.component.halo.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import java.net.http.HttpHeaders;

/**
 * One reply from Halo: status, headers and the raw body.
 */
public record HaloResponse(int status, HttpHeaders headers, byte[] body) {

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The body as UTF-8 text. */
    public String bodyAsString() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    /** Whether the body is empty or blank. */
    public boolean isEmpty() {
        if (body == null) {
            return true;
        }
        for (byte b : body) { // without decoding a copy of the whole body, as isBlank on a String would
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != '\f' && b != 0x0B) {
                return false;
            }
        }
        return true;
    }

    /** Every header of the reply, by name (empty when there are none). */
    public Map<String, List<String>> headerMap() {
        return headers == null ? Map.of() : headers.map();
    }

    /** The first value of a header, if present. */
    public Optional<String> header(String name) {
        return headers == null ? Optional.empty() : headers.firstValue(name);
    }
}
