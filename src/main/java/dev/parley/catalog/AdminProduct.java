package dev.parley.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A product as the shop's staff see it: every field, every variant with its stock, every translation.
 *
 * @param productId the catalog id
 * @param handle the shop's handle
 * @param title title in the catalog's own language
 * @param bodyHtml description (HTML), may be null
 * @param vendor brand, may be null
 * @param type product type, may be null
 * @param category taxonomy path, may be null
 * @param gender male, female, unisex or null
 * @param tags tags
 * @param optionNames names of the options in use
 * @param imageUrl main image, may be null
 * @param status active, draft or archived
 * @param popularity ranking signal (recent sales)
 * @param updatedAt last change
 * @param translations locale to title
 * @param variants the variants with their stock
 */
public record AdminProduct(long productId, String handle, String title, String bodyHtml, String vendor, String type,
        String category, String gender, List<String> tags, List<String> optionNames, String imageUrl, String status,
        int popularity, Instant updatedAt, Map<String, String> translations, List<Variant> variants) implements java.io.Serializable {

    /** Tags, comma-separated, for display. */
    public String tagsLabel() {
        return String.join(", ", tags);
    }

    /** Option names joined with " / ", for display. */
    public String optionsLabel() {
        return String.join(" / ", optionNames);
    }

    /** The translations as a list, for display. */
    public List<Map.Entry<String, String>> translationList() {
        return List.copyOf(translations.entrySet());
    }

    /**
     * A variant and its stock.
     *
     * @param sku the SKU
     * @param options option values in use, joined with " / "
     * @param price price
     * @param compareAtPrice former price when on sale, else null
     * @param onHand units on hand
     * @param reserved units held by open checkouts
     */
    public record Variant(String sku, String options, BigDecimal price, BigDecimal compareAtPrice, int onHand,
            int reserved) implements java.io.Serializable {

        /** Units a shopper can buy now. */
        public int available() {
            return onHand - reserved;
        }
    }
}
