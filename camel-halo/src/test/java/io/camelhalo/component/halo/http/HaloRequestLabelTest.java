package io.camelhalo.component.halo.http;

import java.time.Duration;
import java.util.Map;

import io.camelhalo.component.halo.api.HaloResource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** What a request is counted as, made once by the caller instead of parsed from its path per reply. */
class HaloRequestLabelTest {

    @Test
    void aResourceRequestIsLabelledByTheResourcesUriNameAndWhatHaloSees() {
        assertEquals(new HaloRequestLabel("tickets", "get"), HaloRequestLabel.of(HaloResource.TICKETS, "GET", true));
        assertEquals(new HaloRequestLabel("clients", "list"), HaloRequestLabel.of(HaloResource.CLIENTS, "GET", false));
        assertEquals(new HaloRequestLabel("kbarticles", "write"), HaloRequestLabel.of(HaloResource.KB_ARTICLES, "POST", false));
        assertEquals("delete", HaloRequestLabel.of(HaloResource.ACTIONS, "DELETE", true).operation());
        assertSame(HaloRequestLabel.of(HaloResource.TICKETS, "GET", true),
                HaloRequestLabel.of(HaloResource.TICKETS, "GET", true), "one label per resource and operation");
    }

    @Test
    void aPathOutsideTheTableIsLabelledByItsFirstSegment() {
        assertEquals(new HaloRequestLabel("webhook", "get"), HaloRequestLabel.of("GET", "Webhook/3"));
        assertEquals(new HaloRequestLabel("webhook", "list"), HaloRequestLabel.of("GET", "Webhook?type=1"));
        assertEquals(new HaloRequestLabel("webhook", "write"), HaloRequestLabel.of("POST", "Webhook"));
        assertEquals(new HaloRequestLabel("clients", "get"), HaloRequestLabel.of("GET", "client/12"),
                "a table path found by its path, whatever the case");
        assertEquals(new HaloRequestLabel("webhook", "patch"), HaloRequestLabel.of("PATCH", "Webhook/3"));
    }

    @Test
    void repliesAreCountedByLabelAndStatus() {
        HaloConnectionStatistics statistics = new HaloConnectionStatistics(new HaloRateGovernor(0, Duration.ofSeconds(1)));
        HaloRequestLabel get = HaloRequestLabel.of(HaloResource.TICKETS, "GET", true);
        statistics.replied(get, 200);
        statistics.replied(get, 200);
        statistics.replied(get, 404);
        statistics.replied(HaloRequestLabel.TOKEN, 200);

        assertEquals(Map.of("tickets get 200", 2L, "tickets get 404", 1L, "token token 200", 1L), statistics.replies());
    }
}
