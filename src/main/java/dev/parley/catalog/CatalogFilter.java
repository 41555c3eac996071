package dev.parley.catalog;

import java.util.Locale;

/**
 * What an admin catalog list shows: every field optional.
 *
 * @param text part of the title, handle or a variant's SKU
 * @param type exact product type
 * @param vendor exact brand
 * @param status active, draft or archived
 * @param stock {@code in-stock} (something available), {@code sold-out} (nothing available) or
 *     {@code partly-sold-out} (some variants sold out)
 */
public record CatalogFilter(String text, String type, String vendor, String status, String stock) {

    /** Blank fields become null; text is trimmed. */
    public CatalogFilter {
        text = blankToNull(text);
        type = blankToNull(type);
        vendor = blankToNull(vendor);
        status = blankToNull(status);
        stock = blankToNull(stock);
        if (stock != null) {
            stock = stock.toLowerCase(Locale.ROOT);
        }
    }

    /** No filter: every product. */
    public static CatalogFilter all() {
        return new CatalogFilter(null, null, null, null, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
