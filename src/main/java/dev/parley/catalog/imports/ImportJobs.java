package dev.parley.catalog.imports;

import dev.parley.catalog.jpa.JpaImportJobs;
import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import dev.parley.platform.store.StoreProfiles;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * Catalog imports that run in the background: the upload is spooled to a temporary file on this node, the
 * import runs on the container's managed executor, and its progress (bytes read, products, rejected lines)
 * is written to {@code import_job} at most every {@value #PROGRESS_EVERY_MS} ms, so the admin page on any
 * node can show a progress bar and, at the end, the per-line report.
 */
@ApplicationScoped
public class ImportJobs {

    static final long PROGRESS_EVERY_MS = 500;
    private static final Logger LOG = Logger.getLogger(ImportJobs.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    JpaImportJobs jobs;

    @Inject
    CatalogImporter importer;

    @Inject
    TranslationImporter translations;

    @Inject
    StoreProfiles store;

    /**
     * Spools {@code upload} to a temporary file and starts importing it; returns the queued job at once.
     * Mode applies to product files only.
     */
    public ImportJob start(ImportFormat format, CatalogImporter.Mode mode, String fileName, InputStream upload,
            String startedBy) {
        Path file;
        try {
            file = Files.createTempFile("parley-import-", ".upload");
            Files.copy(upload, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the uploaded file", e);
        }
        return start(format, mode, fileName, file, startedBy);
    }

    /** Starts importing {@code file}, which this service deletes when the import ends. */
    public ImportJob start(ImportFormat format, CatalogImporter.Mode mode, String fileName, Path file,
            String startedBy) {
        String id = UUID.randomUUID().toString();
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw new DomainException(Kind.INVALID, "empty-file", "The file is empty.");
            }
            jobs.create(id, format.code(), mode.name().toLowerCase(java.util.Locale.ROOT), fileName, size,
                    startedBy, ManagementFactory.getRuntimeMXBean().getName());
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
        executor.execute(() -> run(id, format, mode, file));
        return find(id);
    }

    /** A job by id; 404 when there is none. */
    public ImportJob find(String id) {
        return jobs.find(id).orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "import-job-not-found",
                "No import job '" + id + "'."));
    }

    /** The newest jobs first, without their reports. */
    public List<ImportJob> recent(int limit) {
        return jobs.recent(Math.min(Math.max(limit, 1), 100));
    }

    private void run(String id, ImportFormat format, CatalogImporter.Mode mode, Path file) {
        Tracker tracker = new Tracker(id);
        try (InputStream raw = Files.newInputStream(file)) {
            BoundedInputStream counted = BoundedInputStream.builder().setInputStream(raw)
                    .setOnMaxCount(null).get();
            InputStream in = new java.io.FilterInputStream(counted) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    tracker.bytes(counted.getCount());
                    return n;
                }
            };
            jobs.progress(id, 0, 0, 0, 0);
            ImportReport report = switch (format) {
                case SHOPIFY_CSV -> importer.importFeed(new ShopifyProductCsv(CatalogImporter.utf8(in)), mode,
                        tracker::counts);
                case MERCHANT_TSV -> importer.importFeed(new GoogleMerchantFeed(CatalogImporter.utf8(in),
                        store.current().currency().getCurrencyCode()), mode, tracker::counts);
                case TRANSLATIONS_CSV -> translations.importCsv(CatalogImporter.utf8(in));
            };
            jobs.done(id, report);
        } catch (DomainException e) {
            jobs.failed(id, e.getMessage());
        } catch (RuntimeException | IOException | Error e) {
            LOG.log(Level.WARNING, "Import job " + id + " failed", e);
            jobs.failed(id, "The import stopped: " + e);
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.FINE, "Could not delete " + file, e);
        }
    }

    /** Collects progress on the importing thread and writes it at most every PROGRESS_EVERY_MS. */
    private final class Tracker {
        final String id;
        long bytes;
        int products;
        int variants;
        int errors;
        long lastWrite = System.nanoTime();

        Tracker(String id) {
            this.id = id;
        }

        void bytes(long count) {
            bytes = count;
            maybeWrite();
        }

        void counts(int products, int variants, int errors) {
            this.products = products;
            this.variants = variants;
            this.errors = errors;
            maybeWrite();
        }

        void maybeWrite() {
            long now = System.nanoTime();
            if (now - lastWrite >= PROGRESS_EVERY_MS * 1_000_000) {
                lastWrite = now;
                jobs.progress(id, bytes, products, variants, errors);
            }
        }
    }
}
