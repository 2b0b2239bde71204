package io.camelhalo.component.halo;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelhalo.component.halo.state.H2Server;
import io.camelhalo.component.halo.state.JdbcStateRepository;
import io.camelhalo.sandbox.HaloSandbox;
import io.camelhalo.sandbox.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes (two Camel contexts, each with its own connection and token manager, in one JVM) share one refresh token
 * store, against a sandbox that rotates refresh tokens as Halo's OAuth server may: each refresh spends the token it
 * presents and hands out a new one. Whichever node refreshes, the other must use the token it stored, not the spent one
 * it read at start.
 */
class HaloRefreshTokenAcrossNodesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Base64 of 32 bytes: a test key, nothing else uses it. */
    private static final String KEY = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=";

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest().withoutContext();

    @Test
    @Timeout(60)
    void nodesTakingTurnsEachRefreshWithTheTokenTheOtherStored() throws Exception {
        // given two nodes sharing a store (a repository that has no lock), authorised with the same refresh token
        String authorised = authorise();
        StateRepository<String, String> store = new MemoryStateRepository();
        CamelContext a = node(authorised, store, null);
        CamelContext b = node(authorised, store, null);

        // when they take turns, Halo expiring every access token between turns, so each turn refreshes
        for (int turn = 0; turn < 6; turn++) {
            halo.sandbox().expireAllTokens();
            CamelContext node = turn % 2 == 0 ? a : b;
            assertEquals(1L, ((Number) get(node).get("id")).longValue(), "turn " + turn);
        }

        // then every turn refreshed once, each with the token the turn before it was handed: none spent twice
        List<String> presented = presentedRefreshTokens();
        assertEquals(6, presented.size(), "one refresh per turn");
        assertEquals(presented.size(), new HashSet<>(presented).size(), "a spent refresh token was presented again");
        assertEquals(authorised, presented.get(0));
    }

    @Test
    @Timeout(60)
    void aNodeThatReadTheStoreJustBeforeTheOtherWroteItRetriesOnceWithTheNewToken() throws Exception {
        // given two nodes on a store without a lock; node B's next read of it comes just before node A's write lands
        String authorised = authorise();
        StaleOnce store = new StaleOnce();
        CamelContext a = node(authorised, store, null);
        CamelContext b = node(authorised, store, null);
        get(a); // A refreshes: the authorised token is spent, the rotated one stored
        store.answerNextRead(authorised);

        // when B has to refresh
        halo.sandbox().expireAllTokens();
        Map<String, Object> ticket = get(b);

        // then Halo refused the stale token, B read the store again and refreshed with the stored one
        assertEquals(1L, ((Number) ticket.get("id")).longValue());
        List<String> presented = presentedRefreshTokens();
        assertEquals(3, presented.size());
        assertEquals(List.of(authorised, authorised), presented.subList(0, 2));
        assertEquals(presented.size() - 1, new HashSet<>(presented).size());
    }

    /** A shared store whose next read can be made to answer an older value, as a read racing another node's write. */
    private static final class StaleOnce extends MemoryStateRepository {
        private volatile String staleValue;

        void answerNextRead(String value) {
            staleValue = value;
        }

        @Override
        public String getState(String key) {
            String stale = staleValue;
            staleValue = null;
            return stale != null ? stale : super.getState(key);
        }
    }

    @Test
    @Timeout(60)
    void nodesRefreshingAtOnceOnAJdbcStoreTakeTurnsOnTheRow() throws Exception {
        // given two nodes, each with its own JdbcStateRepository (and DataSource) on one database
        try (H2Server db = H2Server.start()) {
            String authorised = authorise();
            CamelContext a = node(authorised, new JdbcStateRepository(db.dataSource()), null);
            CamelContext b = node(authorised, new JdbcStateRepository(db.dataSource()), null);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                // when, five times, Halo expires every access token and both nodes call it at the same moment
                for (int round = 0; round < 5; round++) {
                    halo.sandbox().expireAllTokens();
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<Map<String, Object>>> calls = new ArrayList<>();
                    for (CamelContext node : List.of(a, b)) {
                        calls.add(pool.submit(() -> {
                            go.await();
                            return get(node);
                        }));
                    }
                    go.countDown();
                    for (Future<Map<String, Object>> call : calls) {
                        assertEquals(1L, ((Number) call.get(20, TimeUnit.SECONDS).get("id")).longValue(),
                                "round " + round);
                    }
                }
            } finally {
                pool.shutdownNow();
            }

            // then the refreshes ran one after the other: no refresh token was ever presented twice (no invalid_grant)
            List<String> presented = presentedRefreshTokens();
            assertEquals(presented.size(), new HashSet<>(presented).size(), "a spent refresh token was presented again");
            assertEquals(2 * 5, presented.size(), "one refresh per node and round");
        }
    }

    @Test
    @Timeout(60)
    void anEncryptedStoreHoldsNoTokenInClearAndBothNodesReadIt() throws Exception {
        // given two nodes with the same encryption key on one JDBC store
        try (H2Server db = H2Server.start()) {
            String authorised = authorise();
            JdbcStateRepository store = new JdbcStateRepository(db.dataSource());
            CamelContext a = node(authorised, store, KEY);
            CamelContext b = node(authorised, new JdbcStateRepository(db.dataSource()), KEY);

            // when they take turns refreshing
            for (int turn = 0; turn < 4; turn++) {
                halo.sandbox().expireAllTokens();
                get(turn % 2 == 0 ? a : b);
            }

            // then each turn used the token the other node stored (so it decrypted), and the store holds ciphertext
            List<String> presented = presentedRefreshTokens();
            assertEquals(4, presented.size());
            assertEquals(presented.size(), new HashSet<>(presented).size());
            String stored = store.getState(storeKey());
            assertTrue(stored.startsWith("aesgcm:v1:"), "stored in clear");
            for (String token : presented) {
                assertFalse(stored.contains(token), "a refresh token is readable in the store");
            }
        }
    }

    // --- helpers

    /** The refresh token an agent's consent would give: the sandbox issues one for scope offline_access. */
    private String authorise() throws Exception {
        HaloSandbox sandbox = halo.sandbox();
        HttpResponse<String> reply = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/auth/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "grant_type=client_credentials&scope=all%20offline_access&client_id="
                                                                  + sandbox.clientId() + "&client_secret="
                                                                  + sandbox.clientSecret()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reply.statusCode(), reply.body());
        String token = JSON.readTree(reply.body()).path("refresh_token").asText();
        assertFalse(token.isBlank(), "the sandbox issued no refresh token");
        sandbox.resetCounters();
        return token;
    }

    /** A started node authorised with that refresh token, keeping the newest in that store. */
    private CamelContext node(String refreshToken, StateRepository<String, String> store, String key)
            throws Exception {
        CamelContext node = halo.newContext();
        HaloConfiguration cfg = TestCamel.configuration(node);
        cfg.setGrantType("refresh_token");
        cfg.setRefreshToken(refreshToken);
        cfg.setScope("all offline_access");
        cfg.setRefreshTokenRepository(store);
        cfg.setRefreshTokenEncryptionKey(key);
        node.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:get").to("halo:tickets/get?id=1");
            }
        });
        node.start();
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> get(CamelContext node) {
        return node.createProducerTemplate().requestBody("direct:get", null, Map.class);
    }

    /** The refresh tokens the nodes presented to the token endpoint, in order. */
    private List<String> presentedRefreshTokens() {
        List<String> tokens = new ArrayList<>();
        for (RecordedRequest r : halo.sandbox().requests()) {
            if (r.path().equals("/auth/token")) {
                Map<String, String> form = formOf(r.body());
                assertEquals("refresh_token", form.get("grant_type"));
                tokens.add(form.get("refresh_token"));
            }
        }
        return tokens;
    }

    private static Map<String, String> formOf(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private String storeKey() {
        HaloSandbox sandbox = halo.sandbox();
        return "halo-refresh-token|" + sandbox.baseUrl() + "/auth||" + sandbox.clientId();
    }
}
