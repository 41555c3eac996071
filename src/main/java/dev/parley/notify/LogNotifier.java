package dev.parley.notify;

import java.util.logging.Logger;

/** The default notifier when no SMTP server is configured: logs each mail's recipient and subject, sends nothing. */
public class LogNotifier implements Notifier {

    private static final Logger LOG = Logger.getLogger(LogNotifier.class.getName());

    @Override
    public void send(Mail mail) {
        LOG.info(() -> "Mail to " + mail.recipient() + ": " + mail.subject() + " (not sent: PARLEY_SMTP_HOST is not set)");
    }
}
