package dev.parley.order;

/**
 * An order moved on in its lifecycle (fired synchronously, inside the transaction that moved it), so the
 * conversation it was placed in can tell the shopper.
 *
 * @param orderNumber the order
 * @param conversationId the conversation it was placed in, may be null
 */
public record OrderChanged(String orderNumber, String conversationId) {
}
