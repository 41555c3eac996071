package dev.parley.rules.facts;

import java.math.BigDecimal;

/** A shipping method's fee and delivery time to a region, declared by a rule. */
public final class ShippingRate {

    private final String region;
    private final String method;
    private final BigDecimal fee;
    private final int etaMinDays;
    private final int etaMaxDays;
    private final Text name;

    public ShippingRate(String region, String method, Object fee, int etaMinDays, int etaMaxDays, Text name) {
        if (etaMinDays < 0 || etaMaxDays < etaMinDays) {
            throw new IllegalArgumentException("Delivery days must be 0 or more, the lower bound first");
        }
        this.region = region;
        this.method = method;
        this.fee = Amounts.of(fee);
        this.etaMinDays = etaMinDays;
        this.etaMaxDays = etaMaxDays;
        this.name = name;
    }

    public String getRegion() {
        return region;
    }

    public String getMethod() {
        return method;
    }

    public BigDecimal getFee() {
        return fee;
    }

    public int getEtaMinDays() {
        return etaMinDays;
    }

    public int getEtaMaxDays() {
        return etaMaxDays;
    }

    public Text getName() {
        return name;
    }

    @Override
    public String toString() {
        return "ShippingRate[" + region + " " + method + " " + fee + "]";
    }
}
