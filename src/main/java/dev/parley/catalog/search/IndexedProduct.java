package dev.parley.catalog.search;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What the search index knows of one active product.
 *
 * @param productId catalog id
 * @param titles the title in every language the catalog has (original first)
 * @param descriptions descriptions (plain text) in every language the catalog has
 * @param vendor brand, may be null
 * @param type product type, may be null
 * @param gender male, female, unisex or null
 * @param tags tags
 * @param popularity higher ranks first among equals
 * @param variants its variants
 */
public record IndexedProduct(long productId, List<String> titles, List<String> descriptions, String vendor, String type, String gender,
        List<String> tags, int popularity, List<Variant> variants) {

    /**
     * One variant.
     *
     * @param sku the SKU
     * @param options option name to value
     * @param price price in the store currency
     * @param available units available now
     */
    public record Variant(String sku, Map<String, String> options, BigDecimal price, int available) {
    }
}
