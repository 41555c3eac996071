package dev.parley.catalog.alerts;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Looks every few seconds for alerts whose variant is available again. Polling the database, rather than
 * hooking every code path that changes stock, catches them all (stock counts, imports, released
 * reservations, changes made on other nodes) at the cost of a few seconds' delay.
 */
@Singleton
public class StockAlertDispatcher {

    private static final Logger LOG = Logger.getLogger(StockAlertDispatcher.class.getName());

    @Inject
    StockAlerts alerts;

    @Schedule(second = "*/3", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        try {
            while (alerts.fireDue() == StockAlerts.PASS_SIZE) {
                // a big restock: keep going until the backlog is cleared
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Back-in-stock pass failed; the next pass retries", e);
        }
    }
}
