package dev.parley.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in a currency. Amounts are exact decimals with the currency's minor digits (two for TWD as
 * Shopify and payment providers use them), never floating point.
 *
 * @param amount the amount
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) {

    public Money {
        Objects.requireNonNull(amount);
        Objects.requireNonNull(currency);
        amount = amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** The amount as the contract writes it: a plain decimal string such as {@code "1290.00"}. */
    public String amountText() {
        return amount.toPlainString();
    }
}
