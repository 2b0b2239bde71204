package io.camelhalo.email;

import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class SenderAuthenticationTest {

    private final SenderAuthentication mx = new SenderAuthentication("mx.msp.example, MX2.msp.example");

    @Test
    void dmarcPassFromATrustedServerForTheFromDomainAuthenticates() throws Exception {
        assertNull(mx.whyNot(mail("mx.msp.example; spf=pass smtp.mailfrom=msp.example; dkim=pass header.d=msp.example;"
                                  + " dmarc=pass (p=reject dis=none) header.from=msp.example"),
                "alice@msp.example"));
        assertNull(mx.whyNot(mail("MX2.msp.example 1;\r\n\tdmarc=pass header.from=MSP.example"), "Alice@MSP.example"),
                "a version, folding, and case do not matter");
        assertNull(mx.whyNot(mail("mx.msp.example; dmarc=pass"), "alice@msp.example"), "header.from may be left out");
    }

    @Test
    void anythingElseDoesNot() throws Exception {
        String alice = "alice@msp.example";
        assertNotNull(mx.whyNot(mail(null), alice), "no header");
        assertNotNull(mx.whyNot(mail("mx.attacker.example; dmarc=pass header.from=msp.example"), alice), "not trusted");
        assertNotNull(mx.whyNot(mail("mx.msp.example; dmarc=fail header.from=msp.example"), alice), "failed");
        assertNotNull(mx.whyNot(mail("mx.msp.example; dmarc=pass header.from=attacker.example"), alice), "other domain");
        assertNotNull(mx.whyNot(mail("mx.msp.example; spf=pass (dmarc=pass) smtp.mailfrom=msp.example"), alice),
                "in a comment");
        assertNotNull(mx.whyNot(mail("mx.msp.example; spf=pass smtp.mailfrom=msp.example dmarc=pass"), alice),
                "not a result of its own");
        assertNotNull(mx.whyNot(mail("mx.msp.example; dmarc=none header.from=msp.example",
                "mx.msp.example; dmarc=pass header.from=msp.example"), alice),
                "only the topmost header of a trusted server counts: one below it may come from the sender");
        assertNotNull(new SenderAuthentication("").whyNot(mail("mx.msp.example; dmarc=pass"), alice), "none trusted");
    }

    private static MimeMessage mail(String... authenticationResults) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        if (authenticationResults != null) {
            for (String header : authenticationResults) {
                m.addHeader("Authentication-Results", header);
            }
        }
        return m;
    }

    @Test
    void aMessageWithoutHeadersHasAReason() throws Exception {
        assertEquals("no Authentication-Results header from a trusted server",
                mx.whyNot(new MimeMessage(Session.getInstance(new Properties())), "a@msp.example"));
    }
}
