package dev.parley.catalog.alerts;

import java.time.Instant;

/**
 * A shopper's back-in-stock alert.
 *
 * @param id the alert's public id
 * @param sku the variant waited for
 * @param productId its product
 * @param status {@code waiting} or {@code notified}
 * @param locale the shopper's language for the message
 * @param createdAt when the shopper asked
 * @param notifiedAt when it fired, else null
 */
public record StockAlert(String id, String sku, long productId, String status, String locale, Instant createdAt,
        Instant notifiedAt) {
}
