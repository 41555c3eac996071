package dev.parley.rules;

import static dev.parley.rules.DemoRules.amount;
import static dev.parley.rules.DemoRules.cart;
import static dev.parley.rules.DemoRules.discount;
import static dev.parley.rules.DemoRules.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** rules/coupons: which codes apply, and the reason a refused one gives. */
class CouponRulesTest {

    private static Quote.CouponResult only(Quote q) {
        assertEquals(1, q.coupons().size());
        return q.coupons().get(0);
    }

    @Test
    void aValidCodeTakesItsValueOff() {
        Quote q = cart().with(line("TEE-1", "t-shirt", "x", "1100", 3)).coupon("take300").quote();
        assertTrue(only(q).accepted());
        assertEquals("TAKE300", only(q).code(), "codes are compared case-insensitively");
        assertEquals(amount("300"), discount(q, "TAKE300").amount());
        assertEquals("An accepted code takes its value off the merchandise", discount(q, "TAKE300").rule());
        assertEquals("coupon", discount(q, "TAKE300").source());
    }

    @Test
    void belowTheMinimumSpendTheCodeIsRefusedWithTheAmountNeeded() {
        Quote q = cart().with(line("TEE-1", "t-shirt", "x", "1000", 2)).coupon("TAKE300").quote();
        assertFalse(only(q).accepted());
        assertEquals("coupon.minimum-spend", only(q).clause());
        assertEquals("That code needs a spend of at least NT$3,000.", only(q).reason());
        assertNull(discount(q, "TAKE300"));
        Quote zh = cart().with(line("TEE-1", "t-shirt", "x", "1000", 2)).coupon("TAKE300").quote("zh-TW");
        assertEquals("此優惠碼需消費滿 NT$3,000。", only(zh).reason());
    }

    @Test
    void anUnknownCodeIsRefused() {
        Quote q = cart().with(line("TEE-1", "t-shirt", "x", "1000", 1)).coupon("FREESTUFF").quote();
        assertEquals("coupon.unknown", only(q).clause());
        assertTrue(q.firedRules().contains("A code the shop does not know is refused"));
    }

    @Test
    void aCodeIsValidOnlyWithinItsDates() {
        Quote expired = cart().with(line("TEE-1", "t-shirt", "x", "1000", 1)).coupon("SUMMER10").quote();
        assertEquals("coupon.expired", only(expired).clause());
        Quote early = cart().on(LocalDate.of(2026, 11, 19)).with(line("TEE-1", "t-shirt", "x", "1000", 1))
                .coupon("VIP15").quote();
        assertEquals("coupon.not-yet-valid", only(early).clause());
        Quote inside = cart().on(LocalDate.of(2026, 8, 31)).with(line("TEE-1", "t-shirt", "x", "1000", 1))
                .coupon("SUMMER10").quote();
        assertTrue(only(inside).accepted(), "the end date itself is inside the window");
        assertEquals(amount("100"), discount(inside, "SUMMER10").amount());
    }

    @Test
    void aFirstOrderCodeIsRefusedToReturningCustomers() {
        Quote first = cart().with(line("TEE-1", "t-shirt", "x", "1000", 1)).coupon("WELCOME100").quote();
        assertTrue(only(first).accepted());
        assertEquals(amount("100"), discount(first, "WELCOME100").amount());
        Quote returning = cart().returningCustomer().with(line("TEE-1", "t-shirt", "x", "1000", 1))
                .coupon("WELCOME100").quote();
        assertEquals("coupon.first-order-only", only(returning).clause());
    }

    @Test
    void perCustomerAndOverallUsageLimitsAreCounted() {
        Quote usedByMe = cart().with(line("TEE-1", "t-shirt", "x", "1000", 1)).coupon("WELCOME100")
                .used("WELCOME100", 1, 1).quote();
        assertEquals("coupon.used-by-customer", only(usedByMe).clause());
        Quote twiceOfThree = cart().with(line("TEE-1", "t-shirt", "x", "1100", 3)).coupon("TAKE300")
                .used("TAKE300", 2, 40).quote();
        assertTrue(only(twiceOfThree).accepted(), "two of three uses so far");
        Quote usedUp = cart().with(line("TEE-1", "t-shirt", "x", "1000", 1)).coupon("VIP15").used("VIP15", 0, 500).quote();
        assertEquals("coupon.used-up", only(usedUp).clause());
        Quote notYet = cart().with(line("TEE-1", "t-shirt", "x", "1000", 1)).coupon("VIP15").used("VIP15", 0, 499).quote();
        assertTrue(only(notYet).accepted());
    }

    @Test
    void onlyOneCouponPerOrder() {
        Quote q = cart().with(line("TEE-1", "t-shirt", "x", "1100", 3)).coupon("TAKE300").coupon("WELCOME100").quote();
        assertTrue(q.coupons().get(0).accepted());
        assertEquals("coupon.one-per-order", q.coupons().get(1).clause());
        assertNull(discount(q, "WELCOME100"));
    }

    @Test
    void anExclusiveCouponReplacesPromotionsOnlyWhenItSavesMore() {
        Quote small = cart().with(line("TEE-1", "t-shirt", "x", "700", 3)).coupon("VIP15").quote();
        // 15% of 2,100 = 315 beats the NT$200 threshold saving: the coupon stands alone.
        assertEquals(amount("315"), discount(small, "VIP15").amount());
        assertNull(discount(small, "SPEND2000"));
        Quote coats = cart().with(line("COAT-1", "coat", "x", "9000", 1)).coupon("VIP15").quote();
        // 15% of 9,000 = 1,350 is less than winter coats 1,350 + spend-5000 600 together.
        assertNull(discount(coats, "VIP15"));
        assertFalse(only(coats).accepted());
        assertEquals("stacking.exclusive", only(coats).clause());
    }
}
