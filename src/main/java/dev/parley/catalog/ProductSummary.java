package dev.parley.catalog;

import java.math.BigDecimal;

/**
 * A catalog row for admin lists.
 *
 * @param productId the catalog id
 * @param handle the shop's handle
 * @param title title in the catalog's own language
 * @param type product type
 * @param vendor brand
 * @param status active, draft or archived
 * @param variants number of variants
 * @param available units available over all variants (on hand minus reserved)
 * @param imageUrl main image, may be null
 * @param minPrice lowest variant price in the store currency, null without variants
 * @param maxPrice highest variant price, null without variants
 * @param soldOutVariants variants with nothing available
 */
public record ProductSummary(long productId, String handle, String title, String type, String vendor, String status,
        int variants, long available, String imageUrl, BigDecimal minPrice, BigDecimal maxPrice,
        int soldOutVariants) {
}
