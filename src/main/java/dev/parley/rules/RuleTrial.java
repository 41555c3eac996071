package dev.parley.rules;

import dev.parley.catalog.Catalog;
import dev.parley.platform.store.StoreProfiles;
import dev.parley.rules.facts.CartLine;
import dev.parley.rules.facts.EligibilityQuestion;
import dev.parley.rules.facts.Order;
import dev.parley.rules.facts.OrderLine;
import dev.parley.rules.facts.Today;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A trial run of compiled rules before they serve shoppers: the cart-less questions (offers, policies),
 * sample carts built from the catalog's own categories and brands (one line, five lines, one line per
 * category; standard and gold shoppers; a coupon entered) and an eligibility question. It catches rules that
 * loop or throw on ordinary carts, and it warms the new version (the first evaluation of a large rule set
 * loads and compiles its conditions) so shoppers' requests meet the per-request time limit.
 */
@ApplicationScoped
public class RuleTrial {

    /** Time allowed for each trial evaluation (a cold rule set of 1,000 promotions needs about a second). */
    static final Duration TRIAL_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    Catalog catalog;

    @Inject
    StoreProfiles store;

    /**
     * Runs the trial.
     *
     * @param maxFirings the fire limit of a shopper's request
     * @throws RuleFailure when a sample loops past the fire limit, runs past the trial time or throws
     */
    public void run(CompiledRules rules, int maxFirings) {
        CompiledRules.Limits limits = new CompiledRules.Limits(maxFirings, TRIAL_TIMEOUT);
        for (List<Object> facts : samples()) {
            rules.evaluate(facts, limits);
        }
    }

    List<List<Object>> samples() {
        List<String> types = catalog.types();
        List<String> vendors = catalog.vendors();
        String currency = store.current().currency().getCurrencyCode();
        LocalDate today = LocalDate.now();
        List<List<Object>> runs = new ArrayList<>();
        runs.add(List.of(new Today(today)));
        for (int size : new int[] {1, 5, Math.max(1, types.size())}) {
            List<CartLine> lines = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                String type = types.isEmpty() ? "item" : types.get(i % types.size());
                String vendor = vendors.isEmpty() ? "brand" : vendors.get(i % vendors.size());
                lines.add(new CartLine("TRIAL-" + i, "trial-" + i, "Trial " + type, type, vendor, Set.of(),
                        1 + i % 3, BigDecimal.valueOf(500L + 450L * i)));
            }
            for (String tier : new String[] {"standard", "gold"}) {
                PricingRequest req = new PricingRequest(List.of(), List.of("TRIAL"), null,
                        new PricingRequest.Shopper("trial", tier, true), today);
                runs.add(PricingFacts.facts(lines, currency, req, today, null));
            }
        }
        List<Object> order = new ArrayList<>();
        order.add(new Order("TRIAL-1", "delivered", today.minusDays(10), today.minusDays(3), List.of()));
        order.add(new OrderLine("TRIAL-1", "TRIAL-0", types.isEmpty() ? "item" : types.get(0), Set.of(), 1));
        order.add(new EligibilityQuestion("return", "TRIAL-1", null));
        order.add(new Today(today));
        runs.add(order);
        return runs;
    }
}
