package dev.parley.notify;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every 30 seconds on every node: sends the queued mails that are due (not sent at once after their commit, or to be
 * tried again). Claims are leases taken by conditional updates, so nodes sweeping at once send each mail once.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NotificationTimer {

    /** A sweep stops claiming after this long, so it ends before the next one is due. */
    private static final Duration BUDGET = Duration.ofSeconds(20);

    private static final Logger LOG = Logger.getLogger(NotificationTimer.class.getName());

    @Inject
    NotificationSender sender;

    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false)
    public void sweep() {
        try {
            sender.sweep(BUDGET);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sending queued mail failed; will retry: {0}", e.getMessage());
        }
    }
}
