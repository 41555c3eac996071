package dev.parley.platform.store;

import java.util.Currency;

/**
 * The shop's identity and defaults.
 *
 * @param name shop name shown to shoppers
 * @param currency store currency (ISO 4217), the currency of catalog prices
 * @param defaultLocale language used when a shopper's is unknown ({@code en}, {@code zh-TW}, {@code zh-CN})
 * @param timeZone IANA zone for opening hours and dates
 * @param supportEmail where shoppers can write, may be null
 * @param storefrontUrl the shop's web address, may be null
 */
public record StoreProfile(String name, Currency currency, String defaultLocale, String timeZone,
        String supportEmail, String storefrontUrl) {
}
