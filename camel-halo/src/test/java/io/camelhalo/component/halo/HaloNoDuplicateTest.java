package io.camelhalo.component.halo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import io.camelhalo.component.halo.error.HaloApiException;
import io.camelhalo.component.halo.error.HaloIOException;
import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Under faults, what Halo holds afterwards: the sandbox's own record count shows no duplicate and no silent loss. Every
 * record Halo created belongs to a create that succeeded or to one that failed saying the write may have been applied;
 * none was created twice.
 */
class HaloNoDuplicateTest {

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest().configure(cfg -> {
        cfg.setRetryDelay(5);
        cfg.setReadTimeout(10_000); // generous: a loaded machine must not turn a slow reply into a lost one
        cfg.setMaxRateLimitWait(10_000);
    });

    private HaloSandbox sandbox;
    private ProducerTemplate template;

    @BeforeEach
    void bind() {
        sandbox = halo.sandbox();
        template = halo.template();
    }

    private Exchange create(String summary) {
        return template.send("halo:tickets/create", e -> e.getMessage().setBody(Map.of("summary", summary)));
    }

    private long stored(String summary) {
        return sandbox.records("tickets").stream().filter(t -> summary.equals(t.get("summary"))).count();
    }

    @Test
    void a503BeforeProcessingIsRetriedAndCreatesExactlyOne() {
        sandbox.failNext(1, 503);
        Exchange e = create("after 503");
        assertNull(e.getException());
        assertEquals(1, stored("after 503"));
    }

    @Test
    void a500FailsAndCreatesNothing() {
        sandbox.failNext(1, 500);
        Exchange e = create("after 500");
        assertInstanceOf(HaloApiException.class, e.getException());
        assertEquals(0, stored("after 500"));
    }

    @Test
    void aReplyLostAfterTheWriteIsNotRetriedAndSaysTheWriteMayHaveHappened() {
        sandbox.dropNextReplies(1);
        Exchange e = create("reply lost");
        HaloIOException io = assertInstanceOf(HaloIOException.class, e.getException());
        assertTrue(io.isWritePossiblyApplied());
        assertEquals(1, stored("reply lost"), "applied once, never twice");
    }

    @Test
    void aReplyPastTheReadTimeoutIsNotRetried() {
        sandbox.delayNextReplies(1, Duration.ofMillis(1000));
        Exchange e = template.send("halo:tickets/create?readTimeout=300",
                x -> x.getMessage().setBody(Map.of("summary", "slow reply")));
        assertInstanceOf(HaloIOException.class, e.getException());
        assertEquals(1, stored("slow reply"));
    }

    @Test
    void aLostReplyToAReadIsRetriedAndChangesNothing() {
        int before = sandbox.count("tickets");
        sandbox.dropNextReplies(1);
        Exchange e = template.send("halo:tickets/get", x -> x.getMessage().setHeader(HaloConstants.ID, 1));
        assertNull(e.getException());
        assertEquals(1L, ((Number) e.getMessage().getBody(Map.class).get("id")).longValue());
        assertEquals(before, sandbox.count("tickets"));
    }

    @Test
    void ratesOverHalosLimitAreWaitedOutNotFailed() {
        sandbox.rateLimit(5, Duration.ofMillis(500));
        for (int i = 0; i < 12; i++) {
            assertNull(create("limited " + i).getException());
        }
        for (int i = 0; i < 12; i++) {
            assertEquals(1, stored("limited " + i));
        }
    }

    @Test
    void underRandomFaultsEveryCreatedRecordIsAccountedForAndNoneIsDuplicated() {
        Random random = new Random(20261126);
        List<String> succeeded = new ArrayList<>();
        List<String> possiblyApplied = new ArrayList<>();
        List<String> failedCleanly = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            switch (random.nextInt(5)) {
                case 0 -> sandbox.failNext(1, 503);
                case 1 -> sandbox.failNext(1, 500);
                case 2 -> sandbox.dropNextReplies(1);
                case 3 -> sandbox.failNext(1, 502);
                default -> {
                    // no fault
                }
            }
            String summary = "random " + i;
            Exception failure = create(summary).getException();
            if (failure == null) {
                succeeded.add(summary);
            } else if (failure instanceof HaloApiException halo && halo.isWritePossiblyApplied()) {
                possiblyApplied.add(summary);
            } else {
                failedCleanly.add(summary);
            }
            sandbox.failNext(0, 500);
            sandbox.dropNextReplies(0);
        }
        Map<String, Long> created = sandbox.records("tickets").stream()
                .map(t -> String.valueOf(t.get("summary"))).filter(s -> s.startsWith("random "))
                .collect(Collectors.groupingBy(s -> s, HashMap::new, Collectors.counting()));
        assertTrue(created.values().stream().allMatch(n -> n == 1), "no record twice: " + created);
        assertTrue(created.keySet().containsAll(succeeded), "every success is in Halo");
        assertTrue(failedCleanly.stream().noneMatch(created::containsKey), "a clean failure applied nothing");
        List<String> unexplained = created.keySet().stream()
                .filter(s -> !succeeded.contains(s) && !possiblyApplied.contains(s)).toList();
        assertEquals(List.of(), unexplained, "every record belongs to a success or a possibly-applied failure");
        assertEquals(60, succeeded.size() + possiblyApplied.size() + failedCleanly.size());
    }
}
