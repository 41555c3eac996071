/**
 * Shoppers: who they are (a shop-signed {@code customerToken} or anonymous), and later their profiles,
 * memory and consent. A component uses it through its services only.
 */
package dev.parley.customer;
