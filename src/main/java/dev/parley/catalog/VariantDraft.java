package dev.parley.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * A variant as an import describes it.
 *
 * @param line the source line, for error reports
 * @param sku the SKU, or null when the source has none (one is generated from handle and options)
 * @param options option values in option order (size 3, '' for unused)
 * @param price price in the store currency
 * @param compareAtPrice former price when on sale, may be null
 * @param onHand units in stock, or null to leave stock as it is
 * @param grams weight, may be null
 * @param barcode may be null
 * @param imageUrl variant image, may be null
 */
public record VariantDraft(int line, String sku, List<String> options, BigDecimal price, BigDecimal compareAtPrice,
        Integer onHand, Integer grams, String barcode, String imageUrl) {

    public VariantDraft {
        options = List.copyOf(options);
    }
}
