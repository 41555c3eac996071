package dev.parley.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Product popularity, a search ranking signal: units sold count {@value #SALE_WEIGHT} times a view, over
 * the last {@value #WINDOW_DAYS} days, the older the less (linear decay). Sales are recorded in the
 * transaction that makes them; views are counted in memory and written every few seconds (a crash loses at
 * most those seconds of views, never a sale). Each product's score is written to {@code product.popularity}
 * (bumping {@code updated_at}, so every node's search index picks it up).
 */
@ApplicationScoped
public class Popularity {

    static final int SALE_WEIGHT = 10;
    static final int WINDOW_DAYS = 30;

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    private final Map<Long, LongAdder> pendingViews = new ConcurrentHashMap<>();

    /** A shopper looked at the product (counted in memory until the next {@link #flushViews}). */
    public void viewed(long productId) {
        pendingViews.computeIfAbsent(productId, id -> new LongAdder()).increment();
    }

    /** Units of a variant were sold; joins the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sold(long variantId, int units) {
        em.createNativeQuery("insert into product_activity (product_id, day, units_sold) select v.product_id, "
                        + "utc_date(), ? from variant v where v.id = ? on duplicate key update "
                        + "units_sold = units_sold + ?")
                .setParameter(1, units).setParameter(2, variantId).setParameter(3, units).executeUpdate();
    }

    /** Writes the views counted since the last call. */
    @Transactional
    public void flushViews() {
        for (Long productId : pendingViews.keySet()) {
            LongAdder counter = pendingViews.remove(productId);
            long views = counter == null ? 0 : counter.sum();
            if (views > 0) {
                em.createNativeQuery("insert into product_activity (product_id, day, views) select p.id, utc_date(), "
                                + "? from product p where p.id = ? on duplicate key update views = views + ?")
                        .setParameter(1, views).setParameter(2, productId).setParameter(3, views).executeUpdate();
            }
        }
    }

    /** Recomputes every product's score; returns how many products' scores changed. */
    @Transactional
    public int recompute() {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        String window = "a.day > utc_date() - interval " + WINDOW_DAYS + " day";
        int changed = em.createNativeQuery("update product p join (select a.product_id, least(2147483647, "
                        + "round(sum((a.units_sold * " + SALE_WEIGHT + " + a.views) * (" + WINDOW_DAYS
                        + " - datediff(utc_date(), a.day)) / " + WINDOW_DAYS + "))) score from product_activity a "
                        + "where " + window + " group by a.product_id) s on s.product_id = p.id "
                        + "set p.popularity = s.score, p.updated_at = ? where p.popularity <> s.score")
                .setParameter(1, now).executeUpdate();
        changed += em.createNativeQuery("update product p set p.popularity = 0, p.updated_at = ? "
                        + "where p.popularity <> 0 and not exists (select 1 from product_activity a "
                        + "where a.product_id = p.id and " + window + ")")
                .setParameter(1, now).executeUpdate();
        return changed;
    }
}
