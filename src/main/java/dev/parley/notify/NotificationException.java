package dev.parley.notify;

/** A mail could not be handed over (server unreachable, refused, timed out); the outbox tries again later. */
public class NotificationException extends Exception {

    private static final long serialVersionUID = 1L;

    public NotificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
