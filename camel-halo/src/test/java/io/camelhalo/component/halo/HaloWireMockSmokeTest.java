package io.camelhalo.component.halo;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

class HaloWireMockSmokeTest extends CamelTestSupport {

    @RegisterExtension
    static WireMockExtension halo = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                HaloComponent component = getContext().getComponent("halo", HaloComponent.class);
                component.getConfiguration().setBaseUrl(halo.baseUrl());
                component.getConfiguration().setClientId("id");
                component.getConfiguration().setClientSecret("s3cr3t");
                from("direct:create").to("halo:tickets/create");
                from("direct:list").to("halo:tickets/list?query.open_only=true");
            }
        };
    }

    @Test
    void createsAndLists() {
        halo.stubFor(post("/auth/token").willReturn(okJson("{\"access_token\":\"tok\",\"expires_in\":3600}")));
        halo.stubFor(post("/api/Tickets").willReturn(okJson("{\"id\":7,\"summary\":\"x\"}")));
        halo.stubFor(get(urlPathEqualTo("/api/Tickets")).willReturn(okJson(
                "{\"record_count\":2,\"tickets\":[{\"id\":1},{\"id\":2}]}")));
        Map<?, ?> saved = template.requestBody("direct:create", Map.of("summary", "x"), Map.class);
        assertEquals(7L, saved.get("id"));
        List<?> list = template.requestBody("direct:list", null, List.class);
        assertEquals(2, list.size());
        halo.verify(postRequestedFor(urlEqualTo("/api/Tickets"))
                .withHeader("Authorization", equalTo("Bearer tok"))
                .withRequestBody(equalToJson("[{\"summary\":\"x\"}]")));
        halo.verify(getRequestedFor(urlEqualTo("/api/Tickets?open_only=true&pageinate=true&page_size=100&page_no=1")));
        halo.verify(1, postRequestedFor(urlEqualTo("/auth/token")));
    }
}
