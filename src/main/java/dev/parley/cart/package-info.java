/**
 * Shopping carts: a shopper's lines (variant and quantity) in the database, stock-checked when they change and
 * priced by the live rules every time they are read.
 */
package dev.parley.cart;
