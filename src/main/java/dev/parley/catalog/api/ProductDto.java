package dev.parley.catalog.api;

import dev.parley.catalog.ProductView;
import dev.parley.platform.api.MoneyDto;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/products/{productId}} (CONTRACT.md), plus {@code description} and {@code locale}. */
public record ProductDto(String productId, String handle, String title, String description, String locale,
        String type, List<String> tags, String vendor, MoneyDto price, MoneyDto compareAtPrice, String imageUrl,
        String url, List<VariantDto> variants) {

    /** A variant on the wire. */
    public record VariantDto(String sku, Map<String, String> options, MoneyDto price, MoneyDto compareAtPrice,
            boolean inStock) {
    }

    static ProductDto of(ProductView p) {
        return new ProductDto(Long.toString(p.productId()), p.handle(), p.title(), p.description(), p.locale(),
                p.type(), p.tags(), p.vendor(), MoneyDto.of(p.price()), MoneyDto.of(p.compareAtPrice()),
                p.imageUrl(), p.url(), p.variants().stream().map(v -> new VariantDto(v.sku(), v.options(),
                        MoneyDto.of(v.price()), MoneyDto.of(v.compareAtPrice()), v.inStock())).toList());
    }
}
