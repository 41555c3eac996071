package dev.parley.notify;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;

/**
 * Sends mail through an SMTP server with Jakarta Mail (Angus Mail in Payara Micro): one connection per mail, with
 * connect, read and write timeouts so a stalled server cannot hold a sender; sign-in and STARTTLS as configured.
 */
public class SmtpNotifier implements Notifier {

    /** How long connecting, and each read or write, may take. */
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final Session session;
    private final InternetAddress from;

    /**
     * Where and how to send.
     *
     * @param host the SMTP server
     * @param port its port (587 submission, 25, or a test server's)
     * @param user the account to sign in with, or null for none
     * @param password the account's password, or null
     * @param from the sender address
     * @param startTls whether the connection must be upgraded with STARTTLS before anything is sent
     */
    public record Config(String host, int port, String user, String password, String from, boolean startTls) {

        /** Never shows the password. */
        @Override
        public String toString() {
            return "smtp://" + (user == null ? "" : user + "@") + host + ":" + port + " from " + from
                    + (startTls ? " (STARTTLS)" : "");
        }
    }

    public SmtpNotifier(Config config) {
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", config.host());
        p.setProperty("mail.smtp.port", Integer.toString(config.port()));
        String millis = Long.toString(TIMEOUT.toMillis());
        p.setProperty("mail.smtp.connectiontimeout", millis);
        p.setProperty("mail.smtp.timeout", millis);
        p.setProperty("mail.smtp.writetimeout", millis);
        p.setProperty("mail.smtp.starttls.enable", Boolean.toString(config.startTls()));
        p.setProperty("mail.smtp.starttls.required", Boolean.toString(config.startTls()));
        boolean auth = config.user() != null && !config.user().isBlank();
        p.setProperty("mail.smtp.auth", Boolean.toString(auth));
        Authenticator authenticator = !auth ? null : new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(config.user(), config.password() == null ? "" : config.password());
            }
        };
        this.session = Session.getInstance(p, authenticator);
        try {
            this.from = new InternetAddress(config.from(), true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("PARLEY_SMTP_FROM is not an e-mail address: " + config.from(), e);
        }
    }

    @Override
    public void send(Mail mail) throws NotificationException {
        try {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(from);
            m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.recipient(), true));
            m.setSubject(mail.subject(), "UTF-8");
            m.setText(mail.body(), "UTF-8");
            m.setSentDate(new Date());
            // RFC 3834: an automatic message, so mail systems do not answer it with vacation replies.
            m.setHeader("Auto-Submitted", "auto-generated");
            Transport.send(m);
        } catch (MessagingException e) {
            throw new NotificationException("SMTP: " + e.getMessage(), e);
        }
    }
}
