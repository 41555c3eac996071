package dev.parley.catalog.jpa;

import dev.parley.catalog.ProductDraft;
import dev.parley.catalog.VariantDraft;
import dev.parley.catalog.imports.ImportError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes imported products: insert or update by handle, variants by SKU (or, without one, by options),
 * stock per variant. Unchanged rows are not touched, so importing the same file twice changes nothing.
 * Callers supply the transaction; a {@link ProductRejected} means nothing of that product may be kept.
 */
@ApplicationScoped
public class JpaCatalogWriter {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    /** What happened to one product. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    /**
     * The result of writing one product.
     *
     * @param outcome created, updated or unchanged
     * @param variants variants written (new, changed or unchanged)
     * @param errors variant rows that were rejected
     */
    public record Written(Outcome outcome, int variants, List<ImportError> errors) {
    }

    /** The whole product must be rejected, for the reasons given line by line. */
    public static final class ProductRejected extends RuntimeException {
        private final transient List<ImportError> errors;

        public ProductRejected(List<ImportError> errors) {
            super(errors.isEmpty() ? "rejected" : errors.get(0).message(), null, false, false);
            this.errors = List.copyOf(errors);
        }

        public List<ImportError> errors() {
            return errors;
        }
    }

    /**
     * Writes several products in the caller's transaction, loading the existing products and variants they
     * touch with two queries instead of one per row. A rejected product throws, so the caller can retry the
     * batch's products one by one.
     */
    public List<Written> writeAll(List<ProductDraft> drafts, String importId) {
        // Variants (with stock) first, so that the products' variant lists find them already loaded.
        List<String> skus = drafts.stream().flatMap(d -> d.variants().stream()).map(VariantDraft::sku)
                .filter(Objects::nonNull).distinct().toList();
        Map<String, VariantEntity> variants = new HashMap<>();
        if (!skus.isEmpty()) {
            for (VariantEntity v : em.createQuery("select v from VariantEntity v left join fetch v.inventory "
                    + "join fetch v.product where v.sku in :s", VariantEntity.class).setParameter("s", skus)
                    .setFlushMode(FlushModeType.COMMIT).getResultList()) {
                variants.put(v.sku, v);
            }
        }
        Map<String, ProductEntity> products = new HashMap<>();
        List<String> handles = drafts.stream().map(ProductDraft::handle).distinct().toList();
        for (ProductEntity p : em.createQuery("select distinct p from ProductEntity p left join fetch p.variants "
                + "where p.handle in :h", ProductEntity.class)
                .setParameter("h", handles).setFlushMode(FlushModeType.COMMIT).getResultList()) {
            products.put(p.handle, p);
        }
        List<Written> written = new ArrayList<>(drafts.size());
        for (ProductDraft draft : drafts) {
            written.add(write(draft, importId, products, variants));
        }
        em.flush();
        return written;
    }

    /** Writes one product (its own batch). */
    public Written write(ProductDraft draft, String importId) {
        List<Written> one = writeAll(List.of(draft), importId);
        return one.get(0);
    }

    private Written write(ProductDraft draft, String importId, Map<String, ProductEntity> products,
            Map<String, VariantEntity> variantsBySku) {
        Instant now = Instant.now();
        ProductEntity product = products.get(draft.handle());
        Outcome outcome;
        if (product == null) {
            if (draft.title() == null) {
                String message = "Product '" + draft.handle() + "' is new but its first row has no Title.";
                throw new ProductRejected(draft.variants().stream()
                        .map(v -> new ImportError(v.line(), message)).toList());
            }
            product = new ProductEntity();
            product.handle = draft.handle();
            product.createdAt = now;
            applyProduct(product, draft);
            product.updatedAt = now;
            em.persist(product);
            products.put(product.handle, product);
            outcome = Outcome.CREATED;
        } else {
            boolean changed = applyProduct(product, draft);
            outcome = changed ? Outcome.UPDATED : Outcome.UNCHANGED;
            if (changed) {
                product.updatedAt = now;
            }
        }
        if (importId != null) {
            product.lastImportId = importId;
        }
        List<ImportError> errors = new ArrayList<>();
        int written = 0;
        int position = product.variants.size();
        for (VariantDraft v : draft.variants()) {
            try {
                boolean changed = writeVariant(product, v, position, now, variantsBySku);
                written++;
                position++;
                if (changed && outcome == Outcome.UNCHANGED) {
                    outcome = Outcome.UPDATED;
                    product.updatedAt = now;
                }
            } catch (VariantRejected e) {
                errors.add(new ImportError(v.line(), e.getMessage()));
            }
        }
        if (written == 0 && outcome == Outcome.CREATED) {
            throw new ProductRejected(errors);
        }
        return new Written(outcome, written, errors);
    }

