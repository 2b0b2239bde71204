package io.camelhalo.component.halo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelhalo.component.halo.api.HaloJson;
import io.camelhalo.component.halo.error.HaloApiException;
import io.camelhalo.component.halo.error.HaloBatchWriteException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * batchSize: a List body is sent as Halo's array POST in chunks, one after another; a failed chunk stops the write and
 * the exception says what was saved, what may have reached Halo and what was not sent.
 */
class HaloBatchWriteTest extends HaloTestSupport {

    @RegisterExtension
    static WireMockExtension halo = newHalo();

    @Override
    protected WireMockExtension halo() {
        return halo;
    }

    @Test
    void aListLongerThanBatchSizeIsSentInChunksInOrderAndTheRepliesMapBackToTheInputs() throws Exception {
        // given a Halo that saves each chunk
        stubToken();
        halo.stubFor(post(urlEqualTo("/api/Tickets")).inScenario("chunks").whenScenarioStateIs(STARTED)
                .willReturn(okJson("[{\"id\":1,\"summary\":\"r0\"},{\"id\":2,\"summary\":\"r1\"}]"))
                .willSetStateTo("second"));
        halo.stubFor(post(urlEqualTo("/api/Tickets")).inScenario("chunks").whenScenarioStateIs("second")
                .willReturn(okJson("[{\"id\":3,\"summary\":\"r2\"},{\"id\":4,\"summary\":\"r3\"}]"))
                .willSetStateTo("third"));
        halo.stubFor(post(urlEqualTo("/api/Tickets")).inScenario("chunks").whenScenarioStateIs("third")
                .willReturn(okJson("{\"id\":5,\"summary\":\"r4\"}")));

        // when the route creates five records with batchSize=2
        Exchange exchange = succeeded(send("halo:tickets/create?batchSize=2", inputs(5)));

        // then Halo received three array POSTs of 2, 2 and 1, in input order
        List<LoggedRequest> posts = apiRequests();
        assertEquals(List.of(List.of("r0", "r1"), List.of("r2", "r3"), List.of("r4")),
                posts.stream().map(HaloBatchWriteTest::summaries).toList());
        // and the body holds the saved record of each input, in order, with the ids in the header
        List<?> saved = exchange.getMessage().getBody(List.class);
        assertEquals(List.of("r0", "r1", "r2", "r3", "r4"), saved.stream().map(r -> ((Map<?, ?>) r).get("summary")).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), exchange.getMessage().getHeader(HaloConstants.ID));
    }

    @Test
    void aFailedChunkStopsTheWriteAndTheExceptionSaysWhatWasSavedWhatMayHaveBeenAndWhatWasNotSent() throws Exception {
        // given a Halo that saves the first chunk and answers 500 to the second
        stubToken();
        halo.stubFor(post(urlEqualTo("/api/Tickets")).inScenario("fail").whenScenarioStateIs(STARTED)
                .willReturn(okJson("[{\"id\":1,\"summary\":\"r0\"},{\"id\":2,\"summary\":\"r1\"}]"))
                .willSetStateTo("failing"));
        halo.stubFor(post(urlEqualTo("/api/Tickets")).inScenario("fail").whenScenarioStateIs("failing")
                .willReturn(aResponse().withStatus(500).withBody("{\"ClassName\":\"Exception\",\"Message\":\"boom\"}")));

        // when the route creates seven records with batchSize=2 (four chunks)
        Exchange exchange = send("halo:tickets/create?batchSize=2", inputs(7));

        // then only two requests were sent: nothing retried, chunks 3 and 4 not sent
        assertEquals(2, apiRequests().size());
        HaloBatchWriteException e = failure(exchange, HaloBatchWriteException.class);
        assertEquals(2, e.getFailedChunk());
        assertEquals(4, e.getChunks());
        assertEquals(List.of(1L, 2L), e.getSaved().stream().map(r -> r.get("id")).toList());
        assertEquals(List.of("r2", "r3"), e.getNotConfirmed().stream().map(r -> r.get("summary")).toList());
        assertEquals(List.of("r4", "r5", "r6"), e.getNotSent().stream().map(r -> r.get("summary")).toList());
        assertEquals(500, assertInstanceOf(HaloApiException.class, e.getCause()).getStatusCode());
        assertMentions(e.getMessage(), "chunk 2 of 4", "Saved: records 0..1 (2)", "records 2..3 (2)",
                "not sent: records 4..6 (3)", "Nothing was retried");
        assertEquals(List.of(1L, 2L), exchange.getMessage().getHeader(HaloConstants.ID), "the saved ids");
    }

    @Test
    void aTimeoutOnAChunkLeavesItNotConfirmedAndSendsNoMore() {
        // given a Halo that saves the first chunk and does not answer the second in time
        stubToken();
        halo.stubFor(post(urlEqualTo("/api/Tickets")).inScenario("slow").whenScenarioStateIs(STARTED)
                .willReturn(okJson("[{\"id\":1},{\"id\":2}]")).willSetStateTo("slow"));
        halo.stubFor(post(urlEqualTo("/api/Tickets")).inScenario("slow").whenScenarioStateIs("slow")
                .willReturn(okJson("[{\"id\":3},{\"id\":4}]").withFixedDelay(3000)));

        // when the route creates six records with batchSize=2 and a 300 ms read timeout
        Exchange exchange = send("halo:tickets/create?batchSize=2&readTimeout=300", inputs(6));

        // then the second chunk may have been saved: it is reported, not retried, and the third is not sent
        HaloBatchWriteException e = failure(exchange, HaloBatchWriteException.class);
        assertEquals(2, apiRequests().size());
        assertEquals(2, e.getSaved().size());
        assertEquals(List.of(1L, 2L), e.getSaved().stream().map(r -> r.get("id")).toList());
        assertEquals(List.of("r2", "r3"), e.getNotConfirmed().stream().map(r -> r.get("summary")).toList());
        assertEquals(2, e.getNotSent().size());
        assertEquals(List.of("r4", "r5"), e.getNotSent().stream().map(r -> r.get("summary")).toList());
    }

    @Test
    void aFailureOfTheOnlyChunkIsTheUsualHaloApiException() {
        stubToken();
        halo.stubFor(post(urlEqualTo("/api/Tickets")).willReturn(aResponse().withStatus(400).withBody("For field ID, x")));
        Exchange exchange = send("halo:tickets/create", inputs(3));
        assertEquals(400, failure(exchange, HaloApiException.class).getStatusCode());
    }

    @Test
    void anUpdateInChunksKeepsEveryIdAndNeverCreates() {
        stubToken();
        halo.stubFor(post(urlEqualTo("/api/Tickets")).willReturn(okJson("[{\"id\":7},{\"id\":8}]")));
        List<Map<String, Object>> records = List.of(Map.of("id", 7, "status_id", 9), Map.of("summary", "no id"));
        Exchange exchange = send("halo:tickets/update?batchSize=1", records);
        assertMentions(failure(exchange, IllegalArgumentException.class).getMessage(), "record 1", "has no id");
        assertNothingSentToHalo();
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 101, -1 })
    void batchSizeOutsideOneToHundredFailsAtRouteStartNamingTheRange(int batchSize) {
        Exception e = routeStartFailure("halo:tickets/create?batchSize=" + batchSize);
        assertMentions(chain(e), "batchSize " + batchSize, "1 to 100");
    }

    private static List<Map<String, Object>> inputs(int n) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(Map.of("summary", "r" + i));
        }
        return records;
    }

    private static List<Object> summaries(LoggedRequest request) {
        try {
            List<?> sent = HaloJson.MAPPER.readValue(request.getBodyAsString(), List.class);
            return sent.stream().map(r -> ((Map<?, ?>) r).get("summary")).map(Object.class::cast).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
