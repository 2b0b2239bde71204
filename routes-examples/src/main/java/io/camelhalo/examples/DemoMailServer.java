package io.camelhalo.examples;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The embedded mail server (GreenMail, SMTP and IMAP on free loopback ports) the demo reads its mailbox from when no
 * real tenant is configured. Mail sent over SMTP to {@link #MAILBOX} lands in that user's IMAP inbox.
 */
public final class DemoMailServer implements AutoCloseable {

    /** The helpdesk mailbox the email-to-ticket route reads. */
    public static final String MAILBOX = "helpdesk@msp.example";
    private static final String PASSWORD = "demo";

    private final GreenMail mail;

    private DemoMailServer(GreenMail mail) {
        this.mail = mail;
    }

    public static DemoMailServer start() {
        GreenMail mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.setUser(MAILBOX, MAILBOX, PASSWORD);
        mail.start();
        return new DemoMailServer(mail);
    }

    /** camel-mail consumer URI of the helpdesk inbox; {@code delay} in ms between checks. */
    public String mailboxUri(long delay) {
        return "imap://127.0.0.1:" + mail.getImap().getPort() + "?username=" + MAILBOX + "&password=" + PASSWORD
               + "&delay=" + delay;
    }

    public int smtpPort() {
        return mail.getSmtp().getPort();
    }

    public GreenMail greenMail() {
        return mail;
    }

    @Override
    public void close() {
        mail.stop();
    }
}
