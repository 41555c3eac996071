package dev.parley.catalog.search;

/**
 * A product that satisfies the constraints, with the best variant that does.
 *
 * @param productId the product
 * @param sku its best-matching variant
 * @param score relevance (higher first)
 */
public record SearchHit(long productId, String sku, float score) {
}
