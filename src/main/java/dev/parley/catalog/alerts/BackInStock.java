package dev.parley.catalog.alerts;

/**
 * Fired (after commit, once per alert, on the node that claimed it) when a variant a shopper waited for can
 * be bought again. Channels observe it to tell the shopper: the open conversation, e-mail.
 *
 * @param alertId the alert's public id
 * @param sku the variant
 * @param productId its product
 * @param shopperKey {@code customer:<id>} or {@code anonymous:<id>}
 * @param email where to write, may be null
 * @param locale the shopper's language
 * @param available units available when it fired
 */
public record BackInStock(String alertId, String sku, long productId, String shopperKey, String email,
        String locale, int available) {
}
