package dev.parley.rules.api;

import dev.parley.platform.api.MoneyDto;
import dev.parley.rules.Quote;
import java.math.BigDecimal;
import java.util.List;

/**
 * CONTRACT.md's Cart ({@code cartId, currency, items, subtotal, discounts, shipping, total}) with where each
 * figure came from: per-item discount share and net, each discount's source, line and rule, withdrawn
 * discounts, coupon outcomes, the shipping quote, and the rules version.
 */
public record QuoteDto(String cartId, String currency, List<Item> items, MoneyDto subtotal, List<DiscountDto> discounts,
        MoneyDto shipping, MoneyDto total, MoneyDto discountTotal, ShippingDto shippingQuote, List<CouponDto> coupons,
        List<DiscountDto> withdrawn, int rulesVersion, boolean fellBack, List<String> firedRules) {

    /** A cart item. */
    public record Item(String sku, long productId, String title, List<String> options, int quantity, MoneyDto unitPrice,
            MoneyDto lineTotal, MoneyDto discount, MoneyDto net) {
    }

    /** A discount. */
    public record DiscountDto(String code, String description, MoneyDto amount, String source, String sku, String rule,
            String declaredBy, String withdrawnBecause) {
    }

    /** A coupon outcome. */
    public record CouponDto(String code, boolean accepted, String clause, String message) {
    }

    /** The shipping quote. */
    public record ShippingDto(String region, String method, String name, MoneyDto fee, MoneyDto listFee,
            int etaMinDays, int etaMaxDays, String freeBecause) {
    }

    /** The wire form of a quote. */
    public static QuoteDto of(Quote q, String cartId, String locale) {
        String c = q.currency();
        return new QuoteDto(cartId, c,
                q.lines().stream().map(l -> new Item(l.sku(), l.productId(), l.title(), l.options(), l.quantity(),
                        money(l.unitPrice(), c), money(l.lineTotal(), c), money(l.discount(), c), money(l.net(), c)))
                        .toList(),
                money(q.subtotal(), c),
                q.discounts().stream().map(d -> discount(d, c)).toList(),
                money(q.shippingFee(), c), money(q.total(), c), money(q.discountTotal(), c),
                q.shipping() == null ? null : new ShippingDto(q.shipping().region(), q.shipping().method(),
                        q.shipping().name(), money(q.shipping().fee(), c), money(q.shipping().listFee(), c),
                        q.shipping().etaMinDays(), q.shipping().etaMaxDays(), q.shipping().freeBecause()),
                q.coupons().stream().map(x -> new CouponDto(x.code(), x.accepted(), x.clause(), x.reason())).toList(),
                q.withdrawn().stream().map(d -> discount(d, c)).toList(),
                q.rulesVersion(), q.fellBack(), q.firedRules());
    }

    /** An empty cart: no items, every amount zero. */
    public static QuoteDto empty(String cartId, String currency) {
        MoneyDto zero = money(java.math.BigDecimal.ZERO, currency);
        return new QuoteDto(cartId, currency, List.of(), zero, List.of(), zero, zero, zero, null, List.of(), List.of(),
                0, false, List.of());
    }

    private static DiscountDto discount(Quote.AppliedDiscount d, String c) {
        return new DiscountDto(d.code(), d.description(), money(d.amount(), c), d.source(), d.sku(), d.rule(),
                d.declaredBy(), d.withdrawnBecause());
    }

    static MoneyDto money(BigDecimal amount, String currency) {
        return amount == null ? null : new MoneyDto(amount.setScale(2).toPlainString(), currency);
    }
}
