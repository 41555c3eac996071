package dev.parley.rules.facts;

import java.util.Objects;

/**
 * Wording a rule gives to a shopper, in the three store languages. A missing translation falls back to
 * English, so a merchant may write English only.
 *
 * @param en English
 * @param zhTW Traditional Chinese, may be null
 * @param zhCN Simplified Chinese, may be null
 */
public record Text(String en, String zhTW, String zhCN) {

    public Text {
        Objects.requireNonNull(en, "English wording is required");
    }

    /** Wording in three languages. */
    public static Text of(String en, String zhTW, String zhCN) {
        return new Text(en, blankToNull(zhTW), blankToNull(zhCN));
    }

    /** English-only wording. */
    public static Text of(String en) {
        return new Text(en, null, null);
    }

    /** The wording for a store locale ({@code en}, {@code zh-TW}, {@code zh-CN}), English where untranslated. */
    public String in(String locale) {
        if ("zh-TW".equals(locale) && zhTW != null) {
            return zhTW;
        }
        if ("zh-CN".equals(locale) && zhCN != null) {
            return zhCN;
        }
        if ("zh-CN".equals(locale) && zhTW != null) {
            return zhTW;
        }
        if ("zh-TW".equals(locale) && zhCN != null) {
            return zhCN;
        }
        return en;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
