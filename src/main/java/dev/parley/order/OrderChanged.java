package dev.parley.order;

/**
 * An order moved on in its lifecycle (fired synchronously, inside the transaction that moved it), so the
 * conversation it was placed in can tell the shopper and the shopper's e-mail can be queued in the same commit.
 * Fired when an order is paid, packed, shipped, delivered, returned or cancelled.
 *
 * @param orderNumber the order
 * @param conversationId the conversation it was placed in, may be null
 * @param status the status the order moved to
 */
public record OrderChanged(String orderNumber, String conversationId, OrderStatus status) {
}
