package dev.parley.order;

import java.math.BigDecimal;

/**
 * Money went back to the shopper: the payment provider confirmed a refund of an order (fired synchronously, inside
 * the transaction that recorded it). A cancelled order is refunded once; a return once per RMA.
 *
 * @param orderNumber the order
 * @param reference what was refunded: {@code cancel}, or the return's RMA number
 * @param amount the amount refunded, in the order's currency, as recorded
 */
public record OrderRefunded(String orderNumber, String reference, BigDecimal amount) {
}
