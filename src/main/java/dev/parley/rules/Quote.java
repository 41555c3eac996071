package dev.parley.rules;

import java.math.BigDecimal;
import java.util.List;

/**
 * A priced cart: CONTRACT.md's Cart (items, subtotal, discounts, shipping, total) plus where each figure
 * came from. Invariants: {@code total = subtotal - discountTotal + shipping}; no line's net is below zero;
 * every amount has two decimals.
 *
 * @param rulesVersion the rules version that priced it
 * @param fellBack whether the live version failed and the last good version answered
 * @param currency ISO 4217 code
 * @param lines the lines with what each nets after discounts
 * @param subtotal the sum of line totals
 * @param discounts the discounts that apply
 * @param withdrawn discounts the stacking rules withdrew (for simulation and explanation)
 * @param coupons what happened to each coupon entered
 * @param shipping the shipping quote, null when no rate covers the destination and method
 * @param discountTotal the sum of applied discounts
 * @param total what the shopper pays
 * @param firedRules the rules that fired, in order
 */
public record Quote(int rulesVersion, boolean fellBack, String currency, List<Line> lines, BigDecimal subtotal,
        List<AppliedDiscount> discounts, List<AppliedDiscount> withdrawn, List<CouponResult> coupons,
        Shipping shipping, BigDecimal discountTotal, BigDecimal total, List<String> firedRules) {

    /** The shipping fee, zero when no quote. */
    public BigDecimal shippingFee() {
        return shipping == null ? BigDecimal.ZERO.setScale(2) : shipping.fee();
    }

    /**
     * A cart line.
     *
     * @param sku the SKU
     * @param productId the product id
     * @param title title in the shopper's language
     * @param options the variant's option values
     * @param quantity units
     * @param unitPrice catalog price
     * @param lineTotal unit price times quantity
     * @param discount this line's share of all applied discounts
     * @param net line total minus its share, never below zero
     */
    public record Line(String sku, long productId, String title, List<String> options, int quantity,
            BigDecimal unitPrice, BigDecimal lineTotal, BigDecimal discount, BigDecimal net) {
    }

    /**
     * A discount as the shopper sees it.
     *
     * @param code the promotion or coupon code
     * @param description its reason in the shopper's language
     * @param amount the amount off
     * @param source promotion, coupon or member
     * @param sku the line it belongs to, null for the whole cart
     * @param rule the rule that granted it
     * @param declaredBy the rule that declared the promotion or coupon offer, may be null
     * @param withdrawnBecause the stacking clause that withdrew it, null when applied
     */
    public record AppliedDiscount(String code, String description, BigDecimal amount, String source, String sku,
            String rule, String declaredBy, String withdrawnBecause) {
    }

    /**
     * A coupon's outcome.
     *
     * @param code the code as normalised
     * @param accepted whether it applies
     * @param clause the rule clause that refused it, null when accepted
     * @param reason the refusal in the shopper's language (or the coupon's description when accepted)
     */
    public record CouponResult(String code, boolean accepted, String clause, String reason) {
    }

    /**
     * The shipping quote.
     *
     * @param region the region the address is in
     * @param method the method
     * @param name the method's name in the shopper's language
     * @param fee the fee to pay (zero when waived)
     * @param listFee the fee before any waiver
     * @param etaMinDays earliest delivery, in days
     * @param etaMaxDays latest delivery, in days
     * @param freeBecause the free-shipping reason, null when charged
     */
    public record Shipping(String region, String method, String name, BigDecimal fee, BigDecimal listFee,
            int etaMinDays, int etaMaxDays, String freeBecause) {
    }
}
