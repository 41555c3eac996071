package dev.parley.catalog.imports;

import dev.parley.catalog.jpa.JpaCatalogWriter;
import dev.parley.catalog.jpa.JpaCatalogWriter.ProductRejected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Imports a Shopify product CSV, streaming: only one batch of products is in memory at a time, so a file
 * of 100,000 variants never sits in memory whole. Products are written in batches of
 * {@value #BATCH_SIZE}, each batch in its own transaction; if a batch fails, its products are written
 * one by one so that one bad product costs only itself. A product is never half-written. Bad rows are
 * reported by line and skipped; good rows land.
 */
@ApplicationScoped
public class CatalogImporter {

    /** Products per transaction. */
    static final int BATCH_SIZE = 100;
    /** Rejected lines listed in a report; the count covers all of them. */
    public static final int MAX_REPORTED_ERRORS = 1000;

    private static final Logger LOG = Logger.getLogger(CatalogImporter.class.getName());

    /** How products absent from the file are treated. */
    public enum Mode {
        /** Add and update; leave other products alone. */
        UPSERT,
        /** Add and update, and archive every product the file does not name. */
        REPLACE
    }

    @Inject
    ImportBatch batches;

    @Inject
    Event<CatalogChanged> changed;

    /** Imports a Shopify product CSV (UTF-8, with or without BOM). */
    public ImportReport importShopifyCsv(InputStream csv, Mode mode) {
        return importFeed(new ShopifyProductCsv(utf8(csv)), mode);
    }

    /** Reads {@code in} as UTF-8, replacing undecodable bytes rather than failing. */
    public static Reader utf8(InputStream in) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new InputStreamReader(in, decoder);
    }

    /** Imports every product of {@code feed}, then closes it. */
    public ImportReport importFeed(ProductFeed feed, Mode mode) {
        return importFeed(feed, mode, (products, variants, errors) -> { });
    }

    /** Counts reported after each batch while an import runs. */
    @FunctionalInterface
    public interface Progress {
        void update(int products, int variants, int errorCount);
    }

    /** Imports every product of {@code feed}, reporting progress after each batch, then closes it. */
    public ImportReport importFeed(ProductFeed feed, Mode mode, Progress progress) {
        String importId = mode == Mode.REPLACE ? UUID.randomUUID().toString() : null;
        Tally tally = new Tally();
        try (ProductFeed file = feed) {
            List<ProductGroup> batch = new ArrayList<>(BATCH_SIZE);
            for (ProductGroup group = file.next(); group != null; group = file.next()) {
                tally.errors(file.drainStrayErrors());
                tally.errors(group.errors());
                if (group.draft() == null || group.draft().variants().isEmpty()) {
                    if (group.errors().isEmpty()) {
                        tally.error(new ImportError(group.firstLine(),
                                "Product '" + group.handle() + "' has no variant row with a price."));
                    }
                    if (importId != null) {
                        batches.markPresent(group.handle(), importId);
                    }
                    continue;
                }
                batch.add(group);
                if (batch.size() == BATCH_SIZE) {
                    write(batch, importId, tally);
                    batch.clear();
                    progress.update(tally.products, tally.variants, tally.errorCount);
                }
            }
            tally.errors(file.drainStrayErrors());
            write(batch, importId, tally);
        }
        int archived = importId == null ? 0 : batches.archiveAllExcept(importId);
        ImportReport report = tally.report(archived);
        LOG.info(() -> "Catalog import (" + mode.name().toLowerCase() + "): " + report.products() + " products, "
                + report.variants() + " variants, " + report.created() + " created, " + report.updated()
                + " updated, " + archived + " archived, " + report.errorCount() + " rejected line(s)");
        if (report.created() + report.updated() + archived > 0) {
            changed.fire(new CatalogChanged());
        }
        return report;
    }

    private void write(List<ProductGroup> batch, String importId, Tally tally) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<JpaCatalogWriter.Written> results = batches.write(batch, importId);
            results.forEach(tally::add);
        } catch (RuntimeException batchFailure) {
            for (ProductGroup group : batch) {
                try {
                    tally.add(batches.write(List.of(group), importId).get(0));
                } catch (RuntimeException e) {
                    ProductRejected rejected = rejection(e);
                    if (rejected != null && !rejected.errors().isEmpty()) {
                        tally.errors(rejected.errors());
                    } else if (rejected == null) {
                        LOG.log(Level.WARNING, "Product '" + group.handle() + "' could not be saved", e);
                        tally.error(new ImportError(group.firstLine(), "Product '" + group.handle()
                                + "' could not be saved: " + rootMessage(e)));
                    } else if (group.errors().isEmpty()) {
                        tally.error(new ImportError(group.firstLine(),
                                "Product '" + group.handle() + "' has no valid variant."));
                    }
                    if (importId != null) {
                        batches.markPresent(group.handle(), importId);
                    }
                }
            }
        }
    }

    private static ProductRejected rejection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProductRejected r) {
                return r;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    /** Counts while an import runs. */
    private static final class Tally {
        int products;
        int variants;
        int created;
        int updated;
        int unchanged;
        int errorCount;
        final List<ImportError> errors = new ArrayList<>();

        void add(JpaCatalogWriter.Written w) {
            products++;
            variants += w.variants();
            switch (w.outcome()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
            errors(w.errors());
        }

        void errors(List<ImportError> more) {
            more.forEach(this::error);
        }

        void error(ImportError e) {
            errorCount++;
            if (errors.size() < MAX_REPORTED_ERRORS) {
                errors.add(e);
            }
        }

        ImportReport report(int archived) {
            List<ImportError> sorted = errors.stream().sorted(Comparator.comparingInt(ImportError::line)).toList();
            return new ImportReport(products, variants, created, updated, unchanged, archived, sorted, errorCount);
        }
    }
}
