package dev.parley.payment;

/**
 * A charge to make.
 *
 * @param idempotencyKey the provider-side idempotency key (one per order and checkout attempt)
 * @param amountMinor the amount in the currency's minor units (cents; TWD has two decimals at Stripe too)
 * @param currency ISO 4217 code
 * @param card the card number as entered (digits only); never stored, only its last four digits
 * @param description what the shopper sees on the statement, e.g. the order number
 */
public record ChargeRequest(String idempotencyKey, long amountMinor, String currency, String card, String description) {

    @Override
    public String toString() {
        return "ChargeRequest[" + idempotencyKey + " " + amountMinor + " " + currency + " card ****"
                + last4(card) + "]";
    }

    /** The last four digits of a card number. */
    public static String last4(String card) {
        return card == null || card.length() < 4 ? "????" : card.substring(card.length() - 4);
    }
}
