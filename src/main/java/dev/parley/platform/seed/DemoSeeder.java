package dev.parley.platform.seed;

import dev.parley.platform.ParleySettings;
import dev.parley.platform.persistence.SchemaMigration;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Seeds the demo store at start when {@code PARLEY_DEMO=true}, and the base data every shop starts from
 * ({@link DemoSeed#demoOnly()} false) in any mode. Each seed runs once per database and
 * only onto empty data; when two nodes start together the {@code seed_history} key lets one of them
 * seed and the other skip.
 *
 * <p>It starts after {@link dev.parley.catalog.search.CatalogIndexer}: a seed's catalog import fires
 * {@code CatalogChanged}, whose after-completion observer must find the index singleton already built. Were
 * the singleton first created there, its build would run in the completed transaction's context and fail.
 */
@Startup
@Singleton
@DependsOn({"SchemaMigration", "BootstrapAdmin", "CatalogIndexer"})
public class DemoSeeder {

    private static final Logger LOG = Logger.getLogger(DemoSeeder.class.getName());

    @Inject
    ParleySettings settings;

    @Inject
    SchemaMigration migration;

    @Inject
    Instance<DemoSeed> seeds;

    @Inject
    SeedRunner runner;

    @PostConstruct
    void seed() {
        if (!migration.migrated()) {
            return;
        }
        seeds.stream().filter(seed -> settings.demo() || !seed.demoOnly()).sorted(Comparator.comparingInt(DemoSeed::order)).forEach(seed -> {
            try {
                if (runner.runOnce(seed)) {
                    LOG.info(() -> "Demo seed '" + seed.name() + "' applied");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Demo seed ''{0}'' not applied here: {1}",
                        new Object[] {seed.name(), e.getMessage()});
            }
        });
    }
}
