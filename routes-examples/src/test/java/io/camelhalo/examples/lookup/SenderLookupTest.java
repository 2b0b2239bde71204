package io.camelhalo.examples.lookup;

import io.camelhalo.component.halo.HaloComponent;
import io.camelhalo.component.halo.HaloConfiguration;
import io.camelhalo.examples.lookup.SenderLookup.CreateMissing;
import io.camelhalo.examples.lookup.SenderLookup.Sender;
import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Sender lookup against the sandbox's seed data (users with emailaddress, clients with website, sites with emaildomain). */
class SenderLookupTest {

    private HaloSandbox sandbox;
    private CamelContext context;
    private HaloDirectory directory;

    @BeforeEach
    void start() throws Exception {
        sandbox = HaloSandbox.start(0);
        context = new DefaultCamelContext();
        HaloConfiguration cfg = context.getComponent("halo", HaloComponent.class).getConfiguration();
        cfg.setBaseUrl(sandbox.baseUrl());
        cfg.setClientId(sandbox.clientId());
        cfg.setClientSecret(sandbox.clientSecret());
        context.start();
        directory = new HaloDirectory(new HaloCalls(context));
    }

    @AfterEach
    void stop() {
        context.stop();
        sandbox.close();
    }

    @Test
    void aKnownAddressIsThatUserWithTheirClientAndSite() {
        Sender sender = new SenderLookup(directory, 1, CreateMissing.NONE).find("Hank@Globex.example", null);
        assertEquals(new Sender(3L, 2, 2L, "user"), sender);
    }

    @Test
    void onlyAnExactAddressMatchesAUser() {
        // "wile@acme.example" contains "e@acme.example": a substring search hit must not count
        Sender sender = new SenderLookup(directory, 3, CreateMissing.NONE).find("e@acme.example", null);
        assertEquals(new Sender(null, 1, null, "client domain"), sender);
    }

    @Test
    void anUnknownAddressAtAKnownDomainIsThatClient() {
        assertEquals(new Sender(null, 3, null, "client domain"),
                new SenderLookup(directory, 1, CreateMissing.NONE).find("bill@initech.example", null));
    }

    @Test
    void theEmailDomainIsReadFromTheClientsSitesAsInHalo() {
        // given a site of Acme whose email domain differs from Acme's website
        sandbox.put("sites", new java.util.HashMap<>(java.util.Map.of("name", "Acme Mail", "client_id", 1,
                "emaildomain", "acme-mail.example")));
        // when a stranger writes from that domain, then the sender is Acme's
        assertEquals(new Sender(null, 1, null, "client domain"),
                new SenderLookup(directory, 2, CreateMissing.NONE).find("someone@acme-mail.example", null));
    }

    @Test
    void anUnknownDomainIsTheCatchAllClientAndNothingIsCreated() {
        int clients = sandbox.count("clients");
        assertEquals(new Sender(null, 2, null, "catch-all client"),
                new SenderLookup(directory, 2, CreateMissing.NONE).find("x@unknown.example", null));
        assertEquals(clients, sandbox.count("clients"));
        assertEquals(4, sandbox.count("users"));
    }

    @Test
    void createMissingAddsTheUserUnderTheKnownClientOrANewOneOnce() {
        SenderLookup creating = new SenderLookup(directory, 1, CreateMissing.CLIENT_AND_USER);
        Sender atGlobex = creating.find("new@globex.example", "New Person");
        assertEquals(2, atGlobex.clientId());
        assertEquals("New Person", sandbox.record("users", atGlobex.userId()).get("name"));

        int clients = sandbox.count("clients");
        Sender elsewhere = creating.find("ceo@hooli.example", null);
        Sender again = creating.find("ceo@hooli.example", null);
        assertEquals(clients + 1, sandbox.count("clients"), "one new client");
        assertEquals("hooli.example", sandbox.record("clients", elsewhere.clientId()).get("name"));
        assertEquals(elsewhere.userId(), again.userId(), "the second time the user is found, not created");
        assertEquals(6, sandbox.count("users"));
    }

    @Test
    void theCreateMissingPolicyIsParsedFromItsConfigName() {
        assertEquals(CreateMissing.CLIENT_AND_USER, CreateMissing.parse("client-and-user"));
        assertEquals(CreateMissing.NONE, CreateMissing.parse(" none "));
        assertThrows(IllegalArgumentException.class, () -> CreateMissing.parse("always"));
    }
}
