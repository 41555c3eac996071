package dev.parley.rules.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/** Money arithmetic for rules: two decimals, half-up, never negative where a saving is meant. */
public final class Amounts {

    private Amounts() {
    }

    /** The amount at two decimals. */
    public static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** A decimal from a number written in a rule ({@code 200}, {@code 12.5}, {@code "199.00"}). */
    public static BigDecimal of(Object value) {
        if (value instanceof BigDecimal b) {
            return money(b);
        }
        return money(new BigDecimal(String.valueOf(value).strip()));
    }

    /** {@code percent}% of {@code amount}, rounded to the cent. */
    public static BigDecimal percentOf(BigDecimal amount, BigDecimal percent) {
        return money(amount.multiply(percent).divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP));
    }

    /** The sum, zero for none. */
    public static BigDecimal sum(Collection<BigDecimal> amounts) {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal a : amounts) {
            total = total.add(a);
        }
        return money(total);
    }

    /** The larger of zero and the amount. */
    public static BigDecimal atLeastZero(BigDecimal amount) {
        return amount.signum() < 0 ? money(BigDecimal.ZERO) : money(amount);
    }
}
