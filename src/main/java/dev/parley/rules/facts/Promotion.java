package dev.parley.rules.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A promotion in force, as a definition rule declares it ({@code insert(Promotion.percentOff("WINTER", 15)
 * .onCategory("coat").between("2026-11-01", "2027-02-28").describedAs(...))}). Pricing rules in
 * {@code rules/pricing} turn promotions into discounts; the assistant lists them for "any deals?". A
 * promotion outside its dates is withdrawn before pricing.
 */
public final class Promotion {

    /** The mechanics a promotion uses. */
    public enum Kind {
        /** A percentage off matching lines. */
        PERCENT_OFF,
        /** A fixed amount off each matching unit. */
        AMOUNT_OFF,
        /** Buy a number of matching units, get some of them free (the cheapest). */
        BUY_X_GET_Y,
        /** Items from each listed category together for one price. */
        BUNDLE,
        /** A fixed saving once the merchandise subtotal reaches a threshold. */
        SPEND_THRESHOLD,
        /** A percentage off matching lines for members of a tier. */
        MEMBER_PRICE
    }

    private final String code;
    private Kind kind;
    private BigDecimal percent;
    private BigDecimal amount;
    private BigDecimal threshold;
    private BigDecimal bundlePrice;
    private int buyQuantity;
    private int freeQuantity;
    private List<String> bundleCategories = List.of();
    private String category;
    private String brand;
    private String handle;
    private String tag;
    private String tier;
    private String group;
    private boolean exclusive;
    private LocalDate validFrom;
    private LocalDate validTo;
    private Text description;

