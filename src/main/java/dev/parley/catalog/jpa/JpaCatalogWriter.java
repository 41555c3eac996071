package dev.parley.catalog.jpa;

import dev.parley.catalog.ProductDraft;
import dev.parley.catalog.VariantDraft;
import dev.parley.catalog.imports.ImportError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
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

    /** Writes {@code draft}; with {@code importId}, stamps the product for a replace import. */
    public Written write(ProductDraft draft, String importId) {
        Instant now = Instant.now();
        ProductEntity product = em.createQuery("select p from ProductEntity p where p.handle = :h", ProductEntity.class)
                .setParameter("h", draft.handle()).getResultStream().findFirst().orElse(null);
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
                boolean changed = writeVariant(product, v, position, now);
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
        em.flush();
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

    private boolean writeVariant(ProductEntity product, VariantDraft d, int position, Instant now)
            throws VariantRejected {
        List<String> options = d.options();
        Optional<VariantEntity> sameOptions = product.variants.stream()
                .filter(v -> v.option1.equals(options.get(0)) && v.option2.equals(options.get(1))
                        && v.option3.equals(options.get(2)))
                .findFirst();
        String sku = d.sku() != null ? d.sku()
                : sameOptions.map(v -> v.sku).orElseGet(() -> generatedSku(product.handle, options));
        VariantEntity bySku = em.createQuery("select v from VariantEntity v where v.sku = :s", VariantEntity.class)
                .setParameter("s", sku).getResultStream().findFirst().orElse(null);
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

    /** Sets a product's title and description in {@code locale}; false if there is no such product. */
    public boolean putTranslation(String handle, String locale, String title, String description) {
        ProductEntity product = em.createQuery("select p from ProductEntity p where p.handle = :h", ProductEntity.class)
                .setParameter("h", handle).getResultStream().findFirst().orElse(null);
        if (product == null) {
            return false;
        }
        ProductTranslationEntity t = product.translations.stream().filter(x -> x.key.locale.equals(locale))
                .findFirst().orElse(null);
        if (t != null && Objects.equals(t.title, title) && Objects.equals(t.description, description)) {
            return true;
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
        return true;
    }
}
