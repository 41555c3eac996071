package dev.parley.nlu.entities;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads amounts written with Arabic digits ({@code 1,500}, {@code 1500.5}, {@code 3k}), Chinese numerals
 * ({@code 兩百}, {@code 二百五}, {@code 兩千五} = 2500, {@code 一萬二} = 12000) or both ({@code 1.5萬}, {@code 2千}).
 * Works on folded (Simplified) text: {@code 两}, {@code 万}.
 */
final class Amounts {

    private Amounts() {
    }

    static final String CN_DIGITS = "零〇一二两三四五六七八九";
    static final String CN_UNITS = "十百千万亿";

    /** An amount token: Arabic-led (with k or Chinese units) or Chinese numerals. */
    static final Pattern AMOUNT = Pattern.compile(
            "(?<![0-9.])(?<!\\d,)(?:(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:\\s?[kK](?![A-Za-z])|[十百千万亿]+[零一二两三四五六七八九]?)?"
                    + "|[零〇一二两三四五六七八九十百千万亿]+)");

    private static final Map<Character, Integer> DIGIT = Map.ofEntries(Map.entry('零', 0), Map.entry('〇', 0),
            Map.entry('一', 1), Map.entry('二', 2), Map.entry('两', 2), Map.entry('三', 3), Map.entry('四', 4),
            Map.entry('五', 5), Map.entry('六', 6), Map.entry('七', 7), Map.entry('八', 8), Map.entry('九', 9));

    private static final Map<Character, Long> UNIT = Map.of('十', 10L, '百', 100L, '千', 1000L, '万', 10_000L,
            '亿', 100_000_000L);

    /** Whether the token holds a Chinese unit or a k (a magnitude word, not just digits). */
    static boolean hasMagnitude(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (CN_UNITS.indexOf(c) >= 0 || c == 'k' || c == 'K') {
                return true;
            }
        }
        return false;
    }

    static boolean isArabic(String token) {
        return !token.isEmpty() && Character.isDigit(token.charAt(0));
    }

    /** The value of an amount token, or null when it is not one. */
    static BigDecimal parse(String token) {
        String t = token.replace(",", "").replace(" ", "");
        if (t.isEmpty()) {
            return null;
        }
        char last = t.charAt(t.length() - 1);
        if (last == 'k' || last == 'K') {
            BigDecimal base = parseArabic(t.substring(0, t.length() - 1));
            return base == null ? null : base.multiply(BigDecimal.valueOf(1000));
        }
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal section = BigDecimal.ZERO;
        BigDecimal number = null;
        long lastUnit = 0;
        boolean zeroSeen = false;
        boolean afterUnit = false;
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (Character.isDigit(c)) {
                int j = i;
                while (j < t.length() && (Character.isDigit(t.charAt(j)) || t.charAt(j) == '.')) {
                    j++;
                }
                if (number != null) {
                    return null;
                }
                number = parseArabic(t.substring(i, j));
                if (number == null) {
                    return null;
                }
                i = j;
                continue;
            }
            Integer d = DIGIT.get(c);
            if (d != null) {
                if (d == 0) {
                    zeroSeen = true;
                } else if (number != null) {
                    return null;
                } else {
                    number = BigDecimal.valueOf(d);
                }
                i++;
                continue;
            }
            Long unit = UNIT.get(c);
            if (unit == null) {
                return null;
            }
            BigDecimal u = BigDecimal.valueOf(unit);
            if (unit >= 10_000L) {
                section = section.add(number == null ? BigDecimal.ZERO : number);
                if (section.signum() == 0) {
                    section = BigDecimal.ONE;
                }
                total = total.add(section.multiply(u));
                section = BigDecimal.ZERO;
            } else {
                BigDecimal n = number == null ? (unit == 10L ? BigDecimal.ONE : null) : number;
                if (n == null) {
                    return null;
                }
                section = section.add(n.multiply(u));
            }
            number = null;
            lastUnit = unit;
            zeroSeen = false;
            afterUnit = true;
            i++;
        }
        if (number != null) {
            if (afterUnit && !zeroSeen && lastUnit >= 100) {
                number = number.multiply(BigDecimal.valueOf(lastUnit / 10));
            }
            section = section.add(number);
        } else if (!afterUnit) {
            return zeroSeen ? BigDecimal.ZERO : null;
        }
        return total.add(section);
    }

    private static BigDecimal parseArabic(String s) {
        try {
            return new BigDecimal(s.replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A plain decimal string without trailing zeros: {@code 2500}, {@code 1500.5}. */
    static String format(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0).toPlainString() : v.toPlainString();
    }

    /** The value of a small count: Arabic digits or a Chinese numeral ({@code 兩}, {@code 十}), else -1. */
    static int count(String token) {
        BigDecimal v = parse(token);
        if (v == null || v.signum() <= 0 || v.stripTrailingZeros().scale() > 0 || v.compareTo(BigDecimal.valueOf(100_000)) > 0) {
            return -1;
        }
        return v.intValue();
    }
}
