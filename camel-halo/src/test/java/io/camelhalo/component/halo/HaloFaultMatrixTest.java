package io.camelhalo.component.halo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.camelhalo.component.halo.error.HaloApiException;
import io.camelhalo.component.halo.error.HaloIOException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fault matrix: each fault Halo or the network can produce, once, in front of each operation. A cell either retries
 * and succeeds, or fails with the right exception; a write that may have reached Halo is never sent twice. The observed
 * outcome of every cell is written to target/reliability/fault-matrix.md (copied into docs/RELIABILITY.md).
 */
class HaloFaultMatrixTest extends HaloTestSupport {

    @RegisterExtension
    static WireMockExtension halo = newHalo();

    private static final Map<String, String> RESULTS = new ConcurrentHashMap<>();

    @Override
    protected WireMockExtension halo() {
        return halo;
    }

    @Override
    protected void configure(HaloConfiguration configuration) {
        configuration.setRetryDelay(10);
        configuration.setReadTimeout(400);
        configuration.setMaxRateLimitWait(5_000);
    }

    /** The faults, each as the reply to the first attempt only. */
    enum HaloFault {
        CONNECTION_RESET(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
        EMPTY_REPLY(aResponse().withFault(Fault.EMPTY_RESPONSE)),
        MALFORMED_CHUNK(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)),
        READ_TIMEOUT(okJson("{\"id\":1}").withFixedDelay(1500)),
        HTTP_500(aResponse().withStatus(500).withBody("{\"ClassName\":\"System.Exception\",\"Message\":\"boom\"}")),
        HTTP_502(aResponse().withStatus(502).withBody("Bad Gateway")),
        HTTP_503(aResponse().withStatus(503).withBody("Service Unavailable")),
        HTTP_429_RETRY_AFTER(aResponse().withStatus(429).withHeader("Retry-After", "0").withBody("Rate Limit Reached")),
        HTTP_429_NO_RETRY_AFTER(aResponse().withStatus(429).withBody("Rate Limit Reached")),
        HTTP_401_EXPIRED_TOKEN(aResponse().withStatus(401)
                .withBody("{\"Message\":\"Authorization has been denied for this request.\"}")),
        HTML_ERROR_PAGE(aResponse().withStatus(500).withHeader("Content-Type", "text/html")
                .withBody("<!DOCTYPE html><html><body><h1>Server Error in '/' Application.</h1></body></html>"));

        final ResponseDefinitionBuilder reply;

        HaloFault(ResponseDefinitionBuilder reply) {
            this.reply = reply;
        }
    }

    enum Outcome {
        RETRIED_AND_SUCCEEDED,
        FAILED_NOT_RETRIED
    }

    static List<Arguments> cells() {
        List<Arguments> cells = new java.util.ArrayList<>();
        for (HaloFault fault : HaloFault.values()) {
            for (String operation : List.of("create", "update", "get", "list", "delete")) {
                cells.add(Arguments.of(fault, operation));
            }
        }
        return cells;
    }

    /** What the component must do: the contract of issue "Reliability", one line per fault. */
    private static Outcome expected(HaloFault fault, boolean write) {
        return switch (fault) {
            case CONNECTION_RESET, EMPTY_REPLY, MALFORMED_CHUNK, READ_TIMEOUT ->
                write ? Outcome.FAILED_NOT_RETRIED : Outcome.RETRIED_AND_SUCCEEDED;
            case HTTP_502 -> write ? Outcome.FAILED_NOT_RETRIED : Outcome.RETRIED_AND_SUCCEEDED;
            case HTTP_503, HTTP_429_RETRY_AFTER, HTTP_429_NO_RETRY_AFTER, HTTP_401_EXPIRED_TOKEN ->
                Outcome.RETRIED_AND_SUCCEEDED;
            case HTTP_500, HTML_ERROR_PAGE -> Outcome.FAILED_NOT_RETRIED;
        };
    }

    private static Class<? extends HaloApiException> expectedFailure(HaloFault fault) {
        return switch (fault) {
            case CONNECTION_RESET, EMPTY_REPLY, MALFORMED_CHUNK, READ_TIMEOUT -> HaloIOException.class;
            default -> HaloApiException.class;
        };
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("cells")
    void eachFaultOnceBeforeEachOperation(HaloFault fault, String operation) {
        stubToken();
        boolean write = operation.equals("create") || operation.equals("update");
        Supplier<MappingBuilder> request = () -> switch (operation) {
            case "create", "update" -> post(urlPathEqualTo("/api/Tickets"));
            case "get" -> get(urlPathEqualTo("/api/Tickets/7"));
            case "list" -> get(urlPathEqualTo("/api/Tickets"));
            default -> delete(urlPathEqualTo("/api/Tickets/7"));
        };
        String success = operation.equals("list") ? "{\"record_count\":1,\"tickets\":[{\"id\":7}]}" : "{\"id\":7}";
        halo.stubFor(request.get().inScenario("fault").whenScenarioStateIs(Scenario.STARTED).willReturn(fault.reply)
                .willSetStateTo("recovered"));
        halo.stubFor(request.get().inScenario("fault").whenScenarioStateIs("recovered").willReturn(okJson(success)));

        Object body = switch (operation) {
            case "create" -> Map.of("summary", "printer jammed");
            case "update" -> Map.of("id", 7, "summary", "printer fixed");
            default -> null;
        };
        Map<String, Object> headers = operation.equals("get") || operation.equals("delete")
                ? Map.of(HaloConstants.ID, 7) : Map.of();
        Exchange result = send("halo:tickets/" + operation, body, headers);

        int attempts = apiRequests().size();
        Outcome outcome = expected(fault, write);
        String cell;
        if (outcome == Outcome.RETRIED_AND_SUCCEEDED) {
            succeeded(result);
            assertEquals(2, attempts, "the failed attempt, then one successful retry");
            cell = "retried, succeeded (2 attempts)";
        } else {
            HaloApiException e = failure(result, expectedFailure(fault));
            assertEquals(1, attempts, "never sent twice");
            if (e instanceof HaloIOException io) {
                assertEquals(write, io.isWritePossiblyApplied());
                assertTrue(e.getMessage().contains("NOT retried"), e.getMessage());
            }
            cell = "failed: " + e.getClass().getSimpleName()
                   + (e.isWritePossiblyApplied() ? " (write may have been applied)" : "") + ", 1 attempt";
        }
        if (fault == HaloFault.HTTP_401_EXPIRED_TOKEN) {
            assertEquals(2, tokenRequests().size(), "the token was renewed once");
        }
        RESULTS.put(fault + "|" + operation, cell);
    }

    @AfterAll
    static void writeMatrix() throws IOException {
        Map<String, Map<String, String>> rows = new TreeMap<>();
        RESULTS.forEach((key, cell) -> {
            String[] parts = key.split("\\|");
            rows.computeIfAbsent(parts[0], k -> new TreeMap<>()).put(parts[1], cell);
        });
        StringBuilder md = new StringBuilder("| fault | create | update | get | list | delete |\n|---|---|---|---|---|---|\n");
        for (HaloFault fault : HaloFault.values()) {
            Map<String, String> row = rows.getOrDefault(fault.name(), Map.of());
            md.append("| ").append(fault.name().toLowerCase().replace('_', ' '));
            for (String op : List.of("create", "update", "get", "list", "delete")) {
                md.append(" | ").append(row.getOrDefault(op, "not run"));
            }
            md.append(" |\n");
        }
        Path out = Path.of("target", "reliability", "fault-matrix.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
    }
}
