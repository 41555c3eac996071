package dev.parley.rules;

import dev.parley.platform.MoneyFormat;
import dev.parley.rules.facts.Cart;
import dev.parley.rules.facts.CartLine;
import dev.parley.rules.facts.CouponEntry;
import dev.parley.rules.facts.CouponOffer;
import dev.parley.rules.facts.CouponRejection;
import dev.parley.rules.facts.Customer;
import dev.parley.rules.facts.Discount;
import dev.parley.rules.facts.Promotion;
import dev.parley.rules.facts.ShippingQuote;
import dev.parley.rules.facts.ShippingRequest;
import dev.parley.rules.facts.Text;
import dev.parley.rules.facts.Today;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Turning a cart into facts and the rules' output into a {@link Quote}, with no container and no database:
 * the pricing service and the rule tests use the same code.
 */
public final class PricingFacts {

    /** The order in which a coupon's refusals are told (the first one is the reason given). */
    private static final List<String> REFUSAL_ORDER = List.of("coupon.unknown", "coupon.one-per-order",
            "coupon.not-yet-valid", "coupon.expired", "coupon.first-order-only", "coupon.used-by-customer",
            "coupon.used-up", "coupon.minimum-spend");

    private PricingFacts() {
    }

    /**
     * The facts for a cart.
     *
     * @param lines the cart lines (already resolved against the catalog)
     * @param currency the store currency
     * @param request coupons, destination, shopper
     * @param today the pricing day
     * @param uses coupon uses so far for a (code, customer key), null when none are on record
     */
    public static List<Object> facts(List<CartLine> lines, String currency, PricingRequest request, LocalDate today,
            BiFunction<String, String, CouponRedemptions.Uses> uses) {
        List<Object> facts = new ArrayList<>(lines);
        facts.add(new Cart(currency, lines));
        facts.add(new Today(today));
        PricingRequest.Shopper shopper = request.shopper() == null ? PricingRequest.Shopper.anonymous(null)
                : request.shopper();
        facts.add(new Customer(shopper.key(), shopper.tier(), shopper.firstOrder(), null));
        int position = 0;
        for (String code : request.coupons()) {
            String normalised = CouponOffer.normalise(code);
            CouponRedemptions.Uses u = uses == null ? null : uses.apply(normalised, shopper.key());
            facts.add(new CouponEntry(normalised, position++, u == null ? 0 : u.byCustomer(), u == null ? 0 : u.overall()));
        }
        PricingRequest.Destination d = request.destination();
        facts.add(d == null ? new ShippingRequest(null, null, "standard")
                : new ShippingRequest(d.country(), d.postalCode(), d.method()));
        return facts;
    }

    /** The quote from an evaluation of {@link #facts}. */
    public static Quote quote(CompiledRules.Evaluation ev, int version, boolean fellBack, List<CartLine> lines,
            Map<String, Long> productIds, Map<String, List<String>> options, String currency, String locale) {
        Currency cur = Currency.getInstance(currency);
        List<Discount> discounts = ev.all(Discount.class);
        discounts.sort(Comparator.comparingLong(Discount::getId));
        List<Discount> active = discounts.stream().filter(Discount::isActive).toList();
        Optional<ShippingQuote> shippingFact = ev.all(ShippingQuote.class).stream().findFirst();
        BigDecimal fee = shippingFact.map(ShippingQuote::getFee).orElse(BigDecimal.ZERO);

        List<QuoteArithmetic.LineIn> in = lines.stream()
                .map(l -> new QuoteArithmetic.LineIn(l.getSku(), l.getLineTotal())).toList();
        List<QuoteArithmetic.DiscountIn> dIn = active.stream()
                .map(d -> new QuoteArithmetic.DiscountIn(d.getSku(), d.getAmount())).toList();
        QuoteArithmetic.Result sums = QuoteArithmetic.compute(in, dIn, fee);

        List<Quote.Line> outLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            CartLine l = lines.get(i);
            BigDecimal share = sums.lineDiscounts().get(i);
            outLines.add(new Quote.Line(l.getSku(), productIds.getOrDefault(l.getSku(), 0L), l.getTitle(),
                    options.getOrDefault(l.getSku(), List.of()), l.getQuantity(), l.getUnitPrice(), l.getLineTotal(),
                    share, l.getLineTotal().subtract(share)));
        }
        Map<String, String> declaredBy = new HashMap<>();
        ev.all(Promotion.class).forEach(p -> declaredBy.putIfAbsent(p.getCode(), ev.ruleOf(p)));
        ev.all(CouponOffer.class).forEach(o -> declaredBy.putIfAbsent(o.getCode(), ev.ruleOf(o)));
        List<Quote.AppliedDiscount> applied = new ArrayList<>();
        for (int i = 0; i < active.size(); i++) {
            Discount d = active.get(i);
            BigDecimal amount = sums.applied().get(i);
            if (amount.signum() > 0) {
                applied.add(new Quote.AppliedDiscount(d.getCode(), d.getDescription().in(locale), amount,
                        d.getSource().name().toLowerCase(), d.getSku(), ev.ruleOf(d), declaredBy.get(d.getCode()), null));
            }
        }
        List<Quote.AppliedDiscount> withdrawn = discounts.stream().filter(d -> !d.isActive())
                .map(d -> new Quote.AppliedDiscount(d.getCode(), d.getDescription().in(locale), d.getAmount(),
                        d.getSource().name().toLowerCase(), d.getSku(), ev.ruleOf(d), declaredBy.get(d.getCode()),
                        d.getWithdrawnBecause()))
                .toList();

