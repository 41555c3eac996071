package dev.parley.rules;

import dev.parley.catalog.Catalog;
import dev.parley.catalog.PricedItem;
import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import dev.parley.platform.store.StoreProfile;
import dev.parley.platform.store.StoreProfiles;
import dev.parley.rules.facts.CartLine;
import dev.parley.rules.facts.CouponOffer;
import dev.parley.rules.facts.Eligibility;
import dev.parley.rules.facts.EligibilityQuestion;
import dev.parley.rules.facts.FreeShipping;
import dev.parley.rules.facts.Order;
import dev.parley.rules.facts.OrderLine;
import dev.parley.rules.facts.PolicyTerm;
import dev.parley.rules.facts.Promotion;
import dev.parley.rules.facts.ShippingRate;
import dev.parley.rules.facts.ShippingRequest;
import dev.parley.rules.facts.Today;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pricing and policy service the rest of Parley asks: quote a cart, check a coupon, list the offers in
 * force, read a policy, list shipping options, decide a return, exchange or cancellation. Every figure and
 * statement comes from the live published rules (with fallback to the last good version) and the catalog.
 */
@ApplicationScoped
public class Pricing {

    @Inject
    LiveRules live;

    @Inject
    Catalog catalog;

    @Inject
    StoreProfiles store;

    @Inject
    CouponRedemptions redemptions;

    /** Offers that end soonest first (the shopper has least time for them), open-ended ones last, then by code. */
    private static final Comparator<Promotion> ENDING_FIRST = Comparator
            .comparing(Promotion::getValidTo, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Promotion::getCode);

    /** A promotion or advertised coupon in force, in the shopper's language. */
    public record Offer(String code, String kind, String description, LocalDate validFrom, LocalDate validTo,
            BigDecimal minimumSpend, String rule) {
    }

    /** The offers in force today and the rules version that said so. */
    public record Offers(int rulesVersion, List<Offer> promotions, List<Offer> coupons) {
    }

    /** A policy clause in the shopper's language. */
    public record Statement(String topic, String clause, String value, String text, String rule) {
    }

    /** A shipping method available to a destination. */
    public record ShippingOption(String region, String method, String name, BigDecimal fee, int etaMinDays,
            int etaMaxDays, BigDecimal freeFrom, String freeBecause) {
    }

    /** A return, exchange or cancellation decision. */
    public record Decision(boolean allowed, String clause, String reason, int rulesVersion) {
    }

    /** Prices a cart with the live rules. */
    public Quote quote(PricingRequest request, String locale) {
        StoreProfile profile = store.current();
        String currency = profile.currency().getCurrencyCode();
        Cart cart = resolve(request, locale);
        List<Object> facts = PricingFacts.facts(cart.lines, currency, request, day(request.on(), profile),
                redemptions::uses);
        LiveRules.Outcome outcome = live.evaluate(facts);
        return PricingFacts.quote(outcome.evaluation(), outcome.version(), outcome.fellBack(), cart.lines,
                cart.productIds, cart.options, currency, locale);
    }

    /**
     * Whether a coupon code applies to a cart, and if not the reason the rules give (in the shopper's
     * language): the code's outcome in a quote of the cart with that code.
     */
    public Quote.CouponResult validateCoupon(PricingRequest cart, String code, String locale) {
        PricingRequest withCode = new PricingRequest(cart.items(), List.of(code), cart.destination(), cart.shopper(),
                cart.on());
        return quote(withCode, locale).coupons().get(0);
    }

    /** Prices a cart with given rules (a draft being simulated), without fallback. */
    public Quote quote(PricingRequest request, String locale, CompiledRules rules) {
        StoreProfile profile = store.current();
        String currency = profile.currency().getCurrencyCode();
        Cart cart = resolve(request, locale);
        List<Object> facts = PricingFacts.facts(cart.lines, currency, request, day(request.on(), profile),
                redemptions::uses);
        CompiledRules.Evaluation ev = rules.evaluate(facts, live.limits());
        return PricingFacts.quote(ev, rules.version(), false, cart.lines, cart.productIds, cart.options, currency,
                locale);
    }

