package dev.parley.rules.facts;

import java.util.Locale;

/**
 * The shopper the cart belongs to: a stable key (customer id or anonymous id), membership tier
 * ({@code standard}, {@code silver}, {@code gold}, as the shop names them), whether they have never ordered,
 * and their shipping region when known.
 */
public final class Customer {

    private final String key;
    private final String tier;
    private final boolean firstOrder;
    private final String region;

    public Customer(String key, String tier, boolean firstOrder, String region) {
        this.key = key;
        this.tier = tier == null ? "standard" : tier.strip().toLowerCase(Locale.ROOT);
        this.firstOrder = firstOrder;
        this.region = region;
    }

    public String getKey() {
        return key;
    }

    public String getTier() {
        return tier;
    }

    public boolean isFirstOrder() {
        return firstOrder;
    }

    public String getRegion() {
        return region;
    }

    @Override
    public String toString() {
        return "Customer[" + tier + (firstOrder ? ", first order" : "") + "]";
    }
}
