package dev.parley.nlu.runtime;

import dev.parley.platform.DomainException;
import dev.parley.platform.persistence.SchemaMigration;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At start: serve the live intent model at once, or, when no version is live yet (a fresh database, or the
 * first run died with its node), start training the first one from the stored training examples. Readiness
 * stays down until a model is served ({@link IntentModelReadiness}).
 */
@Startup
@Singleton
@DependsOn("DemoSeeder")
public class FirstIntentModel {

    /** Who starts the first run. */
    public static final String SYSTEM = "system";
    private static final Logger LOG = Logger.getLogger(FirstIntentModel.class.getName());

    @Inject
    SchemaMigration migration;

    @Inject
    ModelVersions versions;

    @Inject
    LiveIntentModel live;

    @Inject
    IntentTraining training;

    @Inject
    CatalogVocabulary vocabulary;

    @PostConstruct
    void start() {
        if (!migration.migrated()) {
            return;
        }
        try {
            vocabulary.refresh();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read the catalog vocabulary", e);
        }
        ensureModel();
    }

    /**
     * Serves the live version, or starts training one when none is live and no run is alive on any node.
     * Also called by the refresh timer while this node serves no model, so a first run that died with its
     * node is started again.
     */
    public void ensureModel() {
        try {
            if (live.refresh().isPresent() || versions.liveOrTraining()) {
                return;
            }
            training.start(SYSTEM);
        } catch (DomainException e) {
            // Another node is training the first model, or there is nothing to train on yet.
            LOG.info(() -> "No first intent model started here: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not start the intent model", e);
        }
    }
}
