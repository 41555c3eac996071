package dev.parley.catalog;

import dev.parley.platform.Money;
import java.util.List;
import java.util.Map;

/**
 * A product as shoppers see it, in one language.
 *
 * @param productId the catalog id
 * @param handle the shop's handle
 * @param title title in the requested language where translated, else the catalog's own
 * @param description description (HTML) in the same language, may be null
 * @param locale the language of title and description ({@code en}, {@code zh-TW}, {@code zh-CN})
 * @param type product type as imported
 * @param tags tags as imported
 * @param vendor brand
 * @param price the lowest variant price
 * @param compareAtPrice that variant's former price when on sale, else null
 * @param imageUrl main image, may be null
 * @param url the product page in the storefront, may be null
 * @param variants the variants
 */
public record ProductView(long productId, String handle, String title, String description, String locale,
        String type, List<String> tags, String vendor, Money price, Money compareAtPrice, String imageUrl, String url,
        List<Variant> variants) {

    /**
     * A purchasable variant.
     *
     * @param sku the SKU
     * @param options option name to value, in option order
     * @param price its price
     * @param compareAtPrice former price when on sale, else null
     * @param inStock whether at least one unit is available (on hand minus reserved)
     */
    public record Variant(String sku, Map<String, String> options, Money price, Money compareAtPrice,
            boolean inStock) {
    }
}