    /** The promotions and advertised coupons in force today, those ending soonest first. */
    public Offers offers(String locale) {
        Today today = new Today(day(null, store.current()));
        LiveRules.Outcome o = live.evaluate(List.of(today));
        List<Offer> promotions = o.evaluation().all(Promotion.class).stream()
                .sorted(ENDING_FIRST)
                .map(p -> new Offer(p.getCode(), p.getKind().name().toLowerCase(), p.getDescription().in(locale),
                        p.getValidFrom(), p.getValidTo(), p.getThreshold(), o.evaluation().ruleOf(p)))
                .toList();
        List<Offer> coupons = o.evaluation().all(CouponOffer.class).stream()
                .filter(c -> c.isAdvertised() && c.isActiveOn(today))
                .sorted(Comparator.comparing(CouponOffer::getValidTo,
                        Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(CouponOffer::getCode))
                .map(c -> new Offer(c.getCode(), "coupon", c.getDescription().in(locale), c.getValidFrom(),
                        c.getValidTo(), c.getMinimumSpend(), o.evaluation().ruleOf(c)))
                .toList();
        return new Offers(o.version(), promotions, coupons);
    }

    /**
     * The clauses of a policy topic ({@code returns}, {@code warranty}, …), or of every topic for null, in the
     * order the rules state them.
     */
    public List<Statement> policy(String topic, String locale) {
        LiveRules.Outcome o = live.evaluate(List.of(new Today(day(null, store.current()))));
        return PricingFacts.inRuleOrder(o.evaluation().all(PolicyTerm.class), o.evaluation(), o.rules()).stream()
                .filter(t -> topic == null || t.getTopic().equals(topic))
                .map(t -> new Statement(t.getTopic(), t.getClause(), t.getValue(), t.getStatement().in(locale),
                        o.evaluation().ruleOf(t)))
                .toList();
    }

    /** The shipping methods for a destination with their fees, delivery times and free-shipping thresholds. */
    public List<ShippingOption> shippingOptions(PricingRequest.Destination destination, String locale) {
        ShippingRequest request = destination == null ? new ShippingRequest(null, null, "standard")
                : new ShippingRequest(destination.country(), destination.postalCode(), destination.method());
        LiveRules.Outcome o = live.evaluate(List.of(new Today(day(null, store.current())), request));
        String region = request.getRegion();
        List<FreeShipping> free = o.evaluation().all(FreeShipping.class);
        List<ShippingOption> out = new ArrayList<>();
        for (ShippingRate r : o.evaluation().all(ShippingRate.class)) {
            if (region != null && !region.equals(r.getRegion())) {
                continue;
            }
            FreeShipping f = free.stream().filter(x -> x.getRegion().equals(r.getRegion())
                    && x.getMethod().equals(r.getMethod())).findFirst().orElse(null);
            out.add(new ShippingOption(r.getRegion(), r.getMethod(), r.getName().in(locale), r.getFee(),
                    r.getEtaMinDays(), r.getEtaMaxDays(), f == null ? null : f.getThreshold(),
                    f == null ? null : f.getDescription().in(locale)));
        }
        return out;
    }

    /**
     * Whether an order (or one line of it) may be returned, exchanged or cancelled today.
     *
     * @param kind {@code return}, {@code exchange} or {@code cancel}
     */
    public Decision eligibility(Order order, List<OrderLine> lines, String kind, String sku, String locale) {
        EligibilityQuestion q = new EligibilityQuestion(kind, order.getOrderNumber(), sku);
        List<Object> facts = new ArrayList<>(lines);
        facts.add(order);
        facts.add(q);
        facts.add(new Today(day(null, store.current())));
        LiveRules.Outcome o = live.evaluate(facts);
        List<Eligibility> answers = o.evaluation().all(Eligibility.class);
        Eligibility decided = answers.stream().filter(e -> !e.isAllowed()).findFirst()
                .orElseGet(() -> answers.stream().findFirst().orElse(null));
        if (decided == null) {
            return new Decision(false, null, null, o.version());
        }
        return new Decision(decided.isAllowed(), decided.getClause(), decided.getReason().in(locale), o.version());
    }

    /** The store's currency code. */
    public String currency() {
        return store.current().currency().getCurrencyCode();
    }

    private static LocalDate day(LocalDate on, StoreProfile p) {
        if (on != null) {
            return on;
        }
        return LocalDate.now(p.timeZone() == null ? ZoneId.of("UTC") : ZoneId.of(p.timeZone()));
    }

    private record Cart(List<CartLine> lines, Map<String, Long> productIds, Map<String, List<String>> options) {
    }

    private Cart resolve(PricingRequest request, String locale) {
        if (request.items().size() > PricingRequest.MAX_LINES) {
            throw new DomainException(Kind.INVALID, "cart-too-large",
                    "A cart may have at most " + PricingRequest.MAX_LINES + " lines.");
        }
        Map<String, Integer> quantities = new LinkedHashMap<>();
        for (PricingRequest.Item item : request.items()) {
            if (item == null || item.sku() == null || item.sku().isBlank()) {
                throw new DomainException(Kind.INVALID, "missing-sku", "Every cart item needs a sku.");
            }
            if (item.quantity() < 1 || item.quantity() > PricingRequest.MAX_QUANTITY) {
                throw new DomainException(Kind.INVALID, "bad-quantity",
                        "Quantity must be between 1 and " + PricingRequest.MAX_QUANTITY + " (sku " + item.sku() + ").");
            }
            quantities.merge(item.sku().strip(), item.quantity(), Integer::sum);
        }
        for (String code : request.coupons()) {
            if (code == null || code.isBlank() || code.length() > 64) {
                throw new DomainException(Kind.INVALID, "bad-coupon-code", "A coupon code is 1 to 64 characters.");
            }
        }
        Map<String, PricedItem> items = catalog.pricedItems(quantities.keySet(), locale);
        Set<String> unknown = new HashSet<>(quantities.keySet());
        unknown.removeAll(items.keySet());
        if (!unknown.isEmpty()) {
            throw new DomainException(Kind.NOT_FOUND, "unknown-sku",
                    "No active product has SKU " + String.join(", ", unknown.stream().sorted().toList()) + ".");
        }
        List<CartLine> lines = new ArrayList<>();
        Map<String, Long> ids = new LinkedHashMap<>();
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : quantities.entrySet()) {
            PricedItem p = items.get(e.getKey());
            lines.add(new CartLine(p.sku(), p.handle(), p.title(), p.type(), p.vendor(), Set.copyOf(p.tags()),
                    e.getValue(), p.price().amount()));
            ids.put(p.sku(), p.productId());
            options.put(p.sku(), p.options());
        }
        return new Cart(lines, ids, options);
    }

}