    private Promotion(String code, Kind kind) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("A promotion needs a code");
        }
        this.code = code.strip().toUpperCase(Locale.ROOT);
        this.kind = kind;
        this.description = Text.of(this.code);
    }

    /** {@code percent}% off matching lines. */
    public static Promotion percentOff(String code, Object percent) {
        Promotion p = new Promotion(code, Kind.PERCENT_OFF);
        p.percent = percentValue(percent);
        return p;
    }

    /** {@code amount} off each matching unit (never below zero). */
    public static Promotion amountOff(String code, Object amount) {
        Promotion p = new Promotion(code, Kind.AMOUNT_OFF);
        p.amount = Amounts.of(amount);
        return p;
    }

    /** For every {@code buy} matching units, {@code free} of them (the cheapest) cost nothing. */
    public static Promotion buyXGetY(String code, int buy, int free) {
        if (buy < 1 || free < 1) {
            throw new IllegalArgumentException("buy and free must be at least 1");
        }
        Promotion p = new Promotion(code, Kind.BUY_X_GET_Y);
        p.buyQuantity = buy;
        p.freeQuantity = free;
        return p;
    }

    /** One item from each category together for {@code price}. */
    public static Promotion bundle(String code, Object price, String... categories) {
        if (categories.length < 2) {
            throw new IllegalArgumentException("A bundle needs at least two categories");
        }
        Promotion p = new Promotion(code, Kind.BUNDLE);
        p.bundlePrice = Amounts.of(price);
        p.bundleCategories = java.util.Arrays.stream(categories).map(CartLine::lower).toList();
        return p;
    }

    /** {@code saving} off once the merchandise subtotal reaches {@code threshold}. */
    public static Promotion spendThreshold(String code, Object threshold, Object saving) {
        Promotion p = new Promotion(code, Kind.SPEND_THRESHOLD);
        p.threshold = Amounts.of(threshold);
        p.amount = Amounts.of(saving);
        p.group = "spend-threshold";
        return p;
    }

    /** {@code percent}% off matching lines for members of {@code tier}. */
    public static Promotion memberPrice(String code, String tier, Object percent) {
        Promotion p = new Promotion(code, Kind.MEMBER_PRICE);
        p.tier = CartLine.lower(tier);
        p.percent = percentValue(percent);
        return p;
    }

    /**
     * A catalog offer being filled in column by column (decision tables): give it {@link #percent} or
     * {@link #amountEach}, optionally a scope, dates and wording, then {@link #checked()}.
     */
    public static Promotion offer(String code) {
        return new Promotion(code, null);
    }

    /** Makes this a percent-off offer. */
    public Promotion percent(Object percent) {
        requireUnset();
        this.kind = Kind.PERCENT_OFF;
        this.percent = percentValue(percent);
        return this;
    }

    /** Makes this an amount-off-each-unit offer. */
    public Promotion amountEach(Object amount) {
        requireUnset();
        this.kind = Kind.AMOUNT_OFF;
        this.amount = Amounts.of(amount);
        return this;
    }

    /** Valid from this ISO date (inclusive). */
    public Promotion from(String iso) {
        this.validFrom = date(iso);
        return this;
    }

    /** Valid until this ISO date (inclusive). */
    public Promotion to(String iso) {
        this.validTo = date(iso);
        return this;
    }

    /** The English description. */
    public Promotion en(String text) {
        this.description = Text.of(text, description.zhTW(), description.zhCN());
        return this;
    }

    /** The Traditional Chinese description. */
    public Promotion zhTW(String text) {
        this.description = Text.of(description.en(), text, description.zhCN());
        return this;
    }

    /** The Simplified Chinese description. */
    public Promotion zhCN(String text) {
        this.description = Text.of(description.en(), description.zhTW(), text);
        return this;
    }

    /** This promotion, once it says what it gives; fails for an offer with neither percent nor amount. */
    public Promotion checked() {
        if (kind == null) {
            throw new IllegalStateException("Promotion " + code + " gives neither a percent nor an amount off");
        }
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalStateException("Promotion " + code + " ends before it starts");
        }
        return this;
    }

    private void requireUnset() {
        if (kind != null) {
            throw new IllegalStateException("Promotion " + code + " already gives " + kind);
        }
    }

    /** Limits the promotion to a category (Shopify product type). */
    public Promotion onCategory(String category) {
        this.category = CartLine.lower(category);
        return this;
    }

    /** Limits the promotion to a brand (vendor). */
    public Promotion onBrand(String brand) {
        this.brand = CartLine.lower(brand);
        return this;
    }

    /** Limits the promotion to one product, by its handle. */
    public Promotion onProduct(String handle) {
        this.handle = CartLine.lower(handle);
        return this;
    }

    /** Limits the promotion to products with a tag. */
    public Promotion onTag(String tag) {
        this.tag = CartLine.lower(tag);
        return this;
    }

    /** Puts the promotion in a group of which at most one (the biggest saving) applies. */
    public Promotion inGroup(String group) {
        this.group = group;
        return this;
    }

    /** The promotion does not combine: it applies alone, or not at all when the others save more. */
    public Promotion exclusive() {
        this.exclusive = true;
        return this;
    }

    /** Valid from and to (inclusive, ISO dates such as {@code "2026-12-01"}; null or blank is open). */
    public Promotion between(String from, String to) {
        this.validFrom = date(from);
        this.validTo = date(to);
        return this;
    }

    /** The shopper-facing description. */
    public Promotion describedAs(String en, String zhTW, String zhCN) {
        this.description = Text.of(en, zhTW, zhCN);
        return this;
    }

    /** Whether the promotion's scope (category, brand, product, tag) covers the line. */
    public boolean appliesTo(CartLine line) {
        return (category == null || category.equals(line.getCategory()))
                && (brand == null || brand.equals(line.getBrand()))
                && (handle == null || handle.equals(line.getHandle()))
                && (tag == null || line.hasTag(tag));
    }

    /** Whether the promotion's dates include today. */
    public boolean isActiveOn(Today today) {
        return today.within(validFrom, validTo);
    }

    public String getCode() {
        return code;
    }

    public Kind getKind() {
        return kind;
    }

    public BigDecimal getPercent() {
        return percent;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public BigDecimal getThreshold() {
        return threshold;
    }

    public BigDecimal getBundlePrice() {
        return bundlePrice;
    }

    public int getBuyQuantity() {
        return buyQuantity;
    }

    public int getFreeQuantity() {
        return freeQuantity;
    }

    public List<String> getBundleCategories() {
        return bundleCategories;
    }

    public String getCategory() {
        return category;
    }

    public String getBrand() {
        return brand;
    }

    public String getHandle() {
        return handle;
    }

    public String getTag() {
        return tag;
    }

    public String getTier() {
        return tier;
    }

    public String getGroup() {
        return group;
    }

    public boolean isExclusive() {
        return exclusive;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public Text getDescription() {
        return description;
    }

    static LocalDate date(String iso) {
        return iso == null || iso.isBlank() ? null : LocalDate.parse(iso.strip());
    }

    private static BigDecimal percentValue(Object percent) {
        BigDecimal p = new BigDecimal(String.valueOf(percent).strip());
        if (p.signum() <= 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("A percentage must be above 0 and at most 100, not " + percent);
        }
        return p;
    }

    @Override
    public String toString() {
        return "Promotion[" + code + " " + kind + "]";
    }
}