    /** Marks every active product this replace import did not name as archived; returns how many. */
    public int archiveAllExcept(String importId) {
        return em.createQuery("update ProductEntity p set p.status = 'archived', p.updatedAt = :now "
                        + "where p.status <> 'archived' and (p.lastImportId is null or p.lastImportId <> :id)")
                .setParameter("now", Instant.now()).setParameter("id", importId).executeUpdate();
    }

    /** Stamps an existing product (whose rows all failed) as present in a replace import. */
    public void markPresent(String handle, String importId) {
        em.createQuery("update ProductEntity p set p.lastImportId = :id where p.handle = :h")
                .setParameter("id", importId).setParameter("h", handle).executeUpdate();
    }

    private boolean applyProduct(ProductEntity p, ProductDraft d) {
        boolean changed = false;
        if (d.title() != null && !d.title().equals(p.title)) {
            p.title = truncate(d.title(), 512);
            changed = true;
        }
        if (d.title() == null) {
            return false;
        }
        changed |= !Objects.equals(p.bodyHtml, d.bodyHtml());
        p.bodyHtml = d.bodyHtml();
        changed |= !Objects.equals(p.vendor, d.vendor());
        p.vendor = truncate(d.vendor(), 255);
        changed |= !Objects.equals(p.productType, d.type());
        p.productType = truncate(d.type(), 255);
        changed |= !Objects.equals(p.category, d.category());
        p.category = truncate(d.category(), 512);
        changed |= !Objects.equals(p.gender, d.gender());
        p.gender = d.gender();
        String tags = String.join(", ", d.tags());
        String storedTags = truncate(tags.isEmpty() ? null : tags, 4000);
        changed |= !Objects.equals(p.tags, storedTags);
        p.tags = storedTags;
        if (!p.tagSet.equals(new java.util.HashSet<>(d.tags()))) {
            p.tagSet.clear();
            p.tagSet.addAll(d.tags());
            changed = true;
        }
        String o1 = option(d, 0);
        String o2 = option(d, 1);
        String o3 = option(d, 2);
        changed |= !Objects.equals(p.option1Name, o1) || !Objects.equals(p.option2Name, o2)
                || !Objects.equals(p.option3Name, o3);
        p.option1Name = o1;
        p.option2Name = o2;
        p.option3Name = o3;
        changed |= !Objects.equals(p.imageUrl, d.imageUrl());
        p.imageUrl = truncate(d.imageUrl(), 2048);
        changed |= !Objects.equals(p.status, d.status());
        p.status = d.status();
        return changed;
    }

