package dev.parley.catalog;

import dev.parley.platform.Money;
import java.util.List;

/**
 * What pricing needs to know about a variant: its product's handle, title (in the shopper's language where
 * translated), type, vendor and tags, and the variant's catalog price.
 *
 * @param sku the variant SKU
 * @param productId the product id
 * @param handle the product handle
 * @param title the product title
 * @param type the product type (the rules' category)
 * @param vendor the vendor (the rules' brand)
 * @param tags the product's tags
 * @param options the variant's option values in order, e.g. [M, black]
 * @param price the variant price
 */
public record PricedItem(String sku, long productId, String handle, String title, String type, String vendor,
        List<String> tags, List<String> options, Money price) {
}
