package dev.parley.order;

import dev.parley.catalog.Catalog;
import dev.parley.catalog.Inventory;
import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import dev.parley.rules.Pricing;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Returns and exchanges of a delivered order's line, decided by the published policy rules (window, final sale,
 * delivered first). A request gets an RMA number and a return label; an exchange reserves the variant wanted at
 * once. When the parcel arrives ({@link #received}) the units go back on hand and a return's refund is owed (the
 * line's net amount, discounts included; {@link Refunds} pays it through the provider that took the payment once
 * this transaction has committed); an exchange's reserved variant becomes the sale.
 */
@ApplicationScoped
public class Returns {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Orders orders;

    @Inject
    OrderPolicy policy;

    @Inject
    Catalog catalog;

    @Inject
    Inventory inventory;

    @Inject
    Refunds refunds;

    @Inject
    Event<OrderChanged> changed;


    @Resource(lookup = "jdbc/parley")
    DataSource db;

    /** A stored return or exchange. */
    public record Stored(long id, String rma, long orderId, String kind, String sku, int quantity, String exchangeSku,
            BigDecimal refundAmount, String status, String labelToken) {
    }

    /**
     * What became of a request.
     *
     * @param accepted whether an RMA was issued
     * @param policy the deciding policy clause's words in the shopper's language
     * @param request the return (new, or the one already open for this line), null when refused
     */
    public record Result(boolean accepted, String policy, Stored request) {
    }

    /**
     * Asks for a return ({@code exchangeSku} null) or an exchange of one line of an order.
     *
     * @param sku the line; null when the order has one line
     */
    @Transactional
    public Result request(String orderNumber, String sku, String exchangeSku, String locale) {
        Orders.StoredOrder o = orders.byNumber(orderNumber, true).orElseThrow();
        List<Orders.Line> lines = orders.lines(o.id());
        Orders.Line line = lineOf(lines, sku);
        Optional<Stored> open = forLine(o.id(), line.sku());
        if (open.isPresent()) {
            return new Result(true, null, open.get());
        }
        String kind = exchangeSku == null ? "return" : "exchange";
        Pricing.Decision d = policy.decide(o, lines, kind, line.sku(), locale);
        if (!d.allowed()) {
            return new Result(false, d.reason(), null);
        }
        if (exchangeSku != null && !inventory.reserve(exchangeSku, line.quantity())) {
            throw new DomainException(Kind.CONFLICT, "exchange-sold-out", "The variant " + exchangeSku
                    + " is not available in " + line.quantity() + " unit(s).");
        }
        BigDecimal refund = exchangeSku == null ? line.net().setScale(2, RoundingMode.HALF_UP) : BigDecimal.ZERO.setScale(2);
        Stored created = insert(o.id(), kind, line, exchangeSku, refund);
        return new Result(true, d.reason(), created);
    }

    /**
     * Variants a sold line may be exchanged for: the same product, another variant, the same price, in stock for
     * the line's units.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<dev.parley.catalog.ProductView.Variant> exchangeOptions(Orders.StoredOrder order, Orders.Line line,
            String locale) {
        return catalog.product(line.productId(), List.of(java.util.Locale.forLanguageTag(locale)))
                .map(p -> p.variants().stream().filter(v -> !v.sku().equals(line.sku()) && v.inStock()
                        && v.price().amount().compareTo(line.unitPrice()) == 0
                        && inventory.level(v.sku()).map(l -> l.available() >= line.quantity()).orElse(false)).toList())
                .orElse(List.of());
    }

    /**
     * The parcel for an RMA arrived: units back on hand, the refund paid (a return) or the reserved variant sold (an
     * exchange), the order marked returned when every line has come back. A second call changes nothing.
     */
    @Transactional
    public Stored received(String rma) {
        Stored r = byRma(rma, true).orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "unknown-rma",
                "There is no return " + rma + "."));
        if (r.status().equals("received")) {
            return r;
        }
        Orders.StoredOrder o = orders.find(r.orderId(), true).orElseThrow();
        inventory.restock(r.sku(), r.quantity());
        if (r.kind().equals("exchange")) {
            inventory.commit(r.exchangeSku(), r.quantity());
        } else {
            refund(o, r);
        }
        update("update order_return set status = 'received', received_at = ? where id = ?", now(), r.id());
        long open = count("select count(*) from shop_order_line l where l.order_id = ? and not exists (select 1 from "
                + "order_return r where r.order_id = l.order_id and r.sku = l.sku and r.kind = 'return' and r.status = "
                + "'received')", o.id());
        if (open == 0 && o.status() == OrderStatus.DELIVERED) {
            orders.move(o.id(), OrderStatus.DELIVERED, OrderStatus.RETURNED, null, null);
            changed.fire(new OrderChanged(o.orderNumber(), o.conversationId(), OrderStatus.RETURNED));
        }
        return byRma(rma, false).orElseThrow();
    }

    /** A return by its RMA number. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Stored> byRma(String rma, boolean lock) {
        return one("select id, rma, order_id, kind, sku, quantity, exchange_sku, refund_amount, status, label_token from "
                + "order_return where rma = ?" + (lock ? " for update" : ""), rma);
    }

    private Optional<Stored> forLine(long orderId, String sku) {
        return one("select id, rma, order_id, kind, sku, quantity, exchange_sku, refund_amount, status, label_token from "
                + "order_return where order_id = ? and sku = ?", orderId, sku);
    }

    private void refund(Orders.StoredOrder o, Stored r) {
        refunds.owe(o, r.rma(), r.refundAmount());
    }

    private static Orders.Line lineOf(List<Orders.Line> lines, String sku) {
        if (sku == null) {
            if (lines.size() != 1) {
                throw new DomainException(Kind.INVALID, "line-required", "Say which item to send back.");
            }
            return lines.get(0);
        }
        return lines.stream().filter(l -> l.sku().equals(sku)).findFirst().orElseThrow(() -> new DomainException(
                Kind.NOT_FOUND, "not-in-order", "The order has no item " + sku + "."));
    }

    private Stored insert(long orderId, String kind, Orders.Line line, String exchangeSku, BigDecimal refund) {
        String token = HexFormat.of().formatHex(RANDOM.generateSeed(16));
        for (int tries = 0; ; tries++) {
            String rma = "RMA-" + (1_000_000_000L + (RANDOM.nextLong() & Long.MAX_VALUE) % 9_000_000_000L);
            try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("insert into order_return (rma, "
                    + "order_id, kind, sku, quantity, exchange_sku, refund_amount, status, label_token, requested_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?, 'requested', ?, ?)")) {
                s.setString(1, rma);
                s.setLong(2, orderId);
                s.setString(3, kind);
                s.setString(4, line.sku());
                s.setInt(5, line.quantity());
                s.setString(6, exchangeSku);
                s.setBigDecimal(7, refund);
                s.setString(8, token);
                s.setTimestamp(9, now());
                s.executeUpdate();
                return byRma(rma, false).orElseThrow();
            } catch (SQLIntegrityConstraintViolationException e) {
                if (tries >= 3) {
                    throw unavailable();
                }
            } catch (SQLException e) {
                throw unavailable();
            }
        }
    }

    private Optional<Stored> one(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Stored(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getString(7), rs.getBigDecimal(8), rs.getString(9),
                        rs.getString(10)));
            }
        } catch (SQLException e) {
            throw unavailable();
        }
    }

    private long count(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw unavailable();
        }
    }

    private void update(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw unavailable();
        }
    }

    private static Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
    }

    private static DomainException unavailable() {
        return new DomainException(Kind.UNAVAILABLE, "database-unavailable", "Returns cannot be read or saved now.");
    }
}
