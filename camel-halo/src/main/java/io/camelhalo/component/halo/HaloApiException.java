package io.camelhalo.component.halo;

import org.apache.camel.CamelException;

/**
 * Halo answered with a status that is not 2xx, on the API or on its token endpoint. Carries the status, the method
 * and path asked for, Halo's reply and Halo's own error message where the reply has one. It never holds a token or
 * the client secret: those travel only in headers and form bodies, which are not kept.
 */
public class HaloApiException extends CamelException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY_IN_MESSAGE = 300;

    private final int statusCode;
    private final String method;
    private final String path;
    private final String responseBody;
    private final String haloMessage;
    private final boolean tokenRequest;

    /** A failed API call. */
    public HaloApiException(int statusCode, String method, String path, String responseBody, String haloMessage,
                            String advice) {
        this(statusCode, method, path, responseBody, haloMessage, advice, false);
    }

    /** A failed API call, or a failed token request when {@code tokenRequest} is true. */
    public HaloApiException(int statusCode, String method, String path, String responseBody, String haloMessage,
                            String advice, boolean tokenRequest) {
        super(message(statusCode, method, path, responseBody, haloMessage, advice));
        this.tokenRequest = tokenRequest;
        this.statusCode = statusCode;
        this.method = method;
        this.path = path;
        this.responseBody = responseBody;
        this.haloMessage = haloMessage;
    }

    private static String message(int statusCode, String method, String path, String body, String haloMessage,
                                  String advice) {
        StringBuilder sb = new StringBuilder("Halo answered HTTP ").append(statusCode).append(" to ")
                .append(method).append(' ').append(path);
        if (haloMessage != null && !haloMessage.isBlank()) {
            sb.append(": ").append(haloMessage);
        } else if (body != null && !body.isBlank()) {
            sb.append(": ").append(abbreviate(body));
        }
        if (advice != null) {
            sb.append(". ").append(advice);
        }
        return sb.toString();
    }

    static String abbreviate(String body) {
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_BODY_IN_MESSAGE ? oneLine : oneLine.substring(0, MAX_BODY_IN_MESSAGE) + "...";
    }

    /** The HTTP status Halo answered. */
    public int getStatusCode() {
        return statusCode;
    }

    /** The HTTP method of the failed request. */
    public String getMethod() {
        return method;
    }

    /** The path of the failed request, e.g. {@code /api/Tickets/12} or {@code /auth/token}. */
    public String getPath() {
        return path;
    }

    /** Halo's reply body, as received (may be JSON, plain text or an HTML error page). */
    public String getResponseBody() {
        return responseBody;
    }

    /** Whether the request that failed was the token request (so no API call was made). */
    public boolean isTokenRequest() {
        return tokenRequest;
    }

    /** Halo's own error message from the reply, or {@code null} when the reply carries none. */
    public String getHaloMessage() {
        return haloMessage;
    }
}
