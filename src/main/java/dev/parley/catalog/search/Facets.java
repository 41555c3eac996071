package dev.parley.catalog.search;

import java.util.Locale;
import java.util.Map;

/** Canonical values for the structured fields: colour and size option values, option names. */
public final class Facets {

    private static final Map<String, String> SIZE_WORDS = Map.ofEntries(
            Map.entry("extra small", "XS"), Map.entry("x-small", "XS"), Map.entry("small", "S"),
            Map.entry("medium", "M"), Map.entry("large", "L"), Map.entry("x-large", "XL"),
            Map.entry("extra large", "XL"), Map.entry("xx-large", "XXL"), Map.entry("2xl", "XXL"),
            Map.entry("3xl", "XXXL"), Map.entry("one size", "ONE SIZE"));
    private static final Map<String, String> CHINESE_COLORS = Map.ofEntries(
            Map.entry("黑", "black"), Map.entry("黑色", "black"), Map.entry("白", "white"), Map.entry("白色", "white"),
            Map.entry("紅", "red"), Map.entry("红", "red"), Map.entry("紅色", "red"), Map.entry("红色", "red"),
            Map.entry("藍", "blue"), Map.entry("蓝", "blue"), Map.entry("藍色", "blue"), Map.entry("蓝色", "blue"),
            Map.entry("灰", "grey"), Map.entry("灰色", "grey"), Map.entry("綠", "green"), Map.entry("绿", "green"),
            Map.entry("綠色", "green"), Map.entry("绿色", "green"), Map.entry("粉紅", "pink"),
            Map.entry("粉红", "pink"), Map.entry("黃色", "yellow"), Map.entry("黄色", "yellow"),
            Map.entry("棕色", "brown"), Map.entry("咖啡色", "brown"), Map.entry("米色", "beige"),
            Map.entry("海軍藍", "navy"), Map.entry("海军蓝", "navy"));

    private Facets() {
    }

    /** Whether an option name means colour ({@code Color}, {@code Colour}, {@code 顏色} …). */
    public static boolean isColorOption(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.equals("color") || n.equals("colour") || n.equals("顏色") || n.equals("颜色") || n.equals("色");
    }

    /** Whether an option name means size. */
    public static boolean isSizeOption(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.equals("size") || n.equals("尺寸") || n.equals("尺碼") || n.equals("尺码") || n.equals("shoe size");
    }

    /** A colour value in canonical lower-case English ({@code Black} and 黑色 are {@code black}). */
    public static String color(String value) {
        String v = value.strip();
        String chinese = CHINESE_COLORS.get(v);
        if (chinese != null) {
            return chinese;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        return lower.equals("gray") ? "grey" : lower;
    }

    /** A size value normalised: {@code m} and {@code Medium} are {@code M}; {@code 9.0} is {@code 9}. */
    public static String size(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        String word = SIZE_WORDS.get(v);
        if (word != null) {
            return word;
        }
        if (v.matches("\\d+(\\.\\d+)?")) {
            return new java.math.BigDecimal(v).stripTrailingZeros().toPlainString();
        }
        return v.toUpperCase(Locale.ROOT);
    }
}
