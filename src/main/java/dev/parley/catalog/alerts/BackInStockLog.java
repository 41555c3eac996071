package dev.parley.catalog.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.logging.Logger;

/** Writes each fired alert to the log (the shopper-facing channels observe the same event). */
@ApplicationScoped
public class BackInStockLog {

    private static final Logger LOG = Logger.getLogger(BackInStockLog.class.getName());

    void onBackInStock(@Observes(during = TransactionPhase.AFTER_SUCCESS) BackInStock event) {
        LOG.info(() -> "Back in stock: " + event.sku() + " (" + event.available() + " available) for "
                + event.shopperKey() + ", alert " + event.alertId());
    }
}