    private boolean writeVariant(ProductEntity product, VariantDraft d, int position, Instant now,
            Map<String, VariantEntity> variantsBySku) throws VariantRejected {
        List<String> options = d.options();
        Optional<VariantEntity> sameOptions = product.variants.stream()
                .filter(v -> v.option1.equals(options.get(0)) && v.option2.equals(options.get(1))
                        && v.option3.equals(options.get(2)))
                .findFirst();
        String sku = d.sku() != null ? d.sku()
                : sameOptions.map(v -> v.sku).orElseGet(() -> generatedSku(product.handle, options));
        VariantEntity bySku = variantsBySku.get(sku);
        if (bySku == null && d.sku() == null && sameOptions.isEmpty()) {
            // a generated SKU may already exist (it was generated by an earlier import of this product)
            bySku = em.createQuery("select v from VariantEntity v where v.sku = :s", VariantEntity.class)
                    .setParameter("s", sku).setFlushMode(FlushModeType.COMMIT).getResultStream().findFirst()
                    .orElse(null);
        }
        if (bySku != null && bySku.product != product) {
            throw new VariantRejected("SKU " + sku + " already belongs to product '" + bySku.product.handle + "'.");
        }
        VariantEntity v = bySku != null ? bySku : sameOptions.orElse(null);
        if (v != null && bySku != null && sameOptions.isPresent() && sameOptions.get() != bySku) {
            throw new VariantRejected("SKU " + sku + " is on other options of '" + product.handle + "'.");
        }
        boolean changed = false;
        if (v == null) {
            v = new VariantEntity();
            v.product = product;
            v.createdAt = now;
            v.position = position;
            product.variants.add(v);
            changed = true;
        }
        variantsBySku.remove(v.sku == null ? "" : v.sku);
        variantsBySku.put(sku, v);
        changed |= !sku.equals(v.sku);
        v.sku = sku;
        changed |= !v.option1.equals(options.get(0)) || !v.option2.equals(options.get(1))
                || !v.option3.equals(options.get(2));
        v.option1 = options.get(0);
        v.option2 = options.get(1);
        v.option3 = options.get(2);
        changed |= v.price == null || v.price.compareTo(d.price()) != 0;
        v.price = d.price();
        changed |= !sameAmount(v.compareAtPrice, d.compareAtPrice());
        v.compareAtPrice = d.compareAtPrice();
        changed |= !Objects.equals(v.grams, d.grams()) || !Objects.equals(v.barcode, d.barcode())
                || !Objects.equals(v.imageUrl, d.imageUrl());
        v.grams = d.grams();
        v.barcode = truncate(d.barcode(), 64);
        v.imageUrl = truncate(d.imageUrl(), 2048);
        if (changed) {
            v.updatedAt = now;
        }
        if (v.inventory == null) {
            InventoryEntity stock = new InventoryEntity();
            stock.variant = v;
            stock.onHand = d.onHand() == null ? 0 : d.onHand();
            stock.updatedAt = now;
            v.inventory = stock;
            changed = true;
        } else if (d.onHand() != null && v.inventory.onHand != d.onHand()) {
            if (d.onHand() < v.inventory.reserved) {
                throw new VariantRejected("Stock " + d.onHand() + " for SKU " + sku + " is below the "
                        + v.inventory.reserved + " unit(s) reserved by open checkouts.");
            }
            v.inventory.onHand = d.onHand();
            v.inventory.updatedAt = now;
            changed = true;
        }
        return changed;
    }

    /** A stable SKU for a variant that has none: the handle and option values, shortened with a hash. */
    static String generatedSku(String handle, List<String> options) {
        StringBuilder base = new StringBuilder(handle);
        for (String o : options) {
            if (!o.isEmpty()) {
                base.append('-').append(o);
            }
        }
        String sku = base.toString().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "-").replaceAll("^-|-$", "");
        if (sku.length() <= 120) {
            return sku;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(base.toString().getBytes(StandardCharsets.UTF_8));
            return sku.substring(0, 111) + "-" + HexFormat.of().formatHex(digest, 0, 4).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String option(ProductDraft d, int i) {
        return i < d.optionNames().size() ? d.optionNames().get(i) : null;
    }

    private static boolean sameAmount(java.math.BigDecimal a, java.math.BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** A variant row that cannot be written. */
    private static final class VariantRejected extends Exception {
        VariantRejected(String message) {
            super(message, null, false, false);
        }
    }

    /** One localised title and description for the product with {@code handle}. */
    public record Translation(String handle, String locale, String title, String description) {
    }

    /** Writes translations; the result says, per translation, whether its product exists. */
    public List<Boolean> putTranslations(List<Translation> translations) {
        Map<String, ProductEntity> products = new HashMap<>();
        List<String> handles = translations.stream().map(Translation::handle).distinct().toList();
        for (ProductEntity p : em.createQuery("select distinct p from ProductEntity p left join fetch p.translations "
                + "where p.handle in :h", ProductEntity.class).setParameter("h", handles)
                .setFlushMode(FlushModeType.COMMIT).getResultList()) {
            products.put(p.handle, p);
        }
        List<Boolean> found = new ArrayList<>(translations.size());
        for (Translation t : translations) {
            ProductEntity product = products.get(t.handle());
            found.add(product != null);
            if (product != null) {
                putTranslation(product, t.locale(), t.title(), t.description());
            }
        }
        em.flush();
        return found;
    }

    private void putTranslation(ProductEntity product, String locale, String title, String description) {
        ProductTranslationEntity t = product.translations.stream().filter(x -> x.key.locale.equals(locale))
                .findFirst().orElse(null);
        if (t != null && Objects.equals(t.title, title) && Objects.equals(t.description, description)) {
            return;
        }
        if (t == null) {
            t = new ProductTranslationEntity();
            t.key.productId = product.id;
            t.key.locale = locale;
            t.product = product;
            product.translations.add(t);
        }
        t.title = truncate(title, 512);
        t.description = description;
        product.updatedAt = Instant.now();
    }
}
