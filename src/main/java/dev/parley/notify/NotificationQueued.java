package dev.parley.notify;

/**
 * A notification row was written (fired inside the order's transaction); observed after a successful commit to send
 * it at once.
 *
 * @param id the {@code notification} row
 */
public record NotificationQueued(long id) {
}
