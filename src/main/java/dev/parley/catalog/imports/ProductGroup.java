package dev.parley.catalog.imports;

import dev.parley.catalog.ProductDraft;
import java.util.List;

/**
 * The consecutive rows of one product in a Shopify CSV, parsed.
 *
 * @param handle the product's handle
 * @param firstLine line of its first row
 * @param draft the product to write, or null when nothing of it can be written
 * @param errors rows of this product that were rejected
 */
public record ProductGroup(String handle, int firstLine, ProductDraft draft, List<ImportError> errors) {
}
