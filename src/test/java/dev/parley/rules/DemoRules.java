package dev.parley.rules;

import dev.parley.rules.facts.CartLine;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test fixture: the real rule files in {@code rules/}, compiled once per test JVM, and a small builder for
 * carts priced through them exactly as the pricing service does ({@link PricingFacts}).
 */
final class DemoRules {

    /** A day inside the demo's winter promotions. */
    static final LocalDate WINTER_DAY = LocalDate.of(2026, 11, 30);

    private static CompiledRules compiled;

    private DemoRules() {
    }

    static synchronized CompiledRules rules() {
        if (compiled == null) {
            compiled = new RuleCompiler().compile(1, RuleFiles.read(Path.of("rules")));
        }
        return compiled;
    }

    static CartLine line(String sku, String category, String brand, String price, int quantity, String... tags) {
        return new CartLine(sku, sku.toLowerCase(), "Title " + sku, category, brand, Set.of(tags), quantity,
                new BigDecimal(price));
    }

    /** A cart being built. */
    static final class CartBuilder {
        final List<CartLine> lines = new ArrayList<>();
        final List<String> coupons = new ArrayList<>();
        LocalDate on = WINTER_DAY;
        PricingRequest.Shopper shopper = new PricingRequest.Shopper("shopper-1", null, true);
        PricingRequest.Destination destination;
        final Map<String, CouponRedemptions.Uses> uses = new HashMap<>();

        CartBuilder with(CartLine line) {
            lines.add(line);
            return this;
        }

        CartBuilder on(LocalDate day) {
            this.on = day;
            return this;
        }

        CartBuilder tier(String tier) {
            this.shopper = new PricingRequest.Shopper(shopper.key(), tier, shopper.firstOrder());
            return this;
        }

        CartBuilder returningCustomer() {
            this.shopper = new PricingRequest.Shopper(shopper.key(), shopper.tier(), false);
            return this;
        }

        CartBuilder coupon(String code) {
            coupons.add(code);
            return this;
        }

        CartBuilder used(String code, int byCustomer, int overall) {
            uses.put(code, new CouponRedemptions.Uses(byCustomer, overall));
            return this;
        }

        CartBuilder shipTo(String country, String postalCode, String method) {
            this.destination = new PricingRequest.Destination(country, postalCode, method);
            return this;
        }

        List<Object> facts() {
            PricingRequest req = new PricingRequest(List.of(), coupons, destination, shopper, on);
            return PricingFacts.facts(lines, "TWD", req, on, (code, key) -> uses.get(code));
        }

        CompiledRules.Evaluation evaluate() {
            return rules().evaluate(facts(), CompiledRules.Limits.DEFAULT);
        }

        Quote quote() {
            return quote("en");
        }

        Quote quote(String locale) {
            CompiledRules.Evaluation ev = evaluate();
            return PricingFacts.quote(ev, 1, false, lines, Map.of(), Map.of(), "TWD", locale);
        }
    }

    static CartBuilder cart() {
        return new CartBuilder();
    }

    static BigDecimal amount(String value) {
        return new BigDecimal(value).setScale(2);
    }

    /** The applied discount with a code, or null. */
    static Quote.AppliedDiscount discount(Quote q, String code) {
        return q.discounts().stream().filter(d -> d.code().equals(code)).reduce((a, b) -> new Quote.AppliedDiscount(
                a.code(), a.description(), a.amount().add(b.amount()), a.source(), null, a.rule(), a.declaredBy(), null))
                .orElse(null);
    }
}
