package io.camelhalo.component.halo;

import org.apache.camel.CamelException;

/**
 * A call to Halo failed: Halo answered with a status that is not 2xx (on the API or its token endpoint), the reply
 * could not be used, or the request failed on the way. Carries the status (0 when there was no reply), the method
 * and path asked for, Halo's reply and Halo's own error message where the reply has one. It never holds a token or
 * the client secret: those travel only in headers and form bodies, which are not kept.
 * <p>
 * Each {@link Kind} has its own subclass, so a route can tell them apart in {@code onException}:
 * {@link HaloAuthenticationException}, {@link HaloPermissionException}, {@link HaloNotFoundException},
 * {@link HaloValidationException}, {@link HaloRateLimitException}, {@link HaloServerException},
 * {@link HaloIOException} and {@link HaloProtocolException}. {@link #of} picks the subclass for a status.
 */
public class HaloApiException extends CamelException {

    /** What went wrong, in the terms a route decides on. */
    public enum Kind {
        /** 401, or the token endpoint refused the credentials. */
        AUTHENTICATION,
        /** 403: the agent lacks a permission or the token a scope. */
        PERMISSION,
        /** 404: no such record. */
        NOT_FOUND,
        /** 400, 409, 422: Halo refused the data; its message says which field. */
        VALIDATION,
        /** 429, or no permit from the rate governor within its wait. */
        RATE_LIMIT,
        /** 5xx. */
        SERVER_ERROR,
        /** No usable reply: connection refused or reset, timeout. */
        IO,
        /** A reply that cannot be used: not JSON, too large, a truncated list, any other status. */
        PROTOCOL
    }

    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY_IN_MESSAGE = 300;

    private final int statusCode;
    private final String method;
    private final String path;
    private final String responseBody;
    private final String haloMessage;
    private final boolean tokenRequest;
    private final Kind kind;

    /** A failed API call. */
    public HaloApiException(int statusCode, String method, String path, String responseBody, String haloMessage,
                            String advice) {
        this(statusCode, method, path, responseBody, haloMessage, advice, false);
    }

    /** A failed API call, or a failed token request when {@code tokenRequest} is true. */
    public HaloApiException(int statusCode, String method, String path, String responseBody, String haloMessage,
                            String advice, boolean tokenRequest) {
        this(kindOf(statusCode), statusCode, method, path, responseBody, haloMessage, advice, tokenRequest, null);
    }

    protected HaloApiException(Kind kind, int statusCode, String method, String path, String responseBody,
                               String haloMessage, String advice, boolean tokenRequest, Throwable cause) {
        super(message(statusCode, method, path, responseBody, haloMessage, advice), cause);
        this.kind = kind;
        this.tokenRequest = tokenRequest;
        this.statusCode = statusCode;
        this.method = method;
        this.path = path;
        this.responseBody = responseBody;
        this.haloMessage = haloMessage;
    }

    /**
     * The exception for a reply status: the subclass of its {@link Kind}.
     *
     * @param advice what to do about it, appended to the message; may be null
     */
    public static HaloApiException of(int statusCode, String method, String path, String responseBody,
                                      String haloMessage, String advice, boolean tokenRequest) {
        return switch (kindOf(statusCode)) {
            case AUTHENTICATION -> new HaloAuthenticationException(statusCode, method, path, responseBody, haloMessage,
                    advice, tokenRequest);
            case PERMISSION -> new HaloPermissionException(statusCode, method, path, responseBody, haloMessage, advice,
                    tokenRequest);
            case NOT_FOUND -> new HaloNotFoundException(statusCode, method, path, responseBody, haloMessage, advice,
                    tokenRequest);
            case VALIDATION -> new HaloValidationException(statusCode, method, path, responseBody, haloMessage, advice,
                    tokenRequest);
            case RATE_LIMIT -> new HaloRateLimitException(statusCode, method, path, responseBody, haloMessage, advice);
            case SERVER_ERROR -> new HaloServerException(statusCode, method, path, responseBody, haloMessage, advice,
                    tokenRequest);
            default -> new HaloProtocolException(statusCode, method, path, responseBody, advice, null);
        };
    }

    /** The kind of failure a status means. */
    public static Kind kindOf(int statusCode) {
        if (statusCode == 401) {
            return Kind.AUTHENTICATION;
        } else if (statusCode == 403) {
            return Kind.PERMISSION;
        } else if (statusCode == 404) {
            return Kind.NOT_FOUND;
        } else if (statusCode == 400 || statusCode == 409 || statusCode == 422) {
            return Kind.VALIDATION;
        } else if (statusCode == 429) {
            return Kind.RATE_LIMIT;
        } else if (statusCode >= 500) {
            return Kind.SERVER_ERROR;
        } else if (statusCode == 0) {
            return Kind.IO;
        }
        return Kind.PROTOCOL;
    }

    private static String message(int statusCode, String method, String path, String body, String haloMessage,
                                  String advice) {
        StringBuilder sb = statusCode == 0
                ? new StringBuilder("No reply from Halo to ").append(method).append(' ').append(path)
                : new StringBuilder("Halo answered HTTP ").append(statusCode).append(" to ").append(method).append(' ')
                        .append(path);
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

    /** What went wrong. */
    public Kind getKind() {
        return kind;
    }

    /**
     * Whether a write may have been applied by Halo although it failed here (the request was sent, but the reply
     * never came or could not be read). Such a write is never retried; look in Halo before sending it again.
     */
    public boolean isWritePossiblyApplied() {
        return false;
    }

    /** The HTTP status Halo answered, or 0 when there was no reply. */
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
