package dev.parley.rules.facts;

/**
 * A coupon code the shopper entered, with how often it has been used (by this customer and by everyone),
 * read from the order history before evaluation. {@code position} is the order of entry (0 first).
 */
public final class CouponEntry {

    private final String code;
    private final int position;
    private final int usedByCustomer;
    private final int usedOverall;

    public CouponEntry(String code, int position, int usedByCustomer, int usedOverall) {
        this.code = CouponOffer.normalise(code);
        this.position = position;
        this.usedByCustomer = usedByCustomer;
        this.usedOverall = usedOverall;
    }

    public String getCode() {
        return code;
    }

    public int getPosition() {
        return position;
    }

    public int getUsedByCustomer() {
        return usedByCustomer;
    }

    public int getUsedOverall() {
        return usedOverall;
    }

    @Override
    public String toString() {
        return "CouponEntry[" + code + "]";
    }
}
