package dev.parley.catalog.imports;

import java.util.List;

/**
 * What an import did.
 *
 * @param products products in the file that are now in the catalog (created, updated or unchanged)
 * @param variants variants in the file that are now in the catalog
 * @param created products created
 * @param updated products changed
 * @param unchanged products already as the file says
 * @param archived products archived because a replace import did not name them
 * @param errors rejected lines, in line order (at most {@link CatalogImporter#MAX_REPORTED_ERRORS})
 * @param errorCount all rejected lines, also those beyond the reported ones
 */
public record ImportReport(int products, int variants, int created, int updated, int unchanged, int archived,
        List<ImportError> errors, int errorCount) implements java.io.Serializable {
}
