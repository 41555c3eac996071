package dev.parley.rules.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A coupon code the shop honours, declared by a rule: its value (percent or amount off the merchandise
 * subtotal), dates, minimum spend, usage limits per customer and overall, first-order only, whether it
 * combines with promotions, and whether the assistant may advertise it.
 */
public final class CouponOffer {

    private final String code;
    private BigDecimal percent;
    private BigDecimal amount;
    private BigDecimal minimumSpend = Amounts.of(0);
    private LocalDate validFrom;
    private LocalDate validTo;
    private int perCustomerLimit;
    private int globalLimit;
    private boolean firstOrderOnly;
    private boolean exclusive;
    private boolean advertised;
    private Text description;

    private CouponOffer(String code) {
        this.code = normalise(code);
        this.description = Text.of(this.code);
    }

    /** {@code percent}% off the merchandise subtotal. */
    public static CouponOffer percentOff(String code, Object percent) {
        CouponOffer c = new CouponOffer(code);
        c.percent = new BigDecimal(String.valueOf(percent).strip());
        if (c.percent.signum() <= 0 || c.percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("A percentage must be above 0 and at most 100");
        }
        return c;
    }

    /** {@code amount} off the merchandise subtotal. */
    public static CouponOffer amountOff(String code, Object amount) {
        CouponOffer c = new CouponOffer(code);
        c.amount = Amounts.of(amount);
        return c;
    }

    /** The merchandise subtotal the cart must reach. */
    public CouponOffer minimumSpend(Object amount) {
        this.minimumSpend = Amounts.of(amount);
        return this;
    }

    /** Valid from and to, inclusive ISO dates; null or blank is open. */
    public CouponOffer between(String from, String to) {
        this.validFrom = Promotion.date(from);
        this.validTo = Promotion.date(to);
        return this;
    }

    /** How many times one customer may use it (0: no limit). */
    public CouponOffer perCustomer(int limit) {
        this.perCustomerLimit = limit;
        return this;
    }

    /** How many times it may be used in all (0: no limit). */
    public CouponOffer overall(int limit) {
        this.globalLimit = limit;
        return this;
    }

    /** Only for a customer's first order. */
    public CouponOffer forFirstOrdersOnly() {
        this.firstOrderOnly = true;
        return this;
    }

    /** Does not combine with promotions: applies alone when it saves more than they do together. */
    public CouponOffer exclusive() {
        this.exclusive = true;
        return this;
    }

    /** The assistant may mention it when asked about deals. */
    public CouponOffer advertise() {
        this.advertised = true;
        return this;
    }

    /** The shopper-facing description. */
    public CouponOffer describedAs(String en, String zhTW, String zhCN) {
        this.description = Text.of(en, zhTW, zhCN);
        return this;
    }

    /** The saving on a merchandise subtotal. */
    public BigDecimal savingOn(BigDecimal subtotal) {
        BigDecimal saving = percent != null ? Amounts.percentOf(subtotal, percent) : amount;
        return saving.min(subtotal);
    }

    /** Upper-case, trimmed: how codes are compared. */
    public static String normalise(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("A coupon needs a code");
        }
        return code.strip().toUpperCase(Locale.ROOT);
    }

    public boolean isActiveOn(Today today) {
        return today.within(validFrom, validTo);
    }

    public String getCode() {
        return code;
    }

    public BigDecimal getPercent() {
        return percent;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public BigDecimal getMinimumSpend() {
        return minimumSpend;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public int getPerCustomerLimit() {
        return perCustomerLimit;
    }

    public int getGlobalLimit() {
        return globalLimit;
    }

    public boolean isFirstOrderOnly() {
        return firstOrderOnly;
    }

    public boolean isExclusive() {
        return exclusive;
    }

    public boolean isAdvertised() {
        return advertised;
    }

    public Text getDescription() {
        return description;
    }

    @Override
    public String toString() {
        return "CouponOffer[" + code + "]";
    }
}
