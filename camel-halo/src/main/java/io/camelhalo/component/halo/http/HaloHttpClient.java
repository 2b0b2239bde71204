package io.camelhalo.component.halo.http;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.camelhalo.component.halo.HaloApiException;
import io.camelhalo.component.halo.auth.HaloTokenManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API client of a Halo connection: sends API requests with the bearer token through the connection's
 * {@link HaloTransport} (rate limit, safe retries) and, when Halo answers 401, renews the token once and replays the
 * request once (a 401 means Halo did nothing, so even a write is safe to replay). It returns every reply as it came;
 * deciding what a status means is {@link HaloReplies}' job.
 */
public final class HaloHttpClient {

    private static final Logger LOG = LoggerFactory.getLogger(HaloHttpClient.class);

    private final HaloTransport transport;
    private final String apiUrl;
    private final String apiRoot;
    private final HaloTokenManager tokens;
    /** The Authorization header of the token last used, so a call with the same token builds no new string. */
    private volatile Bearer bearer = new Bearer("", "");

    public HaloHttpClient(HaloTransport transport, String apiUrl, HaloTokenManager tokens) {
        this.transport = transport;
        this.apiUrl = apiUrl;
        this.apiRoot = apiUrl + "/";
        this.tokens = tokens;
    }

    private record Bearer(String token, String header) {
    }

    /**
     * Sends one request to Halo's API.
     *
     * @param method   GET, POST or DELETE
     * @param path     the path under {@code /api}, e.g. {@code Tickets/12}
     * @param query    query parameters, sent in iteration order; null values are left out
     * @param jsonBody the JSON body for POST, else {@code null}
     * @param timeout  how long to wait for the reply
     */
    public HaloResponse send(String method, String path, Map<String, ?> query, byte[] jsonBody, Duration timeout)
            throws InterruptedException, HaloApiException {
        String pathAndQuery = path + queryString(query);
        String target = "/api/" + pathAndQuery;
        URI uri = URI.create(apiRoot + pathAndQuery);
        String token = tokens.accessToken();
        HaloResponse response = exchange(method, uri, target, jsonBody, timeout, token);
        if (response.status() == 401) {
            LOG.debug("Halo answered 401 to {} {}: renewing the access token and replaying once", method, target);
            tokens.invalidate(token);
            response = exchange(method, uri, target, jsonBody, timeout, tokens.accessToken());
        }
        return response;
    }

    /** The API root this client talks to, e.g. {@code https://acme.haloitsm.com/api}. */
    public String apiUrl() {
        return apiUrl;
    }

    private HaloResponse exchange(String method, URI uri, String target, byte[] jsonBody, Duration timeout,
                                  String token)
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
        return transport.send(builder.build(), !"POST".equals(method), target);
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
    static String queryString(Map<String, ?> query) {
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
