package dev.parley.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rules.facts.Eligibility;
import dev.parley.rules.facts.EligibilityQuestion;
import dev.parley.rules.facts.Order;
import dev.parley.rules.facts.OrderLine;
import dev.parley.rules.facts.PolicyTerm;
import dev.parley.rules.facts.Today;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** rules/policy: policy terms and the return, exchange and cancellation decisions built on them. */
class PolicyRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private static Eligibility decide(String kind, String status, Integer deliveredDaysAgo, String category,
            String... tags) {
        Order order = new Order("PRL-10001", status, TODAY.minusDays(40),
                deliveredDaysAgo == null ? null : TODAY.minusDays(deliveredDaysAgo), List.of());
        List<Object> facts = new ArrayList<>();
        facts.add(order);
        facts.add(new OrderLine("PRL-10001", "SKU-1", category, Set.of(tags), 1));
        EligibilityQuestion q = new EligibilityQuestion(kind, "PRL-10001", null);
        facts.add(q);
        facts.add(new Today(TODAY));
        var ev = DemoRules.rules().evaluate(facts, CompiledRules.Limits.DEFAULT);
        List<Eligibility> answers = ev.all(Eligibility.class);
        return answers.stream().filter(e -> !e.isAllowed()).findFirst().orElseGet(() -> answers.get(0));
    }

    @Test
    void aReturnInsideTheWindowIsAccepted() {
        Eligibility e = decide("return", "delivered", 30, "jacket");
        assertTrue(e.isAllowed(), "day 30 is inside a 30-day window");
        assertEquals("returns.window", e.getClause());
        assertTrue(e.getReason().en().contains("30 days"));
    }

    @Test
    void aReturnAfterTheWindowIsRefused() {
        Eligibility e = decide("return", "delivered", 31, "jacket");
        assertFalse(e.isAllowed());
        assertEquals("returns.window", e.getClause());
    }

    @Test
    void finalSaleItemsCannotBeReturnedOrExchanged() {
        assertEquals("returns.final-sale.category", decide("return", "delivered", 3, "socks").getClause());
        assertFalse(decide("exchange", "delivered", 3, "socks").isAllowed());
        Eligibility tagged = decide("return", "delivered", 3, "shirt", "final-sale");
        assertFalse(tagged.isAllowed());
        assertEquals("returns.final-sale.tag", tagged.getClause());
    }

    @Test
    void onlyDeliveredOrdersCanBeReturned() {
        Eligibility e = decide("return", "shipped", null, "jacket");
        assertFalse(e.isAllowed());
        assertEquals("returns.after-delivery", e.getClause());
    }

    @Test
    void exchangesHaveTheirOwnLongerWindow() {
        assertTrue(decide("exchange", "delivered", 40, "jacket").isAllowed());
        Eligibility late = decide("exchange", "delivered", 46, "jacket");
        assertFalse(late.isAllowed());
        assertEquals("exchanges.window", late.getClause());
    }

    @Test
    void ordersCanBeCancelledUntilTheyShip() {
        Eligibility paid = decide("cancel", "paid", null, "jacket");
        assertTrue(paid.isAllowed());
        assertEquals("cancel.before-shipment", paid.getClause());
        assertTrue(decide("cancel", "packed", null, "jacket").isAllowed());
        Eligibility shipped = decide("cancel", "shipped", null, "jacket");
        assertFalse(shipped.isAllowed());
        assertEquals("cancel.after-shipment", shipped.getClause());
        assertFalse(decide("cancel", "delivered", 2, "jacket").isAllowed());
    }

    @Test
    void policyClausesAreListedInTheOrderTheRulesStateThem() {
        var ev = DemoRules.rules().evaluate(List.of(new Today(TODAY)), CompiledRules.Limits.DEFAULT);
        List<String> returns = PricingFacts.inRuleOrder(ev.all(PolicyTerm.class), ev, DemoRules.rules()).stream()
                .filter(t -> t.getTopic().equals("returns")).map(PolicyTerm::getClause).toList();
        assertEquals(List.of("returns.window", "returns.final-sale.category", "returns.final-sale.tag",
                "returns.after-delivery"), returns);
    }

    @Test
    void everyPolicyTopicHasWordingInAllThreeLanguages() {
        var ev = DemoRules.rules().evaluate(List.of(new Today(TODAY)), CompiledRules.Limits.DEFAULT);
        List<PolicyTerm> terms = ev.all(PolicyTerm.class);
        Set<String> topics = Set.copyOf(terms.stream().map(PolicyTerm::getTopic).toList());
        assertEquals(Set.of("returns", "exchanges", "cancellation", "warranty", "payment", "privacy", "store-hours"), topics);
        for (PolicyTerm t : terms) {
            assertTrue(t.getStatement().zhTW() != null && t.getStatement().zhCN() != null, t.getClause());
        }
    }
}
