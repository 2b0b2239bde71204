package io.camelhalo.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code GET /Client?domain=}: declared by Halo's description (no text); the sandbox takes it as a filter on the
 * client's {@code domain} (schema {@code Area}), and {@link TenantMode#CLIENT_DOMAIN_IGNORED} answers as if Halo
 * ignored it.
 */
class ClientDomainTest {

    private HaloSandbox halo;
    private SandboxClient client;

    @BeforeEach
    void start() {
        halo = HaloSandbox.start(0);
        client = new SandboxClient(halo).login();
        halo.put("clients", Map.of("name", "Hooli", "domain", "Hooli.Example"));
    }

    @AfterEach
    void stop() {
        halo.close();
    }

    @Test
    void domainListsTheClientsWithThatDomainCaseInsensitively() {
        assertEquals(List.of("Hooli"), names(client.get("/Client?domain=hooli.example").json()));
        assertEquals(List.of(), names(client.get("/Client?domain=acme.example").json()), "seeded clients have none");
        assertEquals(4, names(client.get("/Client").json()).size(), "no domain: every client");
        assertEquals(List.of(), halo.takeViolations(), "domain is declared on GET /Client");
    }

    @Test
    void domainIgnoredListsEveryClient() {
        halo.setModes(TenantMode.CLIENT_DOMAIN_IGNORED);
        assertEquals(4, names(client.get("/Client?domain=hooli.example").json()).size());
    }

    private static List<String> names(JsonNode reply) {
        List<String> names = new ArrayList<>();
        reply.get("clients").forEach(c -> names.add(c.get("name").asText()));
        return names;
    }
}
