package dev.parley.catalog;

import dev.parley.catalog.jpa.JpaCatalogReader;
import dev.parley.platform.store.StoreProfiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Read access to the catalog for the rest of the system. Archived products are never returned. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Catalog {

    @Inject
    JpaCatalogReader reader;

    @Inject
    StoreProfiles store;

    /** The active product with this id, in the best of the shopper's languages. */
    public Optional<ProductView> product(long productId, List<Locale> acceptable) {
        var profile = store.current();
        return reader.product(productId, profile.currency(), localeFor(acceptable, profile.defaultLocale()),
                profile.storefrontUrl());
    }

    /** Cards for search hits, in their order, built with two queries (not one per product). */
    public List<ProductCard> cards(List<Map.Entry<Long, String>> productAndSku, List<Locale> acceptable) {
        var profile = store.current();
        return reader.cards(productAndSku, profile.currency(), localeFor(acceptable, profile.defaultLocale()),
                profile.storefrontUrl());
    }

    /** Pricing facts for SKUs of active products, by SKU; unknown and archived SKUs are absent. */
    public Map<String, PricedItem> pricedItems(java.util.Collection<String> skus, String locale) {
        var profile = store.current();
        return reader.pricedItems(skus, profile.currency(), locale == null ? profile.defaultLocale() : locale);
    }

    /**
     * The assistant's language for a list of acceptable locales: Traditional Chinese for zh-TW, zh-HK,
     * zh-Hant; Simplified for zh-CN, zh-SG, zh-Hans; English for en; the first that matches wins.
     */
    static String localeFor(List<Locale> acceptable, String fallback) {
        for (Locale l : acceptable) {
            String lang = l.getLanguage();
            if (lang.equals("en")) {
                return "en";
            }
            if (lang.equals("zh")) {
                String script = l.getScript();
                String country = l.getCountry();
                if (script.equals("Hans") || country.equals("CN") || country.equals("SG")) {
                    return "zh-CN";
                }
                if (script.equals("Hant") || country.equals("TW") || country.equals("HK") || country.equals("MO")) {
                    return "zh-TW";
                }
                return fallback.startsWith("zh") ? fallback : "zh-TW";
            }
        }
        return fallback;
    }

    /** Products for admin lists: the one with {@code handle}, or a page of all, newest first. */
    public List<ProductSummary> summaries(String handle, int offset, int limit) {
        return reader.summaries(handle == null || handle.isBlank() ? null : handle.strip(), Math.max(0, offset),
                Math.min(Math.max(1, limit), 200));
    }

    /** A page of products matching {@code filter} for admin lists, newest first. */
    public List<ProductSummary> summaries(CatalogFilter filter, int offset, int limit) {
        return reader.summaries(filter, Math.max(0, offset), Math.min(Math.max(1, limit), 200));
    }

    /** How many products match {@code filter}. */
    public long count(CatalogFilter filter) {
        return reader.count(filter);
    }

    /** Product types in use, sorted. */
    public List<String> types() {
        return reader.distinct("type");
    }

    /** Brands in use, sorted. */
    public List<String> vendors() {
        return reader.distinct("vendor");
    }

    /** Everything about a product for staff; 404 when there is none. */
    public AdminProduct adminProduct(long productId) {
        return reader.adminProduct(productId).orElseThrow(() -> new dev.parley.platform.DomainException(
                dev.parley.platform.DomainException.Kind.NOT_FOUND, "product-not-found",
                "No product with id " + productId + "."));
    }
}
