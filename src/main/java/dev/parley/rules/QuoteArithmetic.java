package dev.parley.rules;

import dev.parley.rules.facts.Amounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The sums of a quote, kept out of the rules so they always hold: each line's own discounts are capped at
 * the line total, cart-wide discounts at what is left of the subtotal (in the order given), and cart-wide
 * discounts are shared out over lines in proportion to what each still costs, so no line nets below zero
 * and {@code total = subtotal - discounts + shipping}.
 */
public final class QuoteArithmetic {

    private QuoteArithmetic() {
    }

    /** A line before discounts. */
    public record LineIn(String sku, BigDecimal lineTotal) {
    }

    /** A discount before capping: {@code sku} null for the whole cart. */
    public record DiscountIn(String sku, BigDecimal amount) {
    }

    /**
     * The result.
     *
     * @param applied each discount's capped amount, in input order
     * @param lineDiscounts each line's share of all discounts, in input order
     * @param subtotal the sum of line totals
     * @param discountTotal the sum of capped discounts
     * @param total subtotal minus discounts plus shipping
     */
    public record Result(List<BigDecimal> applied, List<BigDecimal> lineDiscounts, BigDecimal subtotal,
            BigDecimal discountTotal, BigDecimal total) {
    }

    /** Caps, allocates and sums. */
    public static Result compute(List<LineIn> lines, List<DiscountIn> discounts, BigDecimal shipping) {
        int n = lines.size();
        BigDecimal[] remaining = new BigDecimal[n];
        BigDecimal[] share = new BigDecimal[n];
        BigDecimal subtotal = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            remaining[i] = Amounts.money(lines.get(i).lineTotal());
            share[i] = Amounts.money(BigDecimal.ZERO);
            subtotal = subtotal.add(remaining[i]);
        }
        BigDecimal[] applied = new BigDecimal[discounts.size()];
        // Line discounts first: each capped at what its line still costs.
        for (int d = 0; d < discounts.size(); d++) {
            DiscountIn in = discounts.get(d);
            if (in.sku() == null) {
                continue;
            }
            int i = indexOf(lines, in.sku());
            BigDecimal amount = i < 0 ? BigDecimal.ZERO : Amounts.atLeastZero(in.amount()).min(remaining[i]);
            applied[d] = Amounts.money(amount);
            if (i >= 0) {
                remaining[i] = remaining[i].subtract(amount);
                share[i] = share[i].add(amount);
            }
        }
        // Cart discounts: capped at what the cart still costs, shared in proportion to each line's remainder.
        for (int d = 0; d < discounts.size(); d++) {
            DiscountIn in = discounts.get(d);
            if (in.sku() != null) {
                continue;
            }
            BigDecimal left = sum(remaining);
            BigDecimal amount = Amounts.atLeastZero(in.amount()).min(left);
            applied[d] = Amounts.money(amount);
            if (amount.signum() == 0) {
                continue;
            }
            BigDecimal allocated = BigDecimal.ZERO;
            int last = -1;
            for (int i = 0; i < n; i++) {
                if (remaining[i].signum() > 0) {
                    last = i;
                }
            }
            BigDecimal[] parts = new BigDecimal[n];
            for (int i = 0; i < n; i++) {
                if (remaining[i].signum() == 0) {
                    parts[i] = BigDecimal.ZERO;
                } else if (i == last) {
                    parts[i] = amount.subtract(allocated);
                } else {
                    parts[i] = amount.multiply(remaining[i]).divide(left, 2, RoundingMode.DOWN);
                    allocated = allocated.add(parts[i]);
                }
            }
            BigDecimal leftover = amount;
            for (int i = 0; i < n; i++) {
                parts[i] = parts[i].min(remaining[i]);
                remaining[i] = remaining[i].subtract(parts[i]);
                share[i] = share[i].add(parts[i]);
                leftover = leftover.subtract(parts[i]);
            }
            // Rounding cents that a capped line could not take go to any line with something left.
            for (int i = 0; i < n && leftover.signum() > 0; i++) {
                BigDecimal take = leftover.min(remaining[i]);
                remaining[i] = remaining[i].subtract(take);
                share[i] = share[i].add(take);
                leftover = leftover.subtract(take);
            }
        }
        BigDecimal discountTotal = BigDecimal.ZERO;
        for (BigDecimal a : applied) {
            discountTotal = discountTotal.add(a);
        }
        List<BigDecimal> lineDiscounts = new ArrayList<>();
        for (BigDecimal s : share) {
            lineDiscounts.add(Amounts.money(s));
        }
        BigDecimal total = Amounts.money(subtotal).subtract(discountTotal).add(Amounts.money(shipping));
        return new Result(List.of(applied), lineDiscounts, Amounts.money(subtotal), Amounts.money(discountTotal),
                Amounts.money(total));
    }

    private static int indexOf(List<LineIn> lines, String sku) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).sku().equals(sku)) {
                return i;
            }
        }
        return -1;
    }

    private static BigDecimal sum(BigDecimal[] values) {
        BigDecimal s = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            s = s.add(v);
        }
        return s;
    }
}
