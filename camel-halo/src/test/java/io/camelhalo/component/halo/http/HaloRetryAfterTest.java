package io.camelhalo.component.halo.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelhalo.component.halo.error.HaloRateLimitException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Halo's {@code Retry-After} on a 429 is obeyed within bounds: never shorter than {@code retryDelay} (a
 * {@code Retry-After: 0} with the rate governor off must not become a tight loop against Halo), and a wait longer than
 * {@code maxRateLimitWait} fails at once instead of being waited out.
 */
class HaloRetryAfterTest {

    @RegisterExtension
    static WireMockExtension halo = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private static final String PATH = "/api/Tickets";

    @Test
    @Timeout(30)
    void retryAfterZeroWaitsAtLeastRetryDelay() throws Exception {
        // given a Halo answering 429 with Retry-After: 0 until it is asked a third time, and retryDelay 300 ms
        stubSequence(tooMany("0"), tooMany("0"), okJson("[]"));
        HaloTransport transport = transport(Duration.ofMillis(300), Duration.ofSeconds(20));

        // when a read is sent
        HaloReply reply = transport.send(request(), true, PATH, HaloRequestLabel.TOKEN);

        // then it succeeded on the third request, each retry at least retryDelay after the 429 before it
        assertEquals(200, reply.status());
        List<LoggedRequest> requests = halo.findAll(getRequestedFor(urlPathEqualTo(PATH)));
        assertEquals(3, requests.size());
        for (int i = 1; i < requests.size(); i++) {
            long gap = requests.get(i).getLoggedDate().getTime() - requests.get(i - 1).getLoggedDate().getTime();
            assertTrue(gap >= 290, "retry " + i + " came " + gap + " ms after the 429, before retryDelay (300 ms)");
        }
    }

    @Test
    @Timeout(30)
    void aHaloThatAlwaysAnswersRetryAfterZeroIsAskedAFewTimesNotThousands() {
        // given a Halo answering every request 429 with Retry-After: 0; retryDelay 200 ms, maxRateLimitWait 1 s
        halo.stubFor(get(urlPathEqualTo(PATH)).willReturn(tooMany("0")));
        HaloTransport transport = transport(Duration.ofMillis(200), Duration.ofSeconds(1));

        // when a read is sent, then it fails with the rate-limit error once maxRateLimitWait is spent
        assertThrows(HaloRateLimitException.class, () -> transport.send(request(), true, PATH, HaloRequestLabel.TOKEN));

        // and Halo was asked at most once per retryDelay within that second (the first request and 5 retries)
        int asked = halo.findAll(getRequestedFor(urlPathEqualTo(PATH))).size();
        assertTrue(asked >= 2 && asked <= 6, "requests sent: " + asked);
    }

    @Test
    @Timeout(30)
    void aRetryAfterBeyondMaxRateLimitWaitFailsAtOnce() {
        // given a Halo asking to come back in an hour; maxRateLimitWait 20 s
        halo.stubFor(get(urlPathEqualTo(PATH)).willReturn(tooMany("3600")));
        HaloTransport transport = transport(Duration.ofMillis(100), Duration.ofSeconds(20));

        // when a read is sent
        long start = System.nanoTime();
        HaloRateLimitException e = assertThrows(HaloRateLimitException.class,
                () -> transport.send(request(), true, PATH, HaloRequestLabel.TOKEN));

        // then it failed after the one request, without waiting, saying why
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
        assertEquals(429, e.getStatusCode());
        assertTrue(e.getMessage().contains("Retry-After") && e.getMessage().contains("maxRateLimitWait"),
                e.getMessage());
        halo.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void thePolicyClampsRetryAfterBetweenRetryDelayAndMaxRateLimitWait() {
        HaloRetryPolicy policy = new HaloRetryPolicy(
                3, Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofMinutes(6));
        assertEquals(Duration.ofSeconds(1), policy.rateLimitWait(1, "0"), "0 is raised to retryDelay");
        assertEquals(Duration.ofSeconds(1), policy.rateLimitWait(1, "Wed, 21 Oct 2015 07:28:00 GMT"),
                "a date already past is raised to retryDelay");
        assertEquals(Duration.ofSeconds(42), policy.rateLimitWait(1, "42"));
        assertTrue(policy.rateLimitWait(1, null).toMillis() <= 1000, "no Retry-After: the exponential backoff");
        assertTrue(policy.exceedsMaxRateLimitWait(policy.rateLimitWait(1, "361")));
        assertFalse(policy.exceedsMaxRateLimitWait(policy.rateLimitWait(1, "360")));
    }

    private static HaloTransport transport(Duration retryDelay, Duration maxRateLimitWait) {
        return new HaloTransport(
                HttpClient.newHttpClient(), new HaloRateGovernor(0, Duration.ofMinutes(5)),
                new HaloRetryPolicy(3, retryDelay, Duration.ofSeconds(5), maxRateLimitWait), 1_000_000);
    }

    private static HttpRequest request() {
        return HttpRequest.newBuilder(URI.create(halo.baseUrl() + PATH)).timeout(Duration.ofSeconds(5)).GET().build();
    }

    private static ResponseDefinitionBuilder tooMany(String retryAfter) {
        return aResponse().withStatus(429).withHeader("Retry-After", retryAfter).withBody("Rate Limit Reached");
    }

    private static void stubSequence(ResponseDefinitionBuilder... replies) {
        for (int i = 0; i < replies.length; i++) {
            ScenarioMappingBuilder stub = get(urlPathEqualTo(PATH)).inScenario("replies")
                    .whenScenarioStateIs(i == 0 ? STARTED : "reply-" + i)
                    .willReturn(replies[i]);
            if (i < replies.length - 1) {
                stub = (ScenarioMappingBuilder) stub.willSetStateTo("reply-" + (i + 1));
            }
            halo.stubFor(stub);
        }
    }
}
