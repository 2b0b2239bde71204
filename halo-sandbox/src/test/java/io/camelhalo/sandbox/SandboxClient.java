package io.camelhalo.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A bare Halo-shaped HTTP client for the tests: raw requests, raw answers. */
final class SandboxClient {

    /** One answer. */
    record Response(int status, String body, HttpHeaders headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final HaloSandbox halo;
    private String accessToken;

    SandboxClient(HaloSandbox halo) {
        this.halo = halo;
    }

    /** Authenticates with the sandbox's credentials and scope {@code all}; later calls send the token. */
    SandboxClient login() {
        accessToken = token("all");
        return this;
    }

    SandboxClient useToken(String token) {
        this.accessToken = token;
        return this;
    }

    String token(String scope) {
        Response r = tokenRequest("grant_type=client_credentials&client_id=" + enc(halo.clientId())
                                  + "&client_secret=" + enc(halo.clientSecret()) + "&scope=" + enc(scope));
        assertEquals(200, r.status(), r.body());
        return r.json().get("access_token").asText();
    }

    Response tokenRequest(String form) {
        return tokenRequest("", form, null);
    }

    Response tokenRequest(String query, String form, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(halo.baseUrl() + "/auth/token" + query))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b);
    }

    Response get(String pathAndQuery) {
        return send(api(pathAndQuery).GET());
    }

    Response post(String path, String json) {
        return send(api(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response delete(String pathAndQuery) {
        return send(api(pathAndQuery).DELETE());
    }

    private HttpRequest.Builder api(String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(halo.baseUrl() + "/api" + pathAndQuery))
                .timeout(Duration.ofSeconds(10));
        if (accessToken != null) {
            b.header("Authorization", "Bearer " + accessToken);
        }
        return b;
    }

    private static Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
