package dev.parley.catalog.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Body of {@code PUT /api/v1/admin/inventory/{sku}}: a stock count. */
public class StockCount {

    /** Units on hand; never below what open checkouts hold. */
    @NotNull
    @Min(0)
    @Max(100_000_000)
    public Integer onHand;
}
