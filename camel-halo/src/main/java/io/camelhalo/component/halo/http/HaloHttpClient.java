package io.camelhalo.component.halo.http;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.camelhalo.component.halo.api.HaloResource;
import io.camelhalo.component.halo.error.HaloApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API client of a Halo connection: sends API requests with the bearer token through the connection's
 * {@link HaloTransport} (rate limit, safe retries) and, when Halo answers 401, renews the token once and replays the
 * request once (a 401 means Halo did nothing, so even a write is safe to replay). It returns Halo's reply, or throws
 * the {@link HaloApiException} the {@link HaloReply} decides on.
 */
public final class HaloHttpClient {

    private static final Logger LOG = LoggerFactory.getLogger(HaloHttpClient.class);

    private static final String API = "/api/";

    private final HaloTransport transport;
    /** The URL before the target: the API URL without its {@code /api}, so {@code origin + target} is the URI. */
    private final String origin;
    private final HaloAccessTokens tokens;
    /** The Authorization header of the token last used, so a call with the same token builds no new string. */
    private volatile Bearer bearer = new Bearer("", "");

    public HaloHttpClient(HaloTransport transport, String apiUrl, HaloAccessTokens tokens) {
        if (!apiUrl.endsWith("/api")) {
            throw new IllegalArgumentException("The API URL must end with /api: " + apiUrl);
        }
        this.transport = transport;
        this.origin = apiUrl.substring(0, apiUrl.length() - "/api".length());
        this.tokens = tokens;
    }

    private record Bearer(String token, String header) {
    }

    /**
     * Sends one request to Halo's API and returns its reply, whose JSON has been read.
     *
     * @param  method           GET, POST or DELETE
     * @param  resource         the resource, whose path the request goes to
     * @param  id               the record id (checked by {@code api/HaloIds}), appended to the path, or {@code null}
     * @param  query            query parameters, sent in iteration order; null values are left out
     * @param  jsonBody         the JSON body for POST, else {@code null}
     * @param  timeout          how long to wait for the reply
     * @throws HaloApiException for a reply that is not 2xx or not JSON, or no reply
     */
    public HaloReply call(
            String method, HaloResource resource, Object id, Map<String, ?> query, byte[] jsonBody,
            Duration timeout)
            throws InterruptedException, HaloApiException {
        String target = id == null
                ? API + resource.path() + queryString(query)
                : API + resource.path() + "/" + id + queryString(query);
        return json(send(method, target, resource.scope(!"GET".equals(method)),
                HaloRequestLabel.of(resource, method, id != null), jsonBody, timeout, !"POST".equals(method)));
    }

    /**
     * Sends one request to a Halo API path outside the resource table (e.g. {@code Webhook} for halo-webhook's
     * registration) and returns its reply, whose JSON has been read.
     *
     * @param  path             the path under {@code /api/}, e.g. {@code Webhook/<id>}
     * @param  scope            the OAuth scope the call needs, named when Halo answers 403
     * @throws HaloApiException for a reply that is not 2xx or not JSON, or no reply
     */
    public HaloReply call(
            String method, String path, String scope, Map<String, ?> query, byte[] jsonBody,
            Duration timeout)
            throws InterruptedException, HaloApiException {
        return json(send(method, API + path + queryString(query), scope, HaloRequestLabel.of(method, path),
                jsonBody, timeout, !"POST".equals(method)));
    }

    /**
     * Sends one request to any Halo API path (halo-api) and returns its reply, whose JSON has been read; only a GET is
     * retried after an error that leaves open whether Halo acted, every other method being a write that may have
     * reached Halo.
     *
     * @param  path             the path under {@code /api/}, its segments encoded, e.g. {@code Timesheet/12}
     * @param  scope            the OAuth scope the call needs, named when Halo answers 403
     * @throws HaloApiException for a reply that is not 2xx or not JSON, or no reply
     */
    public HaloReply callAnyPath(
            String method, String path, String scope, Map<String, ?> query, byte[] jsonBody,
            Duration timeout)
            throws InterruptedException, HaloApiException {
        return json(send(method, API + path + queryString(query), scope, HaloRequestLabel.of(method, path),
                jsonBody, timeout, "GET".equals(method)));
    }

    /** A reply that is not JSON fails the call itself, whether or not the caller reads the body. */
    private static HaloReply json(HaloReply reply) throws HaloApiException {
        reply.json();
        return reply;
    }

    /**
     * Reads a record as Halo answers it, without parsing: a file download ({@code GET /Attachment/{id}}) answers the
     * file's bytes.
     *
     * @throws HaloApiException for a reply that is not 2xx, or no reply
     */
    public HaloReply download(HaloResource resource, long id, Map<String, ?> query, Duration timeout)
            throws InterruptedException, HaloApiException {
        return send("GET", API + resource.path() + "/" + id + queryString(query), resource.scope(false),
                HaloRequestLabel.of(resource, "GET", true), null, timeout, true);
    }

    /** @param target {@code /api/<path>?<query>}, built once: the request and every message about it name it */
    private HaloReply send(
            String method, String target, String scope, HaloRequestLabel label, byte[] jsonBody,
            Duration timeout, boolean idempotent)
            throws InterruptedException, HaloApiException {
        URI uri = URI.create(origin + target);
        String token = tokens.accessToken();
        HaloReply reply = exchange(method, uri, target, label, jsonBody, timeout, token, idempotent);
        if (reply.status() == 401) {
            LOG.debug("Halo answered 401 to {} {}: renewing the access token and replaying once", method, target);
            tokens.invalidate(token);
            reply = exchange(method, uri, target, label, jsonBody, timeout, tokens.accessToken(), idempotent);
        }
        reply.requireSuccess(scope);
        return reply;
    }

    private HaloReply exchange(
            String method, URI uri, String target, HaloRequestLabel label, byte[] jsonBody,
            Duration timeout, String token, boolean idempotent)
            throws HaloApiException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", authorization(token))
                .header("Accept", "application/json");
        if (jsonBody != null) {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(jsonBody));
        } else if ("GET".equals(method)) {
            builder.GET(); // no body publisher at all, as a plain JDK client's GET (the same bytes on the wire)
        } else if ("DELETE".equals(method)) {
            builder.DELETE();
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return transport.send(builder.build(), idempotent, target, label);
    }

    private String authorization(String token) {
        Bearer last = bearer;
        if (last.token() != token) { // the same String instance while the token manager keeps its token
            last = new Bearer(token, "Bearer " + token);
            bearer = last;
        }
        return last.header();
    }

    /** Encodes query parameters as {@code ?a=1&b=x%20y}; values are sent as their string form. */
    private static String queryString(Map<String, ?> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, ?> e : query.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            sb.append(sb.length() == 0 ? '?' : '&')
                    .append(encode(e.getKey())).append('=').append(encode(String.valueOf(e.getValue())));
        }
        return sb.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
