package dev.parley.payment;

/**
 * A charge to make.
 *
 * @param idempotencyKey the provider-side idempotency key (one per order and checkout attempt)
 * @param amountMinor the amount in the currency's minor units (cents; TWD has two decimals at Stripe too)
 * @param currency ISO 4217 code
 * @param card the card number as entered, digits only (the sandbox), or a provider's payment method id such as
 *     Stripe's {@code pm_…}; a card number is never stored, only its last four digits
 * @param description what the shopper sees on the statement, e.g. the order number
 */
public record ChargeRequest(String idempotencyKey, long amountMinor, String currency, String card, String description) {

    @Override
    public String toString() {
        return "ChargeRequest[" + idempotencyKey + " " + amountMinor + " " + currency + " card ****"
                + (last4(card) == null ? "" : last4(card)) + "]";
    }

    /** The last four digits of a card number; null for anything else (a payment method id). */
    public static String last4(String card) {
        return card == null || !card.matches("[0-9]{12,19}") ? null : card.substring(card.length() - 4);
    }
}
