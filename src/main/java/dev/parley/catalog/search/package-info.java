/**
 * Catalog search with Apache Lucene, in-process on every node: one analyzer for English and Chinese
 * (NFKC, Traditional folded to Simplified, HanLP word segmentation, English stemming, bilingual synonyms
 * at index time), one document per variant so that every variant-level constraint (price, size, colour,
 * stock) is met by the same variant, exact keyword filters, and collapsing to products.
 */
package dev.parley.catalog.search;
