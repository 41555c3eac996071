package dev.parley.rules.facts;

/**
 * Why an entered coupon does not apply: the clause ({@code coupon.expired}, {@code coupon.minimum-spend},
 * …) and the shopper-facing reason. The first rejection by clause order is the one the shopper hears.
 */
public final class CouponRejection {

    private final String code;
    private final String clause;
    private final Text reason;

    public CouponRejection(CouponEntry entry, String clause, Text reason) {
        this.code = entry.getCode();
        this.clause = clause;
        this.reason = reason;
    }

    public String getCode() {
        return code;
    }

    public String getClause() {
        return clause;
    }

    public Text getReason() {
        return reason;
    }

    @Override
    public String toString() {
        return "CouponRejection[" + code + " " + clause + "]";
    }
}
