package dev.parley.catalog.imports;

/** CDI event: the catalog's products, variants or stock changed (search indexes and gazetteers refresh). */
public record CatalogChanged() {
}
