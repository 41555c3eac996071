package dev.parley.catalog.search;

import java.math.BigDecimal;
import java.util.Set;

/**
 * Everything a shopper asked for. A result satisfies every non-empty constraint; the variant-level ones
 * (price, colours, sizes, in stock) are all met by one and the same variant.
 *
 * @param text free words (matched in titles, descriptions, tags, types and brands, in any language); every
 *     word must match
 * @param types product types, any of them (canonical English, e.g. {@code coat})
 * @param attributes tags that must all be present (e.g. {@code waterproof}, {@code winter})
 * @param brands vendors, any of them (case-insensitive)
 * @param gender {@code male} or {@code female} (unisex products qualify too), or null
 * @param colors colours, any of them (canonical English)
 * @param sizes sizes, any of them (normalised: {@code M}, {@code 9}, {@code XL})
 * @param priceMin lowest price, inclusive, or null
 * @param priceMax highest price, inclusive, or null
 * @param inStockOnly only variants with units available
 * @param limit most products to return
 */
public record SearchConstraints(String text, Set<String> types, Set<String> attributes, Set<String> brands,
        String gender, Set<String> colors, Set<String> sizes, BigDecimal priceMin, BigDecimal priceMax,
        boolean inStockOnly, int limit) {

    public SearchConstraints {
        types = types == null ? Set.of() : Set.copyOf(types);
        attributes = attributes == null ? Set.of() : Set.copyOf(attributes);
        brands = brands == null ? Set.of() : Set.copyOf(brands);
        colors = colors == null ? Set.of() : Set.copyOf(colors);
        sizes = sizes == null ? Set.of() : Set.copyOf(sizes);
        limit = limit <= 0 ? 20 : Math.min(limit, 1000);
    }

    /** A fresh, empty set of constraints to build on. */
    public static SearchConstraints none() {
        return new SearchConstraints(null, null, null, null, null, null, null, null, null, false, 20);
    }

    public SearchConstraints withText(String t) {
        return new SearchConstraints(t, types, attributes, brands, gender, colors, sizes, priceMin, priceMax,
                inStockOnly, limit);
    }

    public SearchConstraints withTypes(Set<String> t) {
        return new SearchConstraints(text, t, attributes, brands, gender, colors, sizes, priceMin, priceMax,
                inStockOnly, limit);
    }

    public SearchConstraints withAttributes(Set<String> a) {
        return new SearchConstraints(text, types, a, brands, gender, colors, sizes, priceMin, priceMax,
                inStockOnly, limit);
    }

    public SearchConstraints withColors(Set<String> c) {
        return new SearchConstraints(text, types, attributes, brands, gender, c, sizes, priceMin, priceMax,
                inStockOnly, limit);
    }

    public SearchConstraints withSizes(Set<String> s) {
        return new SearchConstraints(text, types, attributes, brands, gender, colors, s, priceMin, priceMax,
                inStockOnly, limit);
    }

    public SearchConstraints withPrice(BigDecimal min, BigDecimal max) {
        return new SearchConstraints(text, types, attributes, brands, gender, colors, sizes, min, max,
                inStockOnly, limit);
    }

    public SearchConstraints inStock(boolean only) {
        return new SearchConstraints(text, types, attributes, brands, gender, colors, sizes, priceMin, priceMax,
                only, limit);
    }

    public SearchConstraints withGender(String g) {
        return new SearchConstraints(text, types, attributes, brands, g, colors, sizes, priceMin, priceMax,
                inStockOnly, limit);
    }

    public SearchConstraints withBrands(Set<String> b) {
        return new SearchConstraints(text, types, attributes, b, gender, colors, sizes, priceMin, priceMax,
                inStockOnly, limit);
    }

    public SearchConstraints withLimit(int l) {
        return new SearchConstraints(text, types, attributes, brands, gender, colors, sizes, priceMin, priceMax,
                inStockOnly, l);
    }
}
