package io.camelhalo.component.halo.error;

import java.util.List;
import java.util.Map;

import org.apache.camel.CamelException;
import org.apache.camel.spi.HttpResponseAware;

/**
 * A call to Halo failed: Halo answered with a status that is not 2xx (on the API or its token endpoint), or with a
 * reply that cannot be used ({@link #isUnusableReply()}: not JSON, a list shorter than Halo promised). Like
 * camel-http's {@code HttpOperationFailedException} it carries the status, the response headers and body, and the
 * method and path asked for; it never holds a token or the client secret (those travel only in request headers and form
 * bodies, which are not kept).
 * <p>
 * The subclasses are the failures a route handles differently in {@code onException}:
 * {@code HaloAuthenticationException} (fix the credentials), {@code HaloNotFoundException} (no such record),
 * {@code HaloValidationException} (fix the data), {@code HaloRateLimitException} (try later) and
 * {@code HaloIOException} (no reply, or one cut short: a write may have been applied). A 5xx or an unusable reply is
 * this class itself (an unusable token reply is a {@code HaloAuthenticationException}).
 */
public class HaloApiException extends CamelException implements HttpResponseAware {

    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY_IN_MESSAGE = 300;

    private int statusCode;
    private String statusText;
    private final String method;
    private final String path;
    private final transient Map<String, List<String>> responseHeaders;
    private final String responseBody;
    private final String haloMessage;
    private final boolean tokenRequest;
    private final boolean unusableReply;

    /**
     * @param statusCode      Halo's HTTP status, 0 when there was no reply
     * @param method          the request's method
     * @param path            the request's path and query, e.g. {@code /api/Tickets/12}
     * @param responseHeaders Halo's reply headers (may be empty)
     * @param responseBody    Halo's reply body as text (may be null)
     * @param haloMessage     Halo's own error message from the reply, or null
     * @param advice          what to do about it, appended to the message; may be null
     * @param tokenRequest    whether the failed request was the token request
     * @param cause           the underlying failure, or null
     */
    public HaloApiException(int statusCode, String method, String path, Map<String, List<String>> responseHeaders,
                            String responseBody, String haloMessage, String advice, boolean tokenRequest,
                            Throwable cause) {
        super(message(statusCode, method, path, responseBody, haloMessage, advice), cause);
        this.statusCode = statusCode;
        this.statusText = reasonPhrase(statusCode);
        this.method = method;
        this.path = path;
        this.responseHeaders = responseHeaders == null ? Map.of() : Map.copyOf(responseHeaders);
        this.responseBody = responseBody;
        this.haloMessage = haloMessage;
        this.tokenRequest = tokenRequest;
        this.unusableReply = false;
    }

    /**
     * Halo answered with a 2xx, but the reply cannot be used: it is not JSON, it is not shaped as the resource's
     * replies are, or a list ended with fewer records than Halo promised. The status is 0: there is no error status to
     * act on.
     *
     * @param method  the request's method
     * @param path    the request's path and query, e.g. {@code /api/Tickets}
     * @param problem what is wrong with the reply
     */
    public static HaloApiException unusableReply(String method, String path, String problem) {
        return new HaloApiException(method, path, null, problem, false, null);
    }

    /**
     * An unusable reply whose body is kept for the route, e.g. one that is not JSON.
     *
     * @param responseBody the reply's body as text
     * @param cause        why it could not be read
     */
    public static HaloApiException unusableReply(
            String method, String path, String problem, String responseBody,
            Throwable cause) {
        return new HaloApiException(method, path, responseBody, problem, false, cause);
    }

    /**
     * An unusable reply (see {@link #unusableReply(String, String, String)}), for a subclass.
     *
     * @param tokenRequest whether the reply was the token endpoint's
     */
    protected HaloApiException(String method, String path, String responseBody, String problem, boolean tokenRequest,
                               Throwable cause) {
        super("Unusable reply from Halo to " + method + " " + path + ": " + problem, cause);
        this.statusCode = 0;
        this.method = method;
        this.path = path;
        this.responseHeaders = Map.of();
        this.responseBody = responseBody;
        this.haloMessage = null;
        this.tokenRequest = tokenRequest;
        this.unusableReply = true;
    }

    /**
     * A request the component refused before sending it (status 0, nothing reached Halo).
     *
     * @param method  the method the request would have had
     * @param path    the path it would have gone to, e.g. {@code /api/Tickets}
     * @param message why it was refused, naming the bad value and what is allowed
     */
    protected HaloApiException(String method, String path, String message) {
        super("Not sent to Halo (" + method + " " + path + "): " + message);
        this.statusCode = 0;
        this.method = method;
        this.path = path;
        this.responseHeaders = Map.of();
        this.responseBody = null;
        this.haloMessage = null;
        this.tokenRequest = false;
        this.unusableReply = false;
    }

    private static String message(
            int statusCode, String method, String path, String body, String haloMessage,
            String advice) {
        StringBuilder sb = statusCode == 0
                ? new StringBuilder("No usable reply from Halo to ").append(method).append(' ').append(path)
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

    private static String abbreviate(String body) {
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_BODY_IN_MESSAGE ? oneLine : oneLine.substring(0, MAX_BODY_IN_MESSAGE) + "...";
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> null;
        };
    }

    /**
     * Whether a write may have been applied by Halo although it failed here (the request was sent, but the reply never
     * came or could not be read). Such a write is never retried; look in Halo before sending it again.
     */
    public boolean isWritePossiblyApplied() {
        return false;
    }

    /** The HTTP status Halo answered, or 0 when there was no reply, or none that could be used. */
    public int getStatusCode() {
        return statusCode;
    }

    @Override
    public int getHttpResponseCode() {
        return statusCode;
    }

    @Override
    public void setHttpResponseCode(int code) {
        this.statusCode = code;
    }

    @Override
    public String getHttpResponseStatus() {
        return statusText;
    }

    @Override
    public void setHttpResponseStatus(String status) {
        this.statusText = status;
    }

    /** The HTTP method of the failed request. */
    public String getMethod() {
        return method;
    }

    /** The path and query of the failed request, e.g. {@code /api/Tickets/12} or {@code /auth/token}. */
    public String getPath() {
        return path;
    }

    /** Halo's reply headers (empty when there was no reply). */
    public Map<String, List<String>> getResponseHeaders() {
        return responseHeaders == null ? Map.of() : responseHeaders;
    }

    /** Halo's reply body, as received (may be JSON, plain text or an HTML error page). */
    public String getResponseBody() {
        return responseBody;
    }

    /** Whether the request that failed was the token request (so no API call was made). */
    public boolean isTokenRequest() {
        return tokenRequest;
    }

    /**
     * Whether Halo answered with a 2xx that cannot be used (not JSON, not shaped as expected, a list shorter than
     * promised): Halo is reachable and accepted the request, but its answer is not what the component can work with.
     */
    public boolean isUnusableReply() {
        return unusableReply;
    }

    /**
     * Whether Halo answered with an error status (not 2xx), as opposed to no reply, a request refused before it was
     * sent, or an unusable reply: the only failure that has a status and a body a route can take instead.
     */
    public boolean isErrorReply() {
        return statusCode != 0 && !unusableReply;
    }

    /** Halo's own error message from the reply, or {@code null} when the reply carries none. */
    public String getHaloMessage() {
        return haloMessage;
    }
}
