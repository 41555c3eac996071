package dev.parley.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rules.facts.CartLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random carts through the real demo rules: whatever promotions, member prices, coupons and shipping
 * apply, {@code total = subtotal - discounts + shipping}, no line nets below zero, and the discounts shared
 * over lines add up to the discounts listed.
 */
class CartTotalsPropertyTest {

    private static final List<String> CATEGORIES = List.of("coat", "socks", "hat", "scarf", "jeans", "boots", "t-shirt",
            "shorts", "jacket");
    private static final List<String> BRANDS = List.of("Oolong Denim", "Yushan Ridge", "Pinecone Kids", "Cloudsea Outfitters");
    private static final List<String> TAGS = List.of("waterproof", "final-sale", "winter", "kids");

    /** A generated cart. */
    record RandomCart(List<CartLine> lines, String tier, List<String> coupons, String country, String postal,
            String method, LocalDate day) {
    }

    @Provide
    Arbitrary<RandomCart> carts() {
        Arbitrary<CartLine> line = Combinators.combine(
                Arbitraries.strings().alpha().ofLength(6),
                Arbitraries.of(CATEGORIES), Arbitraries.of(BRANDS),
                Arbitraries.of(TAGS).set().ofMaxSize(2),
                Arbitraries.integers().between(1, 12),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("25000")).ofScale(2))
                .as((sku, cat, brand, tags, qty, price) -> new CartLine(sku, sku, sku, cat, brand, Set.copyOf(tags),
                        qty, price));
        return Combinators.combine(
                line.list().ofMinSize(1).ofMaxSize(20).uniqueElements(CartLine::getSku),
                Arbitraries.of("standard", "silver", "gold"),
                Arbitraries.of("TAKE300", "WELCOME100", "VIP15", "SUMMER10", "NOPE").list().ofMaxSize(2),
                Arbitraries.of("TW", "HK", "JP"), Arbitraries.of("106", "880", "209", "300"),
                Arbitraries.of("standard", "express", "convenience_store"),
                Arbitraries.of(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 25),
                        LocalDate.of(2027, 2, 1)))
                .as(RandomCart::new);
    }

    @Property(tries = 400)
    void totalsAlwaysAddUpAndNoLineGoesBelowZero(@ForAll("carts") RandomCart c) {
        var builder = DemoRules.cart().on(c.day()).tier(c.tier()).shipTo(c.country(), c.postal(), c.method());
        c.lines().forEach(builder::with);
        c.coupons().forEach(builder::coupon);
        Quote q = builder.quote();

        BigDecimal expectedSubtotal = c.lines().stream().map(CartLine::getLineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, expectedSubtotal.compareTo(q.subtotal()), "subtotal is the sum of line totals");
        assertEquals(q.subtotal().subtract(q.discountTotal()).add(q.shippingFee()), q.total(),
                "total = subtotal - discounts + shipping");
        BigDecimal listed = q.discounts().stream().map(Quote.AppliedDiscount::amount).reduce(BigDecimal.ZERO.setScale(2),
                BigDecimal::add);
        assertEquals(q.discountTotal(), listed, "the discounts listed make up the discount total");
        BigDecimal shared = q.lines().stream().map(Quote.Line::discount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        assertEquals(q.discountTotal(), shared, "the lines' shares make up the discount total");
        for (Quote.Line l : q.lines()) {
            assertTrue(l.net().signum() >= 0, "line " + l.sku() + " nets " + l.net());
            assertEquals(l.lineTotal().subtract(l.discount()), l.net());
        }
        for (Quote.AppliedDiscount d : q.discounts()) {
            assertTrue(d.amount().signum() > 0, "no zero or negative discount is listed: " + d);
        }
        assertTrue(q.discountTotal().compareTo(q.subtotal()) <= 0, "never more off than the merchandise costs");
        assertTrue(q.total().signum() >= 0);
        assertEquals(2, q.total().scale());
        assertTrue(q.coupons().stream().filter(Quote.CouponResult::accepted).count() <= 1, "at most one coupon applies");
    }
}
