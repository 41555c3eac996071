package dev.parley.catalog;

/**
 * Stock of one variant.
 *
 * @param sku the variant
 * @param onHand units in the warehouse
 * @param reserved units held by open checkouts
 */
public record StockLevel(String sku, int onHand, int reserved) {

    /** Units a shopper can still buy. */
    public int available() {
        return onHand - reserved;
    }
}
