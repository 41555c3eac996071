package dev.parley.payment;

/**
 * A provider's answer to a charge.
 *
 * @param status what happened
 * @param providerRef the provider's id for the charge, may be null when refused before it was created
 * @param declineCode the provider's reason for a decline (e.g. {@code card_declined}), null otherwise
 */
public record ChargeResult(Status status, String providerRef, String declineCode) {

    /** Outcomes of a charge. */
    public enum Status {
        /** The money was taken. */
        SUCCEEDED,
        /** The card was refused. */
        DECLINED,
        /** The bank wants the shopper to authenticate (3-D Secure) before it will pay. */
        REQUIRES_ACTION,
        /** The provider could not be reached or failed; whether it charged is unknown until asked again. */
        UNKNOWN
    }
}
