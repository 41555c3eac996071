package dev.parley.catalog.alerts.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/stock-alerts}. A class with fields rather than a record: Payara's OpenAPI
 * scanner fails on bean-validation annotations on record components.
 */
public class NewStockAlert {

    /** The sold-out variant. */
    @NotBlank
    @Size(max = 128)
    public String sku;

    /** The widget's anonymous shopper id (this or customerToken). */
    @Size(max = 128)
    public String anonymousId;

    /** A signed-in shopper's token (CONTRACT.md). */
    @Size(max = 4096)
    public String customerToken;

    /** Where to write when it is back, optional. */
    @Email
    @Size(max = 254)
    public String email;

    /** en, zh-TW or zh-CN; the store's default otherwise. */
    @Size(max = 8)
    public String locale;
}
