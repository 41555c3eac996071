package dev.parley.rules.facts;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A saving a rule grants: which promotion or coupon, its reason in the shopper's words, the amount, and
 * the line it belongs to (null for a whole-cart saving). Stacking rules may withdraw it ({@link
 * #withdraw(String)}) with the clause that decided; withdrawn discounts stay visible to simulation.
 */
public final class Discount {

    /** Where a saving comes from. */
    public enum Source {
        PROMOTION, COUPON, MEMBER
    }

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final long id = SEQUENCE.incrementAndGet();
    private final String code;
    private final Source source;
    private final Text description;
    private final BigDecimal amount;
    private final String sku;
    private final String group;
    private final boolean exclusive;
    private boolean active = true;
    private String withdrawnBecause;

    private Discount(String code, Source source, Text description, BigDecimal amount, String sku, String group,
            boolean exclusive) {
        this.code = code;
        this.source = source;
        this.description = description;
        this.amount = Amounts.atLeastZero(amount);
        this.sku = sku;
        this.group = group;
        this.exclusive = exclusive;
    }

    /** A promotion's saving on one line. */
    public static Discount onLine(Promotion p, CartLine line, BigDecimal amount) {
        return new Discount(p.getCode(), p.getKind() == Promotion.Kind.MEMBER_PRICE ? Source.MEMBER : Source.PROMOTION,
                p.getDescription(), amount.min(line.getLineTotal()), line.getSku(), p.getGroup(), p.isExclusive());
    }

    /** A promotion's saving on the whole cart. */
    public static Discount onCart(Promotion p, BigDecimal amount) {
        return new Discount(p.getCode(), p.getKind() == Promotion.Kind.MEMBER_PRICE ? Source.MEMBER : Source.PROMOTION,
                p.getDescription(), amount, null, p.getGroup(), p.isExclusive());
    }

    /** A coupon's saving on the whole cart. */
    public static Discount coupon(CouponOffer offer, BigDecimal amount) {
        return new Discount(offer.getCode(), Source.COUPON, offer.getDescription(), amount, null, "coupon",
                offer.isExclusive());
    }

    /** Withdraws the saving; {@code clause} names the stacking rule that decided. */
    public void withdraw(String clause) {
        this.active = false;
        this.withdrawnBecause = clause;
    }

    public long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public Source getSource() {
        return source;
    }

    public Text getDescription() {
        return description;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getSku() {
        return sku;
    }

    public String getGroup() {
        return group;
    }

    public boolean isExclusive() {
        return exclusive;
    }

    public boolean isActive() {
        return active;
    }

    public String getWithdrawnBecause() {
        return withdrawnBecause;
    }

    @Override
    public String toString() {
        return "Discount[" + code + " " + amount + (sku == null ? "" : " on " + sku) + (active ? "" : " withdrawn") + "]";
    }
}
