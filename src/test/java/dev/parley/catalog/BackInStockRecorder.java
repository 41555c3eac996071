package dev.parley.catalog;

import dev.parley.catalog.alerts.BackInStock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Deployed with the in-container tests: records every back-in-stock event the server fires. */
@ApplicationScoped
public class BackInStockRecorder {

    private final List<BackInStock> events = new CopyOnWriteArrayList<>();

    void record(@Observes(during = TransactionPhase.AFTER_SUCCESS) BackInStock event) {
        events.add(event);
    }

    /** Events for one alert. */
    public List<BackInStock> forAlert(String alertId) {
        return events.stream().filter(e -> e.alertId().equals(alertId)).toList();
    }
}