        List<Quote.CouponResult> coupons = new ArrayList<>();
        List<CouponRejection> rejections = ev.all(CouponRejection.class);
        for (CouponEntry entry : ev.all(CouponEntry.class).stream()
                .sorted(Comparator.comparingInt(CouponEntry::getPosition)).toList()) {
            Optional<CouponRejection> first = rejections.stream().filter(r -> r.getCode().equals(entry.getCode()))
                    .min(Comparator.comparingInt(r -> refusalRank(r.getClause())));
            Optional<CouponOffer> offer = ev.all(CouponOffer.class).stream()
                    .filter(o -> o.getCode().equals(entry.getCode())).findFirst();
            if (first.isPresent()) {
                coupons.add(new Quote.CouponResult(entry.getCode(), false, first.get().getClause(),
                        fill(first.get().getReason(), offer.orElse(null), cur, locale)));
            } else {
                boolean applies = applied.stream().anyMatch(a -> a.code().equals(entry.getCode()));
                boolean lostToStacking = !applies && withdrawn.stream().anyMatch(a -> a.code().equals(entry.getCode()));
                coupons.add(new Quote.CouponResult(entry.getCode(), applies, applies ? null
                        : lostToStacking ? "stacking.exclusive" : "coupon.no-saving",
                        offer.map(o -> o.getDescription().in(locale)).orElse(entry.getCode())));
            }
        }

        Quote.Shipping shipping = shippingFact.map(q -> new Quote.Shipping(q.getRegion(), q.getMethod(),
                q.getRate().getName().in(locale), q.getFee(), q.getRate().getFee(), q.getRate().getEtaMinDays(),
                q.getRate().getEtaMaxDays(), q.getWaivedBecause() == null ? null : q.getWaivedBecause().in(locale)))
                .orElse(null);
        return new Quote(version, fellBack, currency, outLines, sums.subtotal(), applied, withdrawn, coupons, shipping,
                sums.discountTotal(), sums.total(), ev.firedRules());
    }

    /** Facts in the order of the rules that inserted them, as written (a stable sort: one rule's facts keep their order). */
    public static <T> List<T> inRuleOrder(List<T> facts, CompiledRules.Evaluation ev, CompiledRules rules) {
        List<T> sorted = new ArrayList<>(facts);
        sorted.sort(Comparator.comparingInt(f -> rules.positionOf(ev.ruleOf(f))));
        return sorted;
    }

    /** Fills the placeholders a coupon refusal may use: {minimumSpend}, {validFrom}, {validTo}. */
    static String fill(Text text, CouponOffer offer, Currency currency, String locale) {
        String s = text.in(locale);
        if (offer != null) {
            s = s.replace("{minimumSpend}", MoneyFormat.format(offer.getMinimumSpend(), currency, locale));
            s = s.replace("{validFrom}", String.valueOf(offer.getValidFrom()));
            s = s.replace("{validTo}", String.valueOf(offer.getValidTo()));
        }
        return s;
    }

    private static int refusalRank(String clause) {
        int i = REFUSAL_ORDER.indexOf(clause);
        return i < 0 ? REFUSAL_ORDER.size() : i;
    }
}
