package dev.parley.catalog;

import dev.parley.platform.Money;

/**
 * A product as a search result or chat carousel shows it (CONTRACT.md "products" item): one variant, its
 * price and stock.
 *
 * @param productId the product
 * @param sku the variant shown
 * @param title title in the shopper's language where translated
 * @param price the variant's price
 * @param compareAtPrice its former price when on sale, else null
 * @param inStock whether the variant can be bought now
 * @param imageUrl image, may be null
 * @param url product page, may be null
 */
public record ProductCard(long productId, String sku, String title, Money price, Money compareAtPrice,
        boolean inStock, String imageUrl, String url) {
}
