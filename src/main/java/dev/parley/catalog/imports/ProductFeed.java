package dev.parley.catalog.imports;

import java.util.List;

/**
 * A product file read one product at a time (a Shopify product CSV, a Google Merchant Center feed), so an
 * import never holds the whole file. Rows that cannot be tied to a product are reported as stray errors.
 */
public interface ProductFeed extends AutoCloseable {

    /** The next product, parsed, or null at the end of the file. */
    ProductGroup next();

    /** Rows rejected before they could be tied to a product; drained by each call. */
    List<ImportError> drainStrayErrors();

    @Override
    void close();
}
