package dev.parley.platform;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * Amounts as shoppers read them in each store language: New Taiwan dollars as {@code NT$1,290} (cents only
 * when there are any), other currencies in the locale's own currency format.
 */
public final class MoneyFormat {

    private MoneyFormat() {
    }

    /** The amount for a store locale ({@code en}, {@code zh-TW}, {@code zh-CN}). */
    public static String format(BigDecimal amount, Currency currency, String locale) {
        boolean whole = amount.stripTrailingZeros().scale() <= 0;
        if (currency.getCurrencyCode().equals("TWD")) {
            DecimalFormat f = new DecimalFormat(whole ? "#,##0" : "#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
            return (amount.signum() < 0 ? "-" : "") + "NT$" + f.format(amount.abs());
        }
        NumberFormat f = NumberFormat.getCurrencyInstance(Locale.forLanguageTag(locale == null ? "en" : locale));
        f.setCurrency(currency);
        if (whole) {
            f.setMinimumFractionDigits(0);
        }
        return f.format(amount);
    }

    /** The amount of a {@link Money}. */
    public static String format(Money money, String locale) {
        return format(money.amount(), money.currency(), locale);
    }
}
