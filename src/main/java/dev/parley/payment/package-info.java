/**
 * Payments behind one gateway interface: the built-in sandbox provider (the default, Stripe's test card
 * numbers) and, later, provider adapters. A charge is always made with an idempotency key, so a retried
 * checkout can never charge twice.
 */
package dev.parley.payment;
