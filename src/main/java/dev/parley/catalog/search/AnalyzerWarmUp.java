package dev.parley.catalog.search;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads HanLP's dictionaries on a second thread as soon as the application deploys, while the schema is
 * migrated and the demo data seeded, so the first index build and the first Chinese query do not pay for
 * it (a few seconds of a start).
 */
@Startup
@Singleton
public class AnalyzerWarmUp {

    private static final Logger LOG = Logger.getLogger(AnalyzerWarmUp.class.getName());

    @Resource
    ManagedExecutorService executor;

    @PostConstruct
    void start() {
        executor.execute(() -> {
            long t = System.nanoTime();
            try (CatalogAnalyzer analyzer = CatalogAnalyzer.forIndexing()) {
                CachedTokens.of(analyzer, CatalogIndex.TEXT, "運動鞋 防水外套 waterproof running shoes 大衣");
                LOG.fine(() -> "Analyzer warmed up in " + (System.nanoTime() - t) / 1_000_000 + " ms");
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Analyzer warm-up failed; the first search will load it", e);
            }
        });
    }
}
