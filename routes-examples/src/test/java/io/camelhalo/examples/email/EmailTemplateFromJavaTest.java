package io.camelhalo.examples.email;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.camelhalo.email.EmailToTicketTemplate;
import io.camelhalo.examples.DemoMailServer;
import io.camelhalo.examples.RunningExamples;
import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The halo-email-to-ticket template instantiated from Java, with the other policies: its own mailbox, a tenant's own
 * tag format searched in the body too, missing clients and users created, and a new ticket for a closed one.
 */
class EmailTemplateFromJavaTest {

    private static final String SUPPORT = "support@msp.example";

    @Test
    void createsClientAndUserForUnknownSendersAndANewTicketForAClosedOne() throws Exception {
        try (RunningExamples app = RunningExamples.start()) {
            HaloSandbox halo = app.halo();
            app.mail().greenMail().setUser(SUPPORT, SUPPORT, "pw");
            String mailbox = app.property("halo.email.mailbox-uri").replace(DemoMailServer.MAILBOX, SUPPORT)
                    .replace("password=demo", "password=pw");
            TemplatedRouteBuilder.builder(app.context(), EmailToTicketTemplate.ID)
                    .routeId("support-email")
                    .parameter("mailboxUri", mailbox)
                    .parameter("tagStart", "{Ticket #")
                    .parameter("tagEnd", "}")
                    .parameter("searchBody", "true")
                    .parameter("defaultClientId", "3")
                    .parameter("createMissing", "client-and-user")
                    .parameter("closedTicketPolicy", "new-ticket")
                    .parameter("deadLetterUri", "file:" + app.property("halo.email.dead-letter-dir") + "/support")
                    .add();
            int clients = halo.count("clients");
            int users = halo.count("users");
            int tickets = halo.count("tickets");

            Mails.send(app.mail().smtpPort(), "ceo@hooli.example", SUPPORT, "Need a quote", "For 10 laptops.", null);
            Mails.send(app.mail().smtpPort(), "hank@globex.example", SUPPORT, "Firewall again",
                    "About {Ticket #5}: it dropped again.", null);
            Mails.send(app.mail().smtpPort(), "wile@acme.example", SUPPORT, "VPN", "See {Ticket #2}, still down.", null);
            // all three handled: the last step for each is a ticket or a note
            await().atMost(Duration.ofSeconds(20)).until(() -> summaries(halo).containsAll(
                    List.of("Need a quote", "Firewall again")) && actionsOn(halo, 2) == 1);

            // unknown sender and domain: client named after the domain, a Main site, the user
            assertEquals(clients + 1, halo.count("clients"));
            assertEquals(users + 1, halo.count("users"));
            Map<String, Object> hooli = last(halo, "clients");
            assertEquals("hooli.example", hooli.get("name"));
            Map<String, Object> ceo = last(halo, "users");
            assertEquals("ceo@hooli.example", ceo.get("emailaddress"));
            assertEquals(((Number) hooli.get("id")).longValue(), ((Number) ceo.get("client_id")).longValue());
            Map<String, Object> quote = ticket(halo, "Need a quote");
            assertEquals(((Number) ceo.get("id")).longValue(), ((Number) quote.get("user_id")).longValue());

            // tag in the body of a reply to closed ticket 5: a new ticket that names it; 5 stays closed
            Map<String, Object> firewall = ticket(halo, "Firewall again");
            assertTrue(firewall.get("details").toString().contains("closed ticket 5"), firewall.toString());
            assertEquals(9L, ((Number) halo.record("tickets", 5).get("status_id")).longValue());
            // tag in the body of an open ticket: a note, no ticket
            assertEquals(1, actionsOn(halo, 2));
            assertEquals(tickets + 2, halo.count("tickets"));
        }
    }

    private static List<Object> summaries(HaloSandbox halo) {
        return halo.records("tickets").stream().map(t -> t.get("summary")).toList();
    }

    private static long actionsOn(HaloSandbox halo, long ticketId) {
        return halo.records("actions").stream().filter(a -> ((Number) a.get("ticket_id")).longValue() == ticketId).count();
    }

    private static Map<String, Object> last(HaloSandbox halo, String resource) {
        List<Map<String, Object>> all = halo.records(resource);
        return all.get(all.size() - 1);
    }

    private static Map<String, Object> ticket(HaloSandbox halo, String summary) {
        return halo.records("tickets").stream().filter(t -> summary.equals(t.get("summary"))).findFirst().orElseThrow();
    }
}
