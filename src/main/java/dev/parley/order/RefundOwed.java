package dev.parley.order;

/**
 * A refund was owed in the transaction now running (a {@code payment} row in status PENDING); after that
 * transaction commits, {@link Refunds} pays it.
 *
 * @param paymentId the payment row
 */
public record RefundOwed(long paymentId) {
}
