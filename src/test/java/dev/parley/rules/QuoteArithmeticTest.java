package dev.parley.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Capping and sharing discounts over lines. */
class QuoteArithmeticTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s).setScale(2);
    }

    @Test
    void aLineDiscountIsCappedAtItsLine() {
        var r = QuoteArithmetic.compute(List.of(new QuoteArithmetic.LineIn("A", d("100"))),
                List.of(new QuoteArithmetic.DiscountIn("A", d("80")), new QuoteArithmetic.DiscountIn("A", d("50"))), d("0"));
        assertEquals(List.of(d("80"), d("20")), r.applied());
        assertEquals(d("0"), r.total());
    }

    @Test
    void aCartDiscountIsSharedInProportionAndCappedAtWhatIsLeft() {
        var r = QuoteArithmetic.compute(List.of(new QuoteArithmetic.LineIn("A", d("300")),
                new QuoteArithmetic.LineIn("B", d("100"))), List.of(new QuoteArithmetic.DiscountIn(null, d("100"))), d("60"));
        assertEquals(List.of(d("75"), d("25")), r.lineDiscounts());
        assertEquals(d("360"), r.total());
        var over = QuoteArithmetic.compute(List.of(new QuoteArithmetic.LineIn("A", d("50"))),
                List.of(new QuoteArithmetic.DiscountIn(null, d("80"))), d("0"));
        assertEquals(List.of(d("50")), over.applied());
    }

    @Test
    void roundingCentsStillAddUp() {
        var r = QuoteArithmetic.compute(List.of(new QuoteArithmetic.LineIn("A", d("0.01")),
                new QuoteArithmetic.LineIn("B", d("0.01")), new QuoteArithmetic.LineIn("C", d("99.98"))),
                List.of(new QuoteArithmetic.DiscountIn(null, d("33.33"))), d("0"));
        assertEquals(d("33.33"), r.lineDiscounts().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        assertEquals(d("66.67"), r.total());
    }
}
