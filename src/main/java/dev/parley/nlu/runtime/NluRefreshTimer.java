package dev.parley.nlu.runtime;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every two seconds, on every node: serve the live intent model version if it changed, rebuild the
 * entity vocabulary if the catalog changed, and read stored customer turns the NLU has not read yet. Polling the database keeps nodes stateless and needs no
 * cluster messaging; a promotion is served everywhere within one period.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class NluRefreshTimer {

    private static final Logger LOG = Logger.getLogger(NluRefreshTimer.class.getName());

    @Inject
    LiveIntentModel live;

    @Inject
    CatalogVocabulary vocabulary;

    @Inject
    FirstIntentModel first;

    @Inject
    dev.parley.nlu.review.TurnReviews reviews;

    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
    void poll() {
        try {
            if (live.current().isEmpty()) {
                first.ensureModel();
            } else {
                live.refresh();
                reviews.readUnread(200);
            }
            vocabulary.refresh();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "NLU refresh skipped", e);
        }
    }
}
