/**
 * The shop's catalog: products, variants, prices, stock, catalog imports (Shopify CSV) and, later,
 * search. Other components use {@link dev.parley.catalog.Catalog} and never its tables.
 */
package dev.parley.catalog;
