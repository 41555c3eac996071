package dev.parley.notify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMTP notifier against a real SMTP server on loopback (GreenMail): what arrives, and what a refusal looks like. */
class SmtpNotifierTest {

    GreenMail smtp;
    int port;

    @BeforeEach
    void start() throws Exception {
        port = freePort();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void aMailArrivesWithItsSubjectAndUnicodeBodyIntact() throws Exception {
        SmtpNotifier n = new SmtpNotifier(new SmtpNotifier.Config("127.0.0.1", port, null, null, "shop@parley.test", false));
        n.send(new Mail("mei@example.com", "訂單 PRL-1234567890 已確認", "感謝您的訂購！\n付款總額：NT$2,970\n"));

        assertTrue(smtp.waitForIncomingEmail(5_000, 1));
        MimeMessage m = smtp.getReceivedMessages()[0];
        assertEquals("訂單 PRL-1234567890 已確認", m.getSubject());
        assertArrayEquals(new Address[] {new InternetAddress("shop@parley.test")}, m.getFrom());
        assertArrayEquals(new Address[] {new InternetAddress("mei@example.com")}, m.getAllRecipients());
        assertEquals("auto-generated", m.getHeader("Auto-Submitted")[0]);
        assertTrue(((String) m.getContent()).contains("付款總額：NT$2,970"), (String) m.getContent());
    }

    @Test
    void signsInWhenAUserIsSet() throws Exception {
        smtp.setUser("shop@parley.test", "mailer", "s3cret");
        smtp.getManagers().getSmtpManager().getUserManager().setAuthRequired(true);
        SmtpNotifier n = new SmtpNotifier(new SmtpNotifier.Config("127.0.0.1", port, "mailer", "s3cret", "shop@parley.test",
                false));
        n.send(new Mail("mei@example.com", "Order PRL-1 confirmed", "Thanks"));
        assertTrue(smtp.waitForIncomingEmail(5_000, 1));

        SmtpNotifier wrong = new SmtpNotifier(new SmtpNotifier.Config("127.0.0.1", port, "mailer", "nope",
                "shop@parley.test", false));
        assertThrows(NotificationException.class, () -> wrong.send(new Mail("mei@example.com", "x", "y")));
    }

    @Test
    void anUnreachableServerIsAFailureToRetryNotACrash() throws Exception {
        int closed = freePort();
        SmtpNotifier n = new SmtpNotifier(new SmtpNotifier.Config("127.0.0.1", closed, null, null, "shop@parley.test", false));
        NotificationException e = assertThrows(NotificationException.class,
                () -> n.send(new Mail("mei@example.com", "x", "y")));
        assertTrue(e.getMessage().startsWith("SMTP: "), e.getMessage());
    }

    @Test
    void aStartTlsRequirementIsNotSilentlyDropped() {
        // GreenMail's plain SMTP does not offer STARTTLS: a notifier told to require it must refuse to send in clear.
        SmtpNotifier n = new SmtpNotifier(new SmtpNotifier.Config("127.0.0.1", port, null, null, "shop@parley.test", true));
        assertThrows(NotificationException.class, () -> n.send(new Mail("mei@example.com", "x", "y")));
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
