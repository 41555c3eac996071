package dev.parley.customer;

/**
 * A shopper the shop vouched for with a signed {@code customerToken}.
 *
 * @param customerId the shop's customer id (the token's {@code sub})
 * @param email the shopper's e-mail
 * @param name display name, may be null
 */
public record CustomerIdentity(String customerId, String email, String name) {
}
