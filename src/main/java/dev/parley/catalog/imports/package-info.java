/**
 * Catalog imports: a forgiving CSV record reader that keeps line numbers and recovers from broken rows,
 * the Shopify product CSV mapping, and the importer that writes products atomically in batches.
 */
package dev.parley.catalog.imports;
