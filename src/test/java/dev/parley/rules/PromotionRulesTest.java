package dev.parley.rules;

import static dev.parley.rules.DemoRules.amount;
import static dev.parley.rules.DemoRules.cart;
import static dev.parley.rules.DemoRules.discount;
import static dev.parley.rules.DemoRules.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rules.facts.Promotion;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Promotions in rules/promotions applied by rules/pricing: one test per capability, against the real files. */
class PromotionRulesTest {

    @Test
    void percentOffACategoryFromTheDecisionTable() {
        Quote q = cart().with(line("COAT-1", "coat", "Cloudsea Outfitters", "3000", 1))
                .with(line("TEE-1", "t-shirt", "Cloudsea Outfitters", "500", 1)).quote();
        Quote.AppliedDiscount d = discount(q, "WINTER-COATS");
        assertEquals(amount("450"), d.amount());
        assertEquals("COAT-1", d.sku(), "only the coat line is discounted");
        assertEquals("Percent off takes its share of each matching line", d.rule());
        assertEquals("Winter coats 15% off", d.declaredBy(), "the decision-table row declared the promotion");
        assertEquals("Winter coats 15% off", d.description());
        assertEquals("冬季大衣 85 折", discount(cart().with(line("COAT-1", "coat", "x", "3000", 1)).quote("zh-TW"),
                "WINTER-COATS").description());
    }

    @Test
    void amountOffEachUnitOfABrandsCategory() {
        Quote q = cart().with(line("BOOT-1", "boots", "Yushan Ridge", "4200", 2))
                .with(line("BOOT-2", "boots", "Basalt Works", "3900", 1)).quote();
        Quote.AppliedDiscount d = discount(q, "YUSHAN-BOOTS");
        assertEquals(amount("600"), d.amount(), "NT$300 off each of two pairs");
        assertEquals("BOOT-1", d.sku(), "another brand's boots are not included");
        assertEquals("Amount off comes off each matching unit", d.rule());
    }

    @Test
    void percentOffABrandsTaggedProducts() {
        Quote q = cart().with(line("KID-RAIN", "jacket", "Pinecone Kids", "1000", 1, "waterproof", "kids"))
                .with(line("KID-TEE", "t-shirt", "Pinecone Kids", "400", 1, "kids")).quote();
        assertEquals(amount("200"), discount(q, "KIDS-RAIN").amount());
        assertEquals("KID-RAIN", discount(q, "KIDS-RAIN").sku());
    }

    @Test
    void amountOffOneProductByItsHandle() {
        var beanie = new dev.parley.rules.facts.CartLine("BEANIE-GRY", "merino-beanie", "Merino beanie", "hat",
                "Hualien Loom", java.util.Set.of(), 2, new java.math.BigDecimal("690"));
        var other = new dev.parley.rules.facts.CartLine("BEANIE-CSH", "cashmere-ribbed-beanie", "Cashmere beanie", "hat",
                "Hualien Loom", java.util.Set.of(), 1, new java.math.BigDecimal("1290"));
        Quote q = cart().with(beanie).with(other).quote();
        assertEquals(amount("200"), discount(q, "BEANIE-100").amount(), "NT$100 off each of the two");
        assertEquals("BEANIE-GRY", discount(q, "BEANIE-100").sku(), "only that product");
    }

    @Test
    void promotionsOnlyApplyWithinTheirDatesAndWhenLive() {
        Quote march = cart().on(LocalDate.of(2027, 3, 1)).with(line("COAT-1", "coat", "x", "3000", 1)).quote();
        assertNull(discount(march, "WINTER-COATS"), "the winter offer ended on 28 February");
        assertTrue(cart().on(LocalDate.of(2027, 3, 1)).with(line("COAT-1", "coat", "x", "3000", 1)).evaluate()
                .all(Promotion.class).stream().noneMatch(p -> p.getCode().equals("WINTER-COATS")),
                "'A promotion outside its dates is withdrawn' took it out of working memory");

        Quote shorts = cart().with(line("SHORTS-1", "shorts", "x", "900", 1)).quote();
        assertNull(discount(shorts, "SUMMER-SHORTS"), "the summer offer ended in August");
        Quote july = cart().on(LocalDate.of(2026, 7, 1)).with(line("SHORTS-1", "shorts", "x", "900", 1)).quote();
        assertEquals(amount("225"), discount(july, "SUMMER-SHORTS").amount(), "and applied while it ran");

        var ev = cart().with(line("UMB-1", "umbrella", "x", "600", 1)).evaluate();
        assertTrue(ev.all(Promotion.class).stream().noneMatch(p -> p.getCode().equals("UMBRELLA-WEEK")),
                "a row whose Live column is not 'yes' declares nothing");
    }

