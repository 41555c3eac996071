package dev.parley.catalog.alerts;

import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Subscribing to, reading, cancelling and firing back-in-stock alerts. Firing claims each alert with a
 * conditional UPDATE, so when several nodes look at once every alert still fires exactly once.
 */
@ApplicationScoped
public class StockAlerts {

    /** Alerts fired per pass; the rest wait for the next. */
    static final int PASS_SIZE = 500;
    private static final Logger LOG = Logger.getLogger(StockAlerts.class.getName());

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    Event<BackInStock> fired;

    /**
     * Asks to be told when {@code sku} is back. Asking again for the same variant renews the alert. A variant
     * that can be bought now is refused (409): there is nothing to wait for.
     */
    @Transactional
    public StockAlert subscribe(String sku, String shopperKey, String email, String locale) {
        List<?> found = em.createNativeQuery("select v.id, v.product_id, coalesce(i.on_hand - i.reserved, 0) "
                        + "from variant v join product p on p.id = v.product_id left join inventory i "
                        + "on i.variant_id = v.id where v.sku = ? and p.status = 'active'")
                .setParameter(1, sku).getResultList();
        Object[] variant = found.stream().map(r -> (Object[]) r).findFirst().orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "sku-not-found",
                        "No variant with SKU '" + sku + "' is for sale."));
        if (((Number) variant[2]).intValue() > 0) {
            throw new DomainException(Kind.CONFLICT, "already-in-stock", sku + " is in stock now.");
        }
        long variantId = ((Number) variant[0]).longValue();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        int renewed = em.createNativeQuery("update stock_alert set notified_at = null, email = ?, locale = ?, "
                        + "created_at = ? where variant_id = ? and shopper_key = ?")
                .setParameter(1, email).setParameter(2, locale).setParameter(3, now).setParameter(4, variantId)
                .setParameter(5, shopperKey).executeUpdate();
        if (renewed == 0) {
            em.createNativeQuery("insert into stock_alert (public_id, variant_id, shopper_key, email, locale, "
                            + "created_at) values (?, ?, ?, ?, ?, ?)")
                    .setParameter(1, UUID.randomUUID().toString()).setParameter(2, variantId)
                    .setParameter(3, shopperKey).setParameter(4, email).setParameter(5, locale)
                    .setParameter(6, now).executeUpdate();
        }
        return find("a.variant_id = ? and a.shopper_key = ?", variantId, shopperKey).orElseThrow();
    }

    /** An alert by its public id; 404 when there is none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StockAlert get(String id) {
        return find("a.public_id = ?", id).orElseThrow(() -> new DomainException(Kind.NOT_FOUND,
                "stock-alert-not-found", "No back-in-stock alert '" + id + "'."));
    }

    /** Withdraws an alert; 404 when there is none. */
    @Transactional
    public void cancel(String id) {
        if (em.createNativeQuery("delete from stock_alert where public_id = ?").setParameter(1, id)
                .executeUpdate() == 0) {
            throw new DomainException(Kind.NOT_FOUND, "stock-alert-not-found", "No back-in-stock alert '" + id + "'.");
        }
    }

    /** Alerts waiting now, for the admin and the dashboard. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long waiting() {
        return ((Number) em.createNativeQuery("select count(*) from stock_alert where notified_at is null")
                .getSingleResult()).longValue();
    }

    /**
     * Fires every waiting alert whose variant can be bought again; returns how many this call fired. Each is
     * claimed by a conditional UPDATE, so an alert another node claimed first is skipped.
     */
    @Transactional
    public int fireDue() {
        List<?> due = em.createNativeQuery("select a.id, a.public_id, v.sku, v.product_id, a.shopper_key, a.email, "
                        + "a.locale, i.on_hand - i.reserved from stock_alert a join variant v on v.id = a.variant_id "
                        + "join product p on p.id = v.product_id join inventory i on i.variant_id = a.variant_id "
                        + "where a.notified_at is null and i.on_hand - i.reserved > 0 and p.status = 'active' "
                        + "order by a.id")
                .setMaxResults(PASS_SIZE).getResultList();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        List<BackInStock> claimed = new ArrayList<>();
        for (Object row : due) {
            Object[] r = (Object[]) row;
            int won = em.createNativeQuery("update stock_alert set notified_at = ? where id = ? and notified_at is null")
                    .setParameter(1, now).setParameter(2, r[0]).executeUpdate();
            if (won == 1) {
                claimed.add(new BackInStock((String) r[1], (String) r[2], ((Number) r[3]).longValue(), (String) r[4],
                        (String) r[5], (String) r[6], ((Number) r[7]).intValue()));
            }
        }
        claimed.forEach(fired::fire);
        if (!claimed.isEmpty()) {
            LOG.info(() -> "Back in stock: fired " + claimed.size() + " alert(s)");
        }
        return claimed.size();
    }

    private Optional<StockAlert> find(String where, Object... params) {
        var query = em.createNativeQuery("select a.public_id, v.sku, v.product_id, a.locale, a.created_at, "
                + "a.notified_at from stock_alert a join variant v on v.id = a.variant_id where " + where);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        List<?> rows = query.getResultList();
        return rows.stream().map(r -> (Object[]) r).findFirst().map(a -> {
            Instant notified = instant(a[5]);
            return new StockAlert((String) a[0], (String) a[1], ((Number) a[2]).longValue(),
                    notified == null ? "waiting" : "notified", (String) a[3], instant(a[4]), notified);
        });
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        // DATETIME columns hold UTC wall-clock times (see UtcInstantConverter)
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        return (Instant) value;
    }
}
