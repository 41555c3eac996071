/** {@code /api/v1/carts} (CONTRACT.md Cart). */
package dev.parley.cart.api;
