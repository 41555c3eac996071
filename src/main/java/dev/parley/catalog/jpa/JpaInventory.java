package dev.parley.catalog.jpa;

import dev.parley.catalog.StockLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/**
 * Stock changes as single conditional UPDATE statements: the database checks the condition on the row it
 * has locked, so concurrent reservations on any number of nodes can never take more than is available.
 * Callers supply the transaction.
 */
@ApplicationScoped
public class JpaInventory {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    public Optional<Long> variantId(String sku) {
        return em.createQuery("select v.id from VariantEntity v where v.sku = :s", Long.class).setParameter("s", sku)
                .getResultStream().findFirst();
    }

    public Optional<StockLevel> level(String sku) {
        return em.createQuery("select v.sku, i.onHand, i.reserved from InventoryEntity i join i.variant v "
                + "where v.sku = :s", Object[].class).setParameter("s", sku).getResultStream().findFirst()
                .map(r -> new StockLevel((String) r[0], (Integer) r[1], (Integer) r[2]));
    }

    /** Holds {@code quantity} units if that many are available; returns whether it did. */
    public boolean reserve(long variantId, int quantity) {
        return em.createQuery("update InventoryEntity i set i.reserved = i.reserved + :q, i.updatedAt = :now, "
                        + "i.version = i.version + 1 where i.variantId = :id and i.onHand - i.reserved >= :q")
                .setParameter("q", quantity).setParameter("now", Instant.now()).setParameter("id", variantId)
                .executeUpdate() == 1;
    }

    /** Gives back {@code quantity} held units; returns whether that many were held. */
    public boolean release(long variantId, int quantity) {
        return em.createQuery("update InventoryEntity i set i.reserved = i.reserved - :q, i.updatedAt = :now, "
                        + "i.version = i.version + 1 where i.variantId = :id and i.reserved >= :q")
                .setParameter("q", quantity).setParameter("now", Instant.now()).setParameter("id", variantId)
                .executeUpdate() == 1;
    }

    /** Turns {@code quantity} held units into a sale: they leave both on-hand and reserved. */
    public boolean commit(long variantId, int quantity) {
        return em.createQuery("update InventoryEntity i set i.reserved = i.reserved - :q, i.onHand = i.onHand - :q, "
                        + "i.updatedAt = :now, i.version = i.version + 1 where i.variantId = :id and i.reserved >= :q")
                .setParameter("q", quantity).setParameter("now", Instant.now()).setParameter("id", variantId)
                .executeUpdate() == 1;
    }

    /** Puts {@code quantity} units back on hand (a cancelled or returned sale). */
    public boolean restock(long variantId, int quantity) {
        return em.createQuery("update InventoryEntity i set i.onHand = i.onHand + :q, i.updatedAt = :now, "
                        + "i.version = i.version + 1 where i.variantId = :id")
                .setParameter("q", quantity).setParameter("now", Instant.now()).setParameter("id", variantId)
                .executeUpdate() == 1;
    }

    /** Sets on-hand stock, refusing to go below what is reserved; returns whether it did. */
    public boolean setOnHand(long variantId, int onHand) {
        return em.createQuery("update InventoryEntity i set i.onHand = :n, i.updatedAt = :now, "
                        + "i.version = i.version + 1 where i.variantId = :id and i.reserved <= :n")
                .setParameter("n", onHand).setParameter("now", Instant.now()).setParameter("id", variantId)
                .executeUpdate() == 1;
    }
}
