package dev.parley.platform.api;

import dev.parley.platform.Money;

/**
 * Money on the wire (CONTRACT.md): {@code {"amount": "1290.00", "currency": "TWD"}}, the amount a decimal
 * string.
 */
public record MoneyDto(String amount, String currency) {

    /** The wire form of {@code money}, or null for null. */
    public static MoneyDto of(Money money) {
        return money == null ? null : new MoneyDto(money.amountText(), money.currency().getCurrencyCode());
    }
}
