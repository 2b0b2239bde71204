package io.camelhalo.component.halo;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * halo-poll and halo-webhook take the halo component's connection options, and an option set on them overrides halo's,
 * in both directions: set to its default over halo's other value, or to another value over halo's default. Configured
 * as a user configures them, through Camel Main's {@code camel.component.*} properties; shown for a boolean
 * (allowInsecureHttp), a timeout (readTimeout) and a secret (clientSecret). No Halo is called: the endpoints are only
 * created.
 */
class HaloConsumerComponentSettingsTest {

    /** Plain http on a host that is not loopback: refused unless allowInsecureHttp=true. */
    private static final String PLAIN_HTTP_URL = "http://halo.example.com";

    private Main main;

    @AfterEach
    void stopMain() {
        if (main != null) {
            main.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "halo-poll", "halo-webhook" })
    void anOptionSetToItsDefaultOnTheConsumerComponentWinsOverHalosValue(String scheme) {
        // given halo allows plain http, reads for 20 s and has its secret; the consumer component sets the defaults
        // (no plain http, 60 s) and a secret of its own
        CamelContext camel = start(Map.of(
                "camel.component.halo.allow-insecure-http", "true",
                "camel.component.halo.read-timeout", "20s",
                "camel.component.halo.client-secret", "halo-secret",
                "camel.component." + scheme + ".allow-insecure-http", "false",
                "camel.component." + scheme + ".read-timeout", "60s",
                "camel.component." + scheme + ".client-secret", "consumer-secret"));

        // when an endpoint of the consumer component is created (over https, then over plain http)
        HaloConfiguration consumer = configuration(camel, endpointUri(scheme, "https://halo.example.com"));
        ResolveEndpointFailedException plainHttp = assertThrows(ResolveEndpointFailedException.class,
                () -> camel.getEndpoint(endpointUri(scheme, null)));

        // then the consumer component's values hold, and halo keeps its own
        assertFalse(consumer.isAllowInsecureHttp());
        assertTrue(plainHttp.getMessage().contains("Refusing plain http baseUrl"), plainHttp.getMessage());
        assertEquals(60_000, consumer.getReadTimeout());
        assertEquals("consumer-secret", consumer.getClientSecret());
        HaloConfiguration halo = configuration(camel, "halo:tickets/list");
        assertTrue(halo.isAllowInsecureHttp(), "halo's endpoint on plain http is accepted");
        assertEquals(20_000, halo.getReadTimeout());
        assertEquals("halo-secret", halo.getClientSecret());
    }

    @ParameterizedTest
    @ValueSource(strings = { "halo-poll", "halo-webhook" })
    void anOptionSetOnTheConsumerComponentWinsOverHalosDefault(String scheme) {
        // given halo with the defaults (no plain http, 60 s) and its secret; the consumer component sets other values
        CamelContext camel = start(Map.of(
                "camel.component.halo.client-secret", "halo-secret",
                "camel.component." + scheme + ".allow-insecure-http", "true",
                "camel.component." + scheme + ".read-timeout", "30s",
                "camel.component." + scheme + ".client-secret", "consumer-secret"));

        // when an endpoint of the consumer component is created on plain http
        HaloConfiguration consumer = configuration(camel, endpointUri(scheme, null));

        // then it is accepted with the consumer component's values, and halo keeps its defaults
        assertTrue(consumer.isAllowInsecureHttp());
        assertEquals(30_000, consumer.getReadTimeout());
        assertEquals("consumer-secret", consumer.getClientSecret());
        ResolveEndpointFailedException plainHttp = assertThrows(ResolveEndpointFailedException.class,
                () -> camel.getEndpoint("halo:tickets/list"));
        assertTrue(plainHttp.getMessage().contains("Refusing plain http baseUrl"), plainHttp.getMessage());
        HaloConfiguration halo = configuration(camel, "halo:tickets/list?baseUrl=https://halo.example.com");
        assertEquals(60_000, halo.getReadTimeout());
        assertEquals("halo-secret", halo.getClientSecret());
    }

    @ParameterizedTest
    @ValueSource(strings = { "halo-poll", "halo-webhook" })
    void whatTheConsumerComponentLeavesUnsetIsHalos(String scheme) {
        // given halo with other values than the defaults; the consumer component sets only a client id of its own
        CamelContext camel = start(Map.of(
                "camel.component.halo.allow-insecure-http", "true",
                "camel.component.halo.read-timeout", "20s",
                "camel.component.halo.client-secret", "halo-secret",
                "camel.component." + scheme + ".client-id", "consumer-client"));

        // when an endpoint of the consumer component is created on plain http
        HaloConfiguration consumer = configuration(camel, endpointUri(scheme, null));

        // then it has its own client id and halo's everything else
        assertEquals("consumer-client", consumer.getClientId());
        assertTrue(consumer.isAllowInsecureHttp());
        assertEquals(20_000, consumer.getReadTimeout());
        assertEquals("halo-secret", consumer.getClientSecret());
        assertEquals(PLAIN_HTTP_URL, consumer.getBaseUrl());
    }

    /** Camel Main started with the halo connection on {@link #PLAIN_HTTP_URL} and the given properties. */
    private CamelContext start(Map<String, String> properties) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("camel.component.halo.base-url", PLAIN_HTTP_URL);
        all.put("camel.component.halo.client-id", "halo-client");
        all.putAll(properties);
        main = new Main();
        all.forEach(main::addInitialProperty);
        main.start();
        return main.getCamelContext();
    }

    /** An endpoint URI of the scheme, on {@code baseUrl} when given (else the component's). */
    private static String endpointUri(String scheme, String baseUrl) {
        String uri = scheme.equals("halo-poll")
                ? "halo-poll:tickets?startScheduler=false"
                // register=true: halo-webhook checks its connection options only when it registers itself
                : "halo-webhook:tickets?allowUnauthenticated=true&register=true&events=3"
                  + "&webhookUrl=https://camel.example.com/halo-webhook/tickets";
        return baseUrl == null ? uri : uri + "&baseUrl=" + baseUrl;
    }

    private static HaloConfiguration configuration(CamelContext camel, String uri) {
        return ((HaloServiceLocation) camel.getEndpoint(uri)).getConfiguration();
    }
}
