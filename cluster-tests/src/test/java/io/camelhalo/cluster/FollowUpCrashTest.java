package io.camelhalo.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.camelhalo.examples.projects.FollowUpTicket;
import io.camelhalo.sandbox.HaloSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Writes during a crash: the project follow-up example (halo-poll:projects, then one halo:tickets/create per change)
 * runs in its own JVM and is killed with kill -9 in the middle of handling a change, at the two points that matter;
 * after a restart, the change has exactly one follow-up ticket: never two, never none.
 * <ul>
 * <li>before the write: the node has read the project (its {@code GET /Projects/{id}} is held by the sandbox) and not
 * sent the create;</li>
 * <li>during the write: Halo received the create and applies it, the node dies before the reply.</li>
 * </ul>
 * The sandbox runs in this JVM here, so the test can hold a request and see it arrive.
 */
class FollowUpCrashTest {

    private static final long PROJECT = 6;
    private static final Duration HOLD = Duration.ofSeconds(3);

    @TempDir
    Path workDir;
    private final Path logs = Path.of("target", "cluster-logs", "FollowUpCrashTest");
    private HaloSandbox sandbox;
    private JvmProcess node;

    @BeforeEach
    void startSandbox() throws Exception {
        Files.createDirectories(logs);
        sandbox = HaloSandbox.start(0);
    }

    @AfterEach
    void stopEverything() {
        try {
            if (node != null) {
                node.close();
            }
        } finally {
            sandbox.close();
        }
    }

    @Test
    void killedAfterReadingTheProjectBeforeTheCreateTheRestartCreatesTheTicketOnce() throws Exception {
        // given the follow-up node polling projects
        startNodeAndWaitForItsFirstPoll("before-write");

        // when a project changes and the node is killed -9 while it reads the project, before it creates the ticket
        String change = changeProjectAndKillAt("GET", "/api/Projects/" + PROJECT);
        assertEquals(0, followUps(change).size(), "killed before the create");

        // then after a restart the change has its ticket, once
        restartAndExpectExactlyOneFollowUp(change);
    }

    @Test
    void killedWhileHaloAppliesTheCreateTheRestartCreatesNoSecondTicket() throws Exception {
        // given the follow-up node polling projects
        startNodeAndWaitForItsFirstPoll("during-write");

        // when a project changes and the node is killed -9 after Halo received the create, before its reply
        String change = changeProjectAndKillAt("POST", "/api/Tickets");
        await("Halo applies the create whose client died").atMost(Duration.ofSeconds(20))
                .until(() -> followUps(change).size() == 1);

        // then after a restart, the change delivered again makes no second ticket
        restartAndExpectExactlyOneFollowUp(change);
    }

    private void startNodeAndWaitForItsFirstPoll(String name) {
        node = JvmProcess.start("follow-up-" + name, logs, FollowUpNode.class, sandbox.baseUrl(), sandbox.clientId(),
                sandbox.clientSecret(), workDir.toString());
        await("the node's first poll").atMost(Duration.ofSeconds(90)).until(() -> polls() > 0);
    }

    /** Changes the project, holds every request from then on, and kills the node once its request arrives. */
    private String changeProjectAndKillAt(String method, String path) {
        int before = sandbox.requests().size();
        sandbox.latency(HOLD);
        sandbox.put("projects", Map.of("id", PROJECT, "status_id", 2));
        await("the node sends " + method + " " + path).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                .until(() -> sandbox.requests().stream().skip(before)
                        .anyMatch(r -> r.method().equals(method) && r.path().equalsIgnoreCase(path)));
        node.kill();
        sandbox.latency(null);
        // the sandbox is fresh for each test and the project changes once: its follow-ups are this change's
        return FollowUpTicket.summaryStart(PROJECT, "");
    }

    private void restartAndExpectExactlyOneFollowUp(String change) {
        String name = node.name() + "-restarted";
        node = JvmProcess.start(name, logs, FollowUpNode.class, sandbox.baseUrl(), sandbox.clientId(),
                sandbox.clientSecret(), workDir.toString());
        await("the change's follow-up ticket").atMost(Duration.ofSeconds(90)).until(() -> followUps(change).size() >= 1);
        long polls = polls();
        await("five more polls").atMost(Duration.ofSeconds(30)).until(() -> polls() >= polls + 5);
        assertEquals(1, followUps(change).size(), () -> "tickets for " + change + ": " + followUps(change));
    }

    private long polls() {
        return sandbox.requests().stream().filter(r -> r.method().equals("GET") && r.path().equals("/api/Projects"))
                .count();
    }

    private List<Map<String, Object>> followUps(String change) {
        return sandbox.records("tickets").stream()
                .filter(t -> String.valueOf(t.get("summary")).startsWith(change)).toList();
    }
}
