package dev.parley.payment;

import java.util.Optional;

/**
 * A payment provider. Implementations are idempotent per key: a repeated {@link #charge} with the same key
 * returns the first answer and never charges again, which is what lets a checkout that crashed or timed out
 * be retried safely.
 */
public interface PaymentGateway {

    /** The provider's name as the checkout action names it ({@code sandbox}, {@code stripe}). */
    String provider();

    /** Whether this store offers the provider (it is configured). */
    default boolean enabled() {
        return true;
    }

    /** Charges a card, or returns the answer already given for this key. */
    ChargeResult charge(ChargeRequest request);

    /**
     * Refunds (part of) a charge. Idempotent per key like {@link #charge}.
     *
     * @param chargeRef the provider's id of the charge
     * @param amountMinor the amount to give back, in minor units
     */
    ChargeResult refund(String chargeRef, long amountMinor, String currency, String idempotencyKey);

    /** What the provider recorded for a key, if it ever received the charge (for recovering after a crash). */
    Optional<ChargeResult> find(String idempotencyKey);
}
