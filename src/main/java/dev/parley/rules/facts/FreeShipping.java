package dev.parley.rules.facts;

import java.math.BigDecimal;

/**
 * Free shipping for a region and method once the merchandise subtotal after discounts reaches a
 * threshold, declared by a rule.
 */
public final class FreeShipping {

    private final String region;
    private final String method;
    private final BigDecimal threshold;
    private final Text description;

    public FreeShipping(String region, String method, Object threshold, Text description) {
        this.region = region;
        this.method = method;
        this.threshold = Amounts.of(threshold);
        this.description = description;
    }

    public String getRegion() {
        return region;
    }

    public String getMethod() {
        return method;
    }

    public BigDecimal getThreshold() {
        return threshold;
    }

    public Text getDescription() {
        return description;
    }

    @Override
    public String toString() {
        return "FreeShipping[" + region + " " + method + " from " + threshold + "]";
    }
}
