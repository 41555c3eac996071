package dev.parley.catalog;

import dev.parley.catalog.jpa.JpaInventory;
import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Stock per variant, and the reservations checkout makes: reserve when a shopper starts paying, commit
 * when the order is paid, release when the checkout is abandoned or fails. Each change is one conditional
 * update in the database, so no number of concurrent shoppers on any number of nodes can oversell.
 */
@ApplicationScoped
@Transactional
public class Inventory {

    @Inject
    JpaInventory stock;

    @Inject
    Popularity popularity;

    /** The stock of a variant. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StockLevel> level(String sku) {
        return stock.level(sku);
    }

    /** Holds {@code quantity} units; false if fewer are available (nothing changes then). */
    public boolean reserve(String sku, int quantity) {
        return stock.reserve(variant(sku), positive(quantity));
    }

    /** Gives back held units. */
    public void release(String sku, int quantity) {
        if (!stock.release(variant(sku), positive(quantity))) {
            throw new DomainException(Kind.CONFLICT, "not-reserved", "Fewer than " + quantity
                    + " unit(s) of " + sku + " are reserved.");
        }
    }

    /** Turns held units into a sale (which also counts towards the product's popularity). */
    public void commit(String sku, int quantity) {
        long variantId = variant(sku);
        if (!stock.commit(variantId, positive(quantity))) {
            throw new DomainException(Kind.CONFLICT, "not-reserved", "Fewer than " + quantity
                    + " unit(s) of " + sku + " are reserved.");
        }
        popularity.sold(variantId, quantity);
    }

    /** Puts sold units back on hand (an order cancelled before it shipped, or a return received). */
    public void restock(String sku, int quantity) {
        stock.restock(variant(sku), positive(quantity));
    }

    /** Sets the units on hand (a stock count); it may not drop below what open checkouts hold. */
    public StockLevel setOnHand(String sku, int onHand) {
        if (onHand < 0) {
            throw new DomainException(Kind.INVALID, "negative-stock", "Stock cannot be below zero.");
        }
        if (!stock.setOnHand(variant(sku), onHand)) {
            throw new DomainException(Kind.CONFLICT, "below-reserved", "Stock " + onHand + " for " + sku
                    + " is below the units reserved by open checkouts.");
        }
        return stock.level(sku).orElseThrow();
    }

    private long variant(String sku) {
        return stock.variantId(sku).orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "sku-not-found",
                "No variant with SKU '" + sku + "'."));
    }

    private static int positive(int quantity) {
        if (quantity < 1) {
            throw new DomainException(Kind.INVALID, "invalid-quantity", "A quantity is at least 1.");
        }
        return quantity;
    }
}