    @Test
    void buyTwoSocksGetTheCheapestThirdFree() {
        Quote three = cart().with(line("SOCK-A", "socks", "x", "200", 1)).with(line("SOCK-B", "socks", "x", "250", 1))
                .with(line("SOCK-C", "socks", "x", "300", 1)).quote();
        Quote.AppliedDiscount d = discount(three, "SOCKS3FOR2");
        assertEquals(amount("200"), d.amount(), "the cheapest pair is free");
        assertEquals("Buy X get Y makes the cheapest matching units free", d.rule());
        assertNull(discount(cart().with(line("SOCK-A", "socks", "x", "200", 2)).quote(), "SOCKS3FOR2"),
                "two pairs earn nothing");
        assertEquals(amount("400"), discount(cart().with(line("SOCK-A", "socks", "x", "200", 6)).quote(),
                "SOCKS3FOR2").amount(), "six pairs: two free");
    }

    @Test
    void aHatAndAScarfTogetherForTheBundlePrice() {
        Quote q = cart().with(line("HAT-1", "hat", "x", "800", 1)).with(line("SCARF-1", "scarf", "x", "900", 1)).quote();
        Quote.AppliedDiscount d = discount(q, "HATSCARF");
        assertEquals(amount("500"), d.amount(), "NT$1,700 for the pair becomes NT$1,200");
        assertEquals("A bundle price replaces the price of each complete set", d.rule());
        assertNull(discount(cart().with(line("HAT-1", "hat", "x", "800", 2)).quote(), "HATSCARF"), "hats alone");
        Quote twoHats = cart().with(line("HAT-1", "hat", "x", "800", 2)).with(line("SCARF-1", "scarf", "x", "900", 1))
                .quote();
        assertEquals(amount("500"), discount(twoHats, "HATSCARF").amount(), "one complete set only");
    }

    @Test
    void spendingPastAThresholdSavesAFixedAmountAndOnlyTheBestThresholdApplies() {
        Quote q = cart().with(line("TEE-1", "t-shirt", "x", "700", 3)).quote();
        assertEquals(amount("200"), discount(q, "SPEND2000").amount());
        assertEquals("Spending past a threshold saves a fixed amount", discount(q, "SPEND2000").rule());
        assertNull(discount(cart().with(line("TEE-1", "t-shirt", "x", "700", 2)).quote(), "SPEND2000"),
                "NT$1,400 is below the threshold");

        Quote big = cart().with(line("TEE-1", "t-shirt", "x", "1300", 4)).quote();
        assertEquals(amount("600"), discount(big, "SPEND5000").amount());
        assertNull(discount(big, "SPEND2000"), "the two thresholds are one group");
        assertTrue(big.withdrawn().stream().anyMatch(w -> w.code().equals("SPEND2000")
                && w.withdrawnBecause().equals("stacking.group")));
    }

    @Test
    void memberTiersPayTheirMemberPriceOnEveryLine() {
        var lines = cart().tier("gold").with(line("TEE-1", "t-shirt", "x", "500", 1)).with(line("CAP-1", "hat", "x", "300", 1));
        Quote gold = lines.quote();
        assertEquals(amount("80"), discount(gold, "GOLD10").amount(), "10% of each line");
        assertEquals(2, gold.discounts().stream().filter(d -> d.code().equals("GOLD10")).count());
        assertEquals("member", gold.discounts().get(0).source());
        Quote silver = cart().tier("silver").with(line("TEE-1", "t-shirt", "x", "500", 1)).quote();
        assertEquals(amount("25"), discount(silver, "SILVER5").amount());
        Quote standard = cart().with(line("TEE-1", "t-shirt", "x", "500", 1)).quote();
        assertTrue(standard.discounts().isEmpty(), "no member price without a tier");
        assertFalse(standard.firedRules().contains("Members of a tier pay their member price"));
    }

    @Test
    void anExclusiveOfferStandsAloneWhenItSavesMore() {
        Quote q = cart().with(line("JEANS-1", "jeans", "Oolong Denim", "2200", 1)).quote();
        assertEquals(amount("660"), discount(q, "DENIM-CLEARANCE").amount());
        assertNull(discount(q, "SPEND2000"), "the threshold saving is withdrawn: the clearance does not combine");
        assertTrue(q.withdrawn().stream().anyMatch(w -> w.code().equals("SPEND2000")
                && w.withdrawnBecause().equals("stacking.exclusive")));
        assertTrue(q.firedRules().contains(
                "An exclusive offer applies alone when it saves at least as much as the others together"));
    }

    @Test
    void anExclusiveOfferGivesWayWhenTheOthersSaveMore() {
        Quote q = cart().tier("gold").with(line("JEANS-1", "jeans", "Oolong Denim", "1000", 1))
                .with(line("COAT-1", "coat", "x", "6000", 1)).quote();
        assertNull(discount(q, "DENIM-CLEARANCE"), "300 off the jeans is less than the others together");
        assertNotNull(discount(q, "WINTER-COATS"));
        assertNotNull(discount(q, "SPEND5000"));
        assertNotNull(discount(q, "GOLD10"));
        assertTrue(q.firedRules().contains("An exclusive offer gives way when the others together save more"));
    }
}
