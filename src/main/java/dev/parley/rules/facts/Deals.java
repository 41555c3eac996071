package dev.parley.rules.facts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** The arithmetic of multi-unit deals, called from pricing rules so the DRL stays a business sentence. */
public final class Deals {

    private Deals() {
    }

    /**
     * The value of the free units in "buy X get Y": every complete group of {@code buy + free} units among
     * the lines makes {@code free} units free, the cheapest ones.
     */
    public static BigDecimal freeUnitsValue(Collection<CartLine> lines, int buy, int free) {
        List<BigDecimal> units = units(lines);
        int groups = units.size() / (buy + free);
        int freeUnits = groups * free;
        units.sort(Comparator.naturalOrder());
        return Amounts.sum(units.subList(0, freeUnits));
    }

    /**
     * The saving of a bundle price: one unit from each category makes a set (cheapest units first); each set
     * costing more than the bundle price saves the difference.
     */
    public static BigDecimal bundleSaving(Collection<CartLine> lines, List<String> categories, BigDecimal bundlePrice) {
        List<List<BigDecimal>> perCategory = new ArrayList<>();
        int sets = Integer.MAX_VALUE;
        for (String category : categories) {
            List<BigDecimal> units = units(lines.stream().filter(l -> category.equals(l.getCategory())).toList());
            units.sort(Comparator.naturalOrder());
            perCategory.add(units);
            sets = Math.min(sets, units.size());
        }
        BigDecimal saving = BigDecimal.ZERO;
        for (int i = 0; i < sets; i++) {
            BigDecimal set = BigDecimal.ZERO;
            for (List<BigDecimal> units : perCategory) {
                set = set.add(units.get(i));
            }
            saving = saving.add(Amounts.atLeastZero(set.subtract(bundlePrice)));
        }
        return Amounts.money(saving);
    }

    /** The total of the active discounts. */
    public static BigDecimal total(Collection<Discount> discounts) {
        return Amounts.sum(discounts.stream().filter(Discount::isActive).map(Discount::getAmount).toList());
    }

    /** The total of the active discounts of one promotion or coupon code. */
    public static BigDecimal totalFor(Collection<Discount> discounts, String code) {
        return Amounts.sum(discounts.stream().filter(d -> d.isActive() && d.getCode().equals(code))
                .map(Discount::getAmount).toList());
    }

    /** The total of the active discounts of every other code. */
    public static BigDecimal totalExcept(Collection<Discount> discounts, String code) {
        return Amounts.sum(discounts.stream().filter(d -> d.isActive() && !d.getCode().equals(code))
                .map(Discount::getAmount).toList());
    }

    /** Whether an active discount of another code exists. */
    public static boolean hasOthers(Collection<Discount> discounts, String code) {
        return discounts.stream().anyMatch(d -> d.isActive() && !d.getCode().equals(code));
    }

    /**
     * Whether {@code code} loses within its group: another code among the discounts saves more in total (on
     * a tie, the alphabetically first code wins, so exactly one stays).
     */
    public static boolean losesInGroup(Collection<Discount> groupDiscounts, String code) {
        BigDecimal mine = totalFor(groupDiscounts, code);
        return groupDiscounts.stream().filter(d -> d.isActive() && !d.getCode().equals(code)).map(Discount::getCode)
                .distinct().anyMatch(other -> {
                    int cmp = totalFor(groupDiscounts, other).compareTo(mine);
                    return cmp > 0 || cmp == 0 && other.compareTo(code) < 0;
                });
    }

    private static List<BigDecimal> units(Collection<CartLine> lines) {
        List<BigDecimal> units = new ArrayList<>();
        for (CartLine l : lines) {
            for (int i = 0; i < l.getQuantity(); i++) {
                units.add(l.getUnitPrice());
            }
        }
        return units;
    }
}
