package dev.parley.rules;

import dev.parley.platform.persistence.SchemaMigration;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads the live rules at start (after the demo seed published version 1 on a fresh demo store) and then,
 * every two seconds on every node, switches to whatever version the database says is live. Polling one row
 * keeps nodes stateless and needs no cluster messaging; a publish reaches every node within one period.
 */
@Startup
@Singleton
@DependsOn("DemoSeeder")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RulesStartup {

    private static final Logger LOG = Logger.getLogger(RulesStartup.class.getName());

    @Inject
    SchemaMigration migration;

    @Inject
    LiveRules live;

    @PostConstruct
    void start() {
        if (migration.migrated()) {
            poll();
        }
    }

    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
    void poll() {
        try {
            live.refresh();
        } catch (RuntimeException e) {
            LOG.log(live.version().isEmpty() ? Level.WARNING : Level.FINE, "Rules refresh failed", e);
        }
    }
}
