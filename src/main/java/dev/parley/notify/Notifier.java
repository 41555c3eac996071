package dev.parley.notify;

/** Delivers a mail to the shopper, or says why it could not. Implementations are thread-safe. */
public interface Notifier {

    /** Hands the mail over for delivery; returns once it is accepted (by the log or the SMTP server). */
    void send(Mail mail) throws NotificationException;
}
