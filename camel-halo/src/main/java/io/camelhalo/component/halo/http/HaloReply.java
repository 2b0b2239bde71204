package io.camelhalo.component.halo.http;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.camelhalo.component.halo.api.HaloJson;
import io.camelhalo.component.halo.error.HaloApiException;
import io.camelhalo.component.halo.error.HaloAuthenticationException;
import io.camelhalo.component.halo.error.HaloNotFoundException;
import io.camelhalo.component.halo.error.HaloRateLimitException;
import io.camelhalo.component.halo.error.HaloValidationException;

/**
 * One reply from Halo (status, headers, raw body, and the request it answers), and the one place that decides what it
 * means: its JSON, or the {@link HaloApiException} (subclass) for its status or for a body that cannot be used. A reply
 * is read by the thread that received it.
 */
public final class HaloReply {

    private static final int QUOTED_BODY = 200;
    private static final Object NOT_PARSED = new Object();

    private final String method;
    private final String target;
    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;
    /** The body's JSON, parsed on first use; {@link #NOT_PARSED} until then. */
    private Object json = NOT_PARSED;

    /**
     * @param method  the request's method, for messages about the reply
     * @param target  the request's path and query (or the token URL), for messages; never carries a secret
     * @param status  Halo's HTTP status
     * @param headers Halo's reply headers, or {@code null}
     * @param body    the raw body, or {@code null}
     */
    public HaloReply(String method, String target, int status, HttpHeaders headers, byte[] body) {
        this.method = method;
        this.target = target;
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /** Halo's HTTP status. */
    public int status() {
        return status;
    }

    /** The path and query the request went to (or the token URL), as messages about it name it. */
    public String target() {
        return target;
    }

    /** The raw body, or {@code null}. */
    public byte[] body() {
        return body;
    }

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

    /**
     * The body's JSON as maps and lists, or {@code null} when the body is empty.
     *
     * @throws HaloApiException an {@link HaloApiException#isUnusableReply() unusable reply} when the body is not JSON
     */
    public Object json() throws HaloApiException {
        if (json == NOT_PARSED) {
            json = parse();
        }
        return json;
    }

    private Object parse() throws HaloApiException {
        if (isEmpty()) {
            return null;
        }
        try {
            return HaloJson.parse(body);
        } catch (JsonProcessingException e) {
            String text = bodyAsString();
            String start = text.length() <= QUOTED_BODY ? text : text.substring(0, QUOTED_BODY) + "...";
            throw HaloApiException.unusableReply(method, target,
                    "the reply is not valid JSON (" + e.getOriginalMessage() + "); it starts: " + start, text, e);
        } catch (IOException e) {
            throw HaloApiException.unusableReply(method, target, "the reply could not be read: " + e.getMessage(),
                    null, e);
        }
    }

    /**
     * Throws unless the status is 2xx.
     *
     * @param  scope            the OAuth scope the call needs, named when Halo answers 403
     * @throws HaloApiException the exception for the status, see {@link #failure}
     */
    public void requireSuccess(String scope) throws HaloApiException {
        if (!isSuccess()) {
            throw failure(advice(scope), false);
        }
    }

    /**
     * The exception for a status that is not 2xx: the subclass a route branches on, with Halo's own message.
     *
     * @param advice       what to do about it, appended to the message; may be null for the default advice
     * @param tokenRequest whether the request was the token request
     */
    public HaloApiException failure(String advice, boolean tokenRequest) {
        String text = bodyAsString();
        String message = HaloErrorMessages.extract(text);
        Map<String, List<String>> headerMap = headerMap();
        String why = advice != null ? advice
                : HaloErrorMessages.isHtml(text) ? "Halo answered an HTML error page" : null;
        if (status == 401 || status == 403) {
            return new HaloAuthenticationException(status, method, target, headerMap, text, message, why, tokenRequest);
        } else if (status == 404) {
            return new HaloNotFoundException(status, method, target, headerMap, text, message, why);
        } else if (status == 400 || status == 409 || status == 422) {
            return new HaloValidationException(status, method, target, headerMap, text, message, why);
        } else if (status == 429) {
            return new HaloRateLimitException(status, method, target, headerMap, text, why);
        }
        return new HaloApiException(status, method, target, headerMap, text, message, why, tokenRequest, null);
    }

    private String advice(String scope) {
        return switch (status) {
            case 401 -> "The access token was refused even after renewal: check the application's scope";
            case 403 -> "The token lacks a scope or the application's agent lacks a permission for this call: it needs "
                        + "scope " + scope + " (or all), and the agent needs access to this area in Halo";
            case 429 -> "Halo's rate limit was reached";
            default -> null;
        };
    }
}
