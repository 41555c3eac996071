package dev.parley.rules.facts;

import java.math.BigDecimal;

/** The shipping fee and delivery time for the cart; a free-shipping rule may waive the fee with its reason. */
public final class ShippingQuote {

    private final ShippingRate rate;
    private BigDecimal fee;
    private Text waivedBecause;

    public ShippingQuote(ShippingRate rate) {
        this.rate = rate;
        this.fee = rate.getFee();
    }

    /** Waives the fee, saying why. */
    public void waive(Text reason) {
        this.fee = Amounts.of(0);
        this.waivedBecause = reason;
    }

    public ShippingRate getRate() {
        return rate;
    }

    public String getRegion() {
        return rate.getRegion();
    }

    public String getMethod() {
        return rate.getMethod();
    }

    public BigDecimal getFee() {
        return fee;
    }

    public boolean isFree() {
        return waivedBecause != null || fee.signum() == 0;
    }

    public Text getWaivedBecause() {
        return waivedBecause;
    }

    @Override
    public String toString() {
        return "ShippingQuote[" + rate.getRegion() + " " + rate.getMethod() + " " + fee + "]";
    }
}
