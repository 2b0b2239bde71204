package io.camelhalo.component.halo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What the WireMock tests share: a fresh Camel context per test whose {@code halo} component points at the test class's
 * own WireMock server (loopback only, dynamic port), and helpers to send, to stub the token endpoint and to read what
 * Halo (WireMock) received.
 */
abstract class HaloTestSupport {

    static final String CLIENT_ID = "halo-app-7f3c";
    static final String CLIENT_SECRET = "cs-Sup3rS3cret-91d4e";
    static final String ACCESS_TOKEN = "at-token-0a1b2c3d";

    protected CamelContext context;
    protected ProducerTemplate template;

    /** A WireMock server for one test class: started before its first test, stopped after its last. */
    static WireMockExtension newHalo() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
                .build();
    }

    /** The test class's WireMock server. */
    protected abstract WireMockExtension halo();

    /** Changes the component's configuration before the context starts; the defaults point at WireMock. */
    protected void configure(HaloConfiguration configuration) {
    }

    @BeforeEach
    void startCamel() {
        context = TestCamel.context(baseUrl(), CLIENT_ID, CLIENT_SECRET);
        configure(TestCamel.configuration(context));
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() {
        if (context != null) {
            context.stop();
        }
    }

    /** WireMock's address, by IP so the test never leaves loopback whatever "localhost" resolves to. */
    protected String baseUrl() {
        return "http://127.0.0.1:" + halo().getPort();
    }

    /** Halo's token endpoint hands out {@link #ACCESS_TOKEN}, valid for an hour. */
    protected void stubToken() {
        stubToken(ACCESS_TOKEN, 3600);
    }

    protected void stubToken(String accessToken, long expiresIn) {
        halo().stubFor(post(urlPathEqualTo("/auth/token")).willReturn(okJson(
                "{\"token_type\":\"Bearer\",\"access_token\":\"" + accessToken + "\",\"expires_in\":" + expiresIn + "}")));
    }

    /** Sends to a halo: URI; a failure stays on the returned exchange. */
    protected Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.send(uri, exchange -> {
            exchange.getMessage().setBody(body);
            if (headers != null) {
                exchange.getMessage().getHeaders().putAll(headers);
            }
        });
    }

    protected Exchange send(String uri, Object body) {
        return send(uri, body, null);
    }

    /** Asserts the exchange failed with the given exception type (itself, not wrapped) and returns it. */
    protected static <T extends Throwable> T failure(Exchange exchange, Class<T> type) {
        Throwable thrown = exchange.getException();
        assertNotNull(thrown, "the exchange should have failed, but its body is " + exchange.getMessage().getBody());
        return assertInstanceOf(type, thrown, () -> "unexpected failure " + chain(thrown));
    }

    /** Asserts the exchange succeeded. */
    protected static Exchange succeeded(Exchange exchange) {
        if (exchange.getException() != null) {
            fail("the exchange failed: " + chain(exchange.getException()), exchange.getException());
        }
        return exchange;
    }

    /** Adds a route sending to the URI and returns why it failed to start; fails when it starts. */
    protected Exception routeStartFailure(String uri) {
        return assertThrows(Exception.class, () -> addRoute("direct:start", uri),
                "the route to " + uri + " should not start");
    }

    protected void addRoute(String from, String to) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(to);
            }
        });
    }

    /** Every message in a throwable's chain, one per line (class: message). */
    static String chain(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            sb.append(c).append('\n');
        }
        return sb.toString();
    }

    /** Asserts each fragment appears in the text. */
    static void assertMentions(String text, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(text.contains(fragment), () -> "expected '" + fragment + "' in:\n" + text);
        }
    }

    /** Every request WireMock received, oldest first. */
    protected List<LoggedRequest> allRequests() {
        List<ServeEvent> events = new ArrayList<>(halo().getAllServeEvents());
        Collections.reverse(events); // WireMock lists the newest first
        List<LoggedRequest> requests = new ArrayList<>();
        events.forEach(e -> requests.add(e.getRequest()));
        return requests;
    }

    /** The requests to Halo's API (under /api), oldest first. */
    protected List<LoggedRequest> apiRequests() {
        return allRequests().stream().filter(r -> r.getUrl().startsWith("/api/")).toList();
    }

    /** The requests to the token endpoint, oldest first. */
    protected List<LoggedRequest> tokenRequests() {
        return allRequests().stream().filter(r -> r.getUrl().startsWith("/auth/token")).toList();
    }

    /** The input alone was wrong: nothing at all, not even a token request, reached Halo. */
    protected void assertNothingSentToHalo() {
        assertEquals(List.of(), allRequests().stream().map(r -> r.getMethod() + " " + r.getUrl()).toList(),
                "no request should have reached Halo");
    }

    static String path(LoggedRequest request) {
        String url = request.getUrl();
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /** The decoded query parameters of a request, in order; a parameter sent twice fails the test. */
    static Map<String, String> query(LoggedRequest request) {
        String url = request.getUrl();
        int q = url.indexOf('?');
        return q < 0 ? Map.of() : decodePairs(url.substring(q + 1), "query of " + url);
    }

    /** The decoded fields of a form-encoded body. */
    static Map<String, String> form(LoggedRequest request) {
        return decodePairs(request.getBodyAsString(), "form " + request.getBodyAsString().length() + " chars");
    }

    private static Map<String, String> decodePairs(String encoded, String what) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (encoded.isEmpty()) {
            return pairs;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (pairs.put(name, value) != null) {
                fail("parameter " + name + " sent twice in " + what);
            }
        }
        return pairs;
    }

    /** The client-credentials form the component must post to /auth/token. */
    static Map<String, String> clientCredentialsForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", CLIENT_ID);
        form.put("client_secret", CLIENT_SECRET);
        form.put("scope", "all");
        return form;
    }

    /** Asserts the request is a form-encoded token request with exactly these fields. */
    static void assertTokenRequest(LoggedRequest request, Map<String, String> expectedForm) {
        assertEquals("POST", request.getMethod().getName());
        assertEquals("/auth/token", path(request));
        assertTrue(request.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"),
                "token request Content-Type: " + request.getHeader("Content-Type"));
        assertEquals(expectedForm, form(request));
    }

    static Map<String, Object> headers(Object... namesAndValues) {
        Map<String, Object> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    static <T> T with(T value, Consumer<T> change) {
        change.accept(value);
        return value;
    }
}
