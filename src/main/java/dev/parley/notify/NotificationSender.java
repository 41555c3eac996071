package dev.parley.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends queued mails: claims a row with a lease, hands the mail to the {@link Notifier} with no transaction open and
 * no lock held, then marks it sent, or failed for now (tried again later, see {@link RetrySchedule}). A node that dies
 * while holding a lease leaves the row to be claimed again when the lease runs out, so a mail may in that rare case
 * go out twice, but is never lost.
 */
@ApplicationScoped
public class NotificationSender {

    /** How long a claim holds a row: well beyond the notifier's timeouts. */
    static final Duration LEASE = Duration.ofMinutes(2);

    private static final Logger LOG = Logger.getLogger(NotificationSender.class.getName());

    @Inject
    Outbox outbox;

    @Inject
    Notifier notifier;

    /** Sends one row if it is due and no other sender holds it; returns whether this call claimed it. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public boolean deliver(long id) {
        Instant now = Instant.now();
        Optional<Outbox.Claimed> claimed = outbox.claim(id, now, now.plus(LEASE));
        if (claimed.isEmpty()) {
            return false;
        }
        Outbox.Claimed c = claimed.get();
        try {
            notifier.send(c.mail());
            outbox.sent(c.id(), Instant.now());
        } catch (NotificationException | RuntimeException e) {
            LOG.log(Level.WARNING, "The {0} mail of order {1} was not sent (attempt {2}): {3}", new Object[] {c.kind(),
                c.orderNumber(), c.attempts(), e.getMessage()});
            outbox.failed(c, e.getMessage(), Instant.now());
        }
        return true;
    }

    /** Sends the rows that are due, until {@code budget} has been spent; returns how many it claimed. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public int sweep(Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        int claimed = 0;
        for (long id : outbox.due(Instant.now(), 50)) {
            if (System.nanoTime() > deadline) {
                break;
            }
            if (deliver(id)) {
                claimed++;
            }
        }
        return claimed;
    }
}
