package dev.parley.notify;

import dev.parley.platform.ParleySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Chooses this node's {@link Notifier}: SMTP when {@code PARLEY_SMTP_HOST} is set, otherwise the log. */
@ApplicationScoped
public class Notifiers {

    private static final Logger LOG = Logger.getLogger(Notifiers.class.getName());

    @Inject
    ParleySettings settings;

    @Produces
    @ApplicationScoped
    Notifier notifier() {
        return settings.smtpHost().<Notifier>map(host -> {
            SmtpNotifier.Config c = new SmtpNotifier.Config(host, settings.smtpPort(), settings.smtpUser().orElse(null),
                    settings.smtpPassword().orElse(null), settings.smtpFrom(), settings.smtpStartTls());
            LOG.info(() -> "Shopper e-mail goes through SMTP " + host + ":" + c.port() + " from " + c.from()
                    + (c.startTls() ? " with STARTTLS" : "") + (c.user() != null ? " as " + c.user() : ""));
            return new SmtpNotifier(c);
        }).orElseGet(() -> {
            LOG.info("PARLEY_SMTP_HOST is not set: shopper e-mail is logged, not sent");
            return new LogNotifier();
        });
    }
}
