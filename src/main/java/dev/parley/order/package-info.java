/**
 * Orders: checkout (idempotent, stock reserved atomically, paid through a {@link dev.parley.payment.PaymentGateway}),
 * the order lifecycle, and what a shopper may see of their orders.
 */
package dev.parley.order;
