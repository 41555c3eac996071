package dev.parley.catalog.api;

import dev.parley.catalog.ProductCard;
import dev.parley.platform.api.MoneyDto;

/** A "products" message item (CONTRACT.md). */
public record ProductCardDto(String productId, String sku, String title, MoneyDto price, MoneyDto compareAtPrice,
        boolean inStock, String imageUrl, String url) {

    public static ProductCardDto of(ProductCard c) {
        return new ProductCardDto(Long.toString(c.productId()), c.sku(), c.title(), MoneyDto.of(c.price()),
                MoneyDto.of(c.compareAtPrice()), c.inStock(), c.imageUrl(), c.url());
    }
}
