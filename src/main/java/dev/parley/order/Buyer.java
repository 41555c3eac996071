package dev.parley.order;

/**
 * Who is checking out, and from where.
 *
 * @param cartId the cart being bought, null when the shopper has none
 * @param conversationId the conversation it happens in, may be null
 * @param customerId the signed-in customer, null for an anonymous shopper
 * @param anonymousId the widget's anonymous id, may be null
 * @param locale the shopper's language
 */
public record Buyer(String cartId, String conversationId, String customerId, String anonymousId, String locale) {
}
