package dev.parley.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * A cart to price: SKUs and quantities, coupon codes entered (at most one applies), where and how it ships,
 * who is buying, and optionally the day to price it on (simulation; otherwise today in the store's zone).
 *
 * @param items the lines
 * @param coupons codes in the order entered, may be empty
 * @param destination shipping destination and method, null for the store's default (domestic, standard)
 * @param shopper the buyer, null for an anonymous first-time shopper
 * @param on the day to price on, null for today
 */
public record PricingRequest(List<Item> items, List<String> coupons, Destination destination, Shopper shopper,
        LocalDate on) {

    /** Most units of one SKU in a cart. */
    public static final int MAX_QUANTITY = 99;
    /** Most lines in a cart. */
    public static final int MAX_LINES = 100;

    public PricingRequest {
        items = items == null ? List.of() : List.copyOf(items);
        coupons = coupons == null ? List.of() : List.copyOf(coupons);
    }

    /**
     * A line.
     *
     * @param sku the variant SKU
     * @param quantity units, 1 to {@link #MAX_QUANTITY}
     */
    public record Item(String sku, int quantity) {
    }

    /**
     * Where and how to ship.
     *
     * @param country ISO 3166 alpha-2, null for the store's own country
     * @param postalCode postal code, may be null
     * @param method shipping method ({@code standard} when null)
     */
    public record Destination(String country, String postalCode, String method) {
    }

    /**
     * The buyer.
     *
     * @param key customer id or anonymous id (coupon usage is counted per key), may be null
     * @param tier membership tier, null for standard
     * @param firstOrder whether they have never ordered
     */
    public record Shopper(String key, String tier, boolean firstOrder) {

        /** An anonymous shopper we know nothing about: standard tier, no orders on record. */
        public static Shopper anonymous(String key) {
            return new Shopper(key, null, true);
        }
    }
}
