package dev.parley.order;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every 30 seconds on every node: settles checkout attempts a crash left open (from the payment provider's
 * ledger), releases the stock of orders not paid within {@link CheckoutSteps#HOLD}, and sends the refunds that
 * are due ({@link Refunds}). Every step is a
 * conditional change under row locks, so nodes running it at once do each piece of work once.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CheckoutJanitor {

    private static final Logger LOG = Logger.getLogger(CheckoutJanitor.class.getName());

    @Inject
    CheckoutSteps steps;

    @Inject
    Orders orders;

    @Inject
    Refunds refunds;

    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false)
    public void sweep() {
        try {
            steps.staleAttempts().forEach(steps::recover);
            orders.overdue(Instant.now(), 100).forEach(steps::expire);
            refunds.sendDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Checkout clean-up failed; will retry: {0}", e.getMessage());
        }
    }
}
