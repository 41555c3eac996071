package dev.parley.catalog.search;

import dev.parley.catalog.imports.CatalogChanged;
import dev.parley.catalog.jpa.JpaSearchSource;
import dev.parley.platform.persistence.SchemaMigration;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps this node's search index equal to the database. At start it indexes every active product; then,
 * every two seconds (and at once after a local import), it re-indexes the products whose rows, variants or
 * stock changed since the last look — whichever node changed them. No messaging is needed: the database
 * is the one source, so a node that missed nothing and a node that just joined converge the same way.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class CatalogIndexer {

    /** Changes are looked for this far before the last look, to absorb clock differences between nodes. */
    static final Duration OVERLAP = Duration.ofSeconds(10);
    static final int PAGE = 500;

    private static final Logger LOG = Logger.getLogger(CatalogIndexer.class.getName());

    @Inject
    JpaSearchSource source;

    @Inject
    SchemaMigration migration;

    private final CatalogIndex index = new CatalogIndex();
    /** Latest change already indexed per recently changed product, so the overlap does not re-index it. */
    private final Map<Long, Instant> indexedChange = new HashMap<>();
    private volatile boolean built;
    private volatile Instant lastLook = Instant.EPOCH;
    private volatile long rebuildMillis = -1;

    @PostConstruct
    void build() {
        if (!migration.migrated()) {
            return;
        }
        rebuild();
    }

    /** Re-reads the whole catalog. */
    public synchronized void rebuild() {
        long start = System.nanoTime();
        Instant look = Instant.now();
        // Changes stamped before the pages are read are in what the build reads: remembering them keeps the
        // first refresh's overlap window from indexing them all again.
        Map<Long, Instant> seen = source.changedSince(look.minus(OVERLAP));
        index.clear();
        int products = 0;
        long after = 0;
        for (List<Long> ids = source.productIds(after, PAGE); !ids.isEmpty(); ids = source.productIds(after, PAGE)) {
            List<IndexedProduct> page = source.load(ids);
            index.write(page, List.of());
            products += page.size();
            after = ids.get(ids.size() - 1);
        }
        index.refresh();
        lastLook = look;
        indexedChange.clear();
        indexedChange.putAll(seen);
        built = true;
        rebuildMillis = (System.nanoTime() - start) / 1_000_000;
        int indexed = products;
        LOG.info(() -> "Catalog search index built: " + indexed + " products, " + index.variantCount()
                + " variants in " + rebuildMillis + " ms");
    }

    /** Re-indexes what changed since the last look. */
    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
    public void refresh() {
        if (!built) {
            return;
        }
        try {
            refreshChanged();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Catalog index refresh failed; will retry: {0}", e.getMessage());
        }
    }

    /** After a local import commits, refresh at once rather than at the next tick. */
    public void onLocalChange(@Observes(during = TransactionPhase.AFTER_COMPLETION) CatalogChanged change) {
        refresh();
    }

    synchronized void refreshChanged() {
        Instant look = Instant.now();
        long start = System.nanoTime();
        Instant since = lastLook.minus(OVERLAP);
        indexedChange.values().removeIf(at -> at.isBefore(since));
        Map<Long, Instant> stamps = source.changedSince(since);
        Set<Long> changed = new HashSet<>();
        stamps.forEach((id, at) -> {
            Instant done = indexedChange.get(id);
            if (done == null || at.isAfter(done)) {
                changed.add(id);
            }
        });
        if (!changed.isEmpty()) {
            List<Long> ids = List.copyOf(changed);
            for (int i = 0; i < ids.size(); i += PAGE) {
                List<Long> page = ids.subList(i, Math.min(ids.size(), i + PAGE));
                List<IndexedProduct> active = source.load(page);
                Set<Long> inactive = new HashSet<>(page);
                active.forEach(p -> inactive.remove(p.productId()));
                index.put(active, inactive);
            }
            changed.forEach(id -> indexedChange.put(id, stamps.get(id)));
            long ms = (System.nanoTime() - start) / 1_000_000;
            LOG.log(changed.size() >= 50 ? Level.INFO : Level.FINE,
                    () -> "Catalog search index: re-indexed " + changed.size() + " product(s) in " + ms + " ms");
        }
        lastLook = look;
    }

    /** Whether the index has been built on this node. */
    public boolean built() {
        return built;
    }

    /** Variant documents in the index. */
    public int variantCount() {
        return index.variantCount();
    }

    /** How long the last full build took, or -1. */
    public long rebuildMillis() {
        return rebuildMillis;
    }

    /** Searches this node's index. */
    public List<SearchHit> search(SearchConstraints constraints) {
        return index.search(constraints);
    }

    /** In-stock products like the one with {@code productId} (see {@link CatalogIndex#similar}). */
    public List<SearchHit> similar(long productId, java.util.Set<String> sizes, int limit) {
        List<IndexedProduct> product = source.load(List.of(productId));
        return product.isEmpty() ? List.of() : index.similar(product.get(0), sizes, limit);
    }

    @PreDestroy
    void close() {
        index.close();
    }
}
