package dev.parley.catalog;

import dev.parley.catalog.imports.CatalogImporter;
import dev.parley.catalog.imports.ImportReport;
import dev.parley.catalog.imports.TranslationImporter;
import dev.parley.catalog.jpa.JpaCatalogReader;
import dev.parley.platform.seed.DemoSeed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * The demo store's catalog: {@code db/seed/demo-catalog.csv} (a Shopify export, imported by the same
 * importer shops use) and {@code db/seed/demo-catalog-i18n.csv} (zh-TW and zh-CN titles and descriptions).
 */
@ApplicationScoped
public class DemoCatalogSeed implements DemoSeed {

    static final String CATALOG = "db/seed/demo-catalog.csv";
    static final String TRANSLATIONS = "db/seed/demo-catalog-i18n.csv";

    private static final Logger LOG = Logger.getLogger(DemoCatalogSeed.class.getName());

    @Inject
    CatalogImporter importer;

    @Inject
    TranslationImporter translations;

    @Inject
    JpaCatalogReader reader;

    @Override
    public String name() {
        return "catalog";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public boolean targetIsEmpty() {
        return reader.summaries(CatalogFilter.all(), 0, 1).isEmpty();
    }

    @Override
    public void apply() {
        ImportReport products = importer.importShopifyCsv(resource(CATALOG), CatalogImporter.Mode.UPSERT);
        ImportReport texts = translations.importCsv(new InputStreamReader(resource(TRANSLATIONS),
                StandardCharsets.UTF_8));
        if (products.errorCount() + texts.errorCount() > 0) {
            LOG.warning(() -> "Demo catalog seeded with rejected lines: " + products.errors() + " " + texts.errors());
        }
    }

    private static InputStream resource(String name) {
        InputStream in = DemoCatalogSeed.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the WAR");
        }
        return in;
    }
}
