package io.camelhalo.component.halo.apipath;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelhalo.component.halo.HaloSandboxExtension;
import io.camelhalo.sandbox.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every GET path of Halo's API description that needs no path parameter, through halo-api against the sandbox: each
 * answers, a paged one is read with Halo's paging parameters, and no request is outside the description (the sandbox's
 * conformance check fails the class otherwise).
 */
class HaloApiEveryGetPathTest {

    @RegisterExtension
    static final HaloSandboxExtension halo = HaloSandboxExtension.perClass()
            .configure(c -> c.setRateLimit(0)); // some 420 requests: Halo's limit is not what this test is about

    /**
     * Lists Halo answers only for one ticket (400 "ticket_id is required"), though the description marks none required.
     */
    private static final Map<String, Map<String, Object>> REQUIRED_FILTERS = Map.of(
            "/Actions", Map.of("ticket_id", 1), "/Attachment", Map.of("ticket_id", 1));

    @Test
    void everyGetPathWithoutPathParametersAnswersWithinTheDescription() {
        // given every GET of the description whose path has no parameter
        List<HaloApiOperation> gets = HaloApiPaths.get().all().stream()
                .filter(op -> op.method().equals("GET") && op.pathParameters().isEmpty()).toList();
        assertEquals(416, gets.size(), "GET paths without a path parameter in Halo's description");
        List<String> failures = new ArrayList<>();
        int paged = 0;

        for (HaloApiOperation op : gets) {
            // when a route sends to halo-api:<path>
            halo.sandbox().resetCounters();
            Exchange reply = halo.template().request("halo-api:" + op.template().substring(1) + "?method=GET",
                    e -> e.getMessage().setHeader(HaloApiConstants.QUERY, REQUIRED_FILTERS.get(op.template())));
            // then Halo's answer is the body: a list of records when the path pages, read with pageinate
            if (reply.getException() != null) {
                failures.add(op + ": " + reply.getException());
                continue;
            }
            Object body = reply.getMessage().getBody();
            if (op.paged()) {
                paged++;
                assertInstanceOf(List.class, body, op + " pages: its records as a List");
                RecordedRequest sent = halo.apiRequests().get(halo.apiRequests().size() - 1);
                assertTrue(sent.query().contains("pageinate=true") && sent.query().contains("page_no=1"),
                        op + " was read page by page: " + sent.query());
                assertEquals(((List<?>) body).size(), reply.getMessage().getHeader(HaloApiConstants.RECORD_COUNT));
            } else {
                assertTrue(body instanceof List || body instanceof Map, op + " answered JSON: " + body);
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(54, paged, "paths whose GET takes page_no and page_size");
        assertEquals(List.of(), halo.sandbox().violations(), "every request inside Halo's API description");
    }
}
