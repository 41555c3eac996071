package dev.parley.catalog;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Writes counted views every 10 seconds and recomputes popularity every 10 minutes, on every node. */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PopularityTimer {

    private static final Logger LOG = Logger.getLogger(PopularityTimer.class.getName());

    @Inject
    Popularity popularity;

    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
    void flush() {
        try {
            popularity.flushViews();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not write product views", e);
        }
    }

    @Schedule(minute = "*/10", hour = "*", persistent = false)
    void recompute() {
        try {
            int changed = popularity.recompute();
            LOG.fine(() -> "Popularity recomputed: " + changed + " product(s) changed");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not recompute popularity", e);
        }
    }
}
