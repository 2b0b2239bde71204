package io.camelhalo.component.halo.poll;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelhalo.component.halo.TestCamel;
import io.camelhalo.component.halo.error.HaloApiException;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * halo-poll checks the facts it relies on as it uses them (docs/HALO-FACTS.md): given a Halo whose records carry no
 * last-modified value at all, not even when read by id, the poll fails loudly instead of dropping them.
 */
class HaloPollFactCheckTest {

    @RegisterExtension
    static WireMockExtension halo = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private CamelContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void aRecordWithNoLastModifiedEvenReadByIdFailsThePollAndIsNotDropped() throws Exception {
        // given a Halo whose ticket 7 has no last_update, in the list or read by id
        halo.stubFor(post(urlPathEqualTo("/auth/token")).willReturn(okJson(
                "{\"token_type\":\"Bearer\",\"access_token\":\"t\",\"expires_in\":3600}")));
        halo.stubFor(get(urlPathEqualTo("/api/Tickets")).willReturn(okJson(
                "{\"record_count\":1,\"tickets\":[{\"id\":7,\"summary\":\"no stamp\"}]}")));
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/7")).willReturn(okJson("{\"id\":7,\"summary\":\"no stamp\"}")));
        context = TestCamel.context("http://127.0.0.1:" + halo.getPort(), "app", "secret");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("halo-poll:tickets?startScheduler=false").routeId("poll").to("mock:changes");
            }
        });
        context.start();
        HaloPollConsumer consumer = (HaloPollConsumer) context.getRoute("poll").getConsumer();

        // when the route polls
        HaloApiException e = assertThrows(HaloApiException.class, consumer::poll);

        // then the poll fails naming the record and the field, after reading the record by id, and routes nothing
        assertTrue(e.getMessage().contains("record 7") && e.getMessage().contains("last_update"), e.getMessage());
        List<String> paths = halo.findAll(anyRequestedFor(urlPathEqualTo("/api/Tickets/7"))).stream()
                .map(LoggedRequest::getUrl).toList();
        assertEquals(List.of("/api/Tickets/7"), paths);
        assertEquals(0, context.getEndpoint("mock:changes", MockEndpoint.class).getReceivedCounter());
    }
}
