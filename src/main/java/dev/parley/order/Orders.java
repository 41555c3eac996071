package dev.parley.order;

import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The {@code shop_order}, {@code shop_order_line}, {@code checkout_attempt} and {@code payment} tables (V14).
 * Callers run inside a transaction and take the row locks they need ({@code lock} arguments).
 */
@ApplicationScoped
public class Orders {

    /**
     * Order numbers: {@code PRL-} and 10 random digits (the form the NLU reads as an order number). Random, so
     * one order's number says nothing about another's; a lookup also needs the e-mail or phone and is rate-limited.
     */
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String ORDER_COLUMNS = "id, order_number, cart_id, conversation_id, customer_id, anonymous_id, "
            + "email, phone, shipping_address, shipping_method, locale, currency, subtotal, discount_total, shipping_fee, "
            + "total, coupon_code, rules_version, status, carrier, tracking_number, reserved_until, placed_at, paid_at, "
            + "shipped_at, delivered_at, closed_at";

    private static final Logger LOG = Logger.getLogger(Orders.class.getName());

    @Resource(lookup = "jdbc/parley")
    DataSource db;

    /** An order as stored. Amounts are what the rules quoted at checkout. */
    public record StoredOrder(long id, String orderNumber, String cartId, String conversationId, String customerId,
            String anonymousId, String email, String phone, String shippingAddress, String shippingMethod, String locale,
            String currency, BigDecimal subtotal, BigDecimal discountTotal, BigDecimal shippingFee, BigDecimal total,
            String couponCode, int rulesVersion, OrderStatus status, String carrier, String trackingNumber,
            Instant reservedUntil, Instant placedAt, Instant paidAt, Instant shippedAt, Instant deliveredAt,
            Instant closedAt) {
    }

    /** An order line as sold. */
    public record Line(int lineNo, String sku, long productId, String title, String options, int quantity,
            BigDecimal unitPrice, BigDecimal lineTotal, BigDecimal discount, BigDecimal net) {
    }

    /** A new order: everything but the id, number and timestamps. */
    public record NewOrder(String cartId, String conversationId, String customerId, String anonymousId, String email,
            String phone, String shippingAddress, String shippingMethod, String locale, String currency,
            BigDecimal subtotal, BigDecimal discountTotal, BigDecimal shippingFee, BigDecimal total, String couponCode,
            int rulesVersion, String quote, Instant reservedUntil, List<Line> lines) {
    }

    /** A checkout attempt (idempotency record). */
    public record Attempt(String key, String cartId, String requestHash, Long orderId, String state, String outcome,
            Instant updatedAt) {
    }

    /** Lines in SKU order: stock rows are always locked in this order, so two orders sharing SKUs cannot deadlock. */
    public static List<Line> bySku(List<Line> lines) {
        return lines.stream().sorted(java.util.Comparator.comparing(Line::sku)).toList();
    }

    /** Inserts an order in {@code pending_payment} with its lines; returns it. */
    public StoredOrder insert(NewOrder o) {
        Timestamp now = now();
        for (int tries = 0; ; tries++) {
            String number = newNumber();
            try (Connection c = db.getConnection()) {
                long id;
                try (PreparedStatement s = c.prepareStatement("insert into shop_order (order_number, cart_id, "
                        + "conversation_id, customer_id, anonymous_id, email, phone, shipping_address, shipping_method, "
                        + "locale, currency, subtotal, discount_total, shipping_fee, total, coupon_code, rules_version, "
                        + "quote, status, reserved_until, placed_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, 'pending_payment', ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    int i = 1;
                    s.setString(i++, number);
                    s.setString(i++, o.cartId());
                    s.setString(i++, o.conversationId());
                    s.setString(i++, o.customerId());
                    s.setString(i++, o.anonymousId());
                    s.setString(i++, o.email());
                    s.setString(i++, o.phone());
                    s.setString(i++, o.shippingAddress());
                    s.setString(i++, o.shippingMethod());
                    s.setString(i++, o.locale());
                    s.setString(i++, o.currency());
                    s.setBigDecimal(i++, o.subtotal());
                    s.setBigDecimal(i++, o.discountTotal());
                    s.setBigDecimal(i++, o.shippingFee());
                    s.setBigDecimal(i++, o.total());
                    s.setString(i++, o.couponCode());
                    s.setInt(i++, o.rulesVersion());
                    s.setString(i++, o.quote());
                    s.setTimestamp(i++, ts(o.reservedUntil()));
                    s.setTimestamp(i++, now);
                    s.setTimestamp(i, now);
                    s.executeUpdate();
                    try (ResultSet keys = s.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                try (PreparedStatement s = c.prepareStatement("insert into shop_order_line (order_id, line_no, sku, "
                        + "product_id, title, options, quantity, unit_price, line_total, discount, net) values "
                        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (Line l : o.lines()) {
                        int i = 1;
                        s.setLong(i++, id);
                        s.setInt(i++, l.lineNo());
                        s.setString(i++, l.sku());
                        s.setLong(i++, l.productId());
                        s.setString(i++, l.title());
                        s.setString(i++, l.options());
                        s.setInt(i++, l.quantity());
                        s.setBigDecimal(i++, l.unitPrice());
                        s.setBigDecimal(i++, l.lineTotal());
                        s.setBigDecimal(i++, l.discount());
                        s.setBigDecimal(i, l.net());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                return find(id, false).orElseThrow();
            } catch (SQLIntegrityConstraintViolationException e) {
                if (tries >= 3 || e.getMessage() == null || !e.getMessage().contains("uk_shop_order_number")) {
                    throw unavailable(e);
                }
            } catch (SQLException e) {
                throw unavailable(e);
            }
        }
    }

    /** An order by id, its row locked for the transaction when {@code lock}. */
    public Optional<StoredOrder> find(long id, boolean lock) {
        return one("select " + ORDER_COLUMNS + " from shop_order where id = ?" + (lock ? " for update" : ""), id);
    }

    /** An order by its number. */
    public Optional<StoredOrder> byNumber(String number, boolean lock) {
        return one("select " + ORDER_COLUMNS + " from shop_order where order_number = ?" + (lock ? " for update" : ""),
                number);
    }

    /** The cart's order waiting for payment, if any (at most one: checkout keeps it so). */
    public Optional<StoredOrder> pendingFor(String cartId) {
        return one("select " + ORDER_COLUMNS + " from shop_order where cart_id = ? and status = 'pending_payment' "
                + "order by id desc limit 1 for update", cartId);
    }

    /** The cart's latest order that was not left unpaid. */
    public Optional<StoredOrder> ofCart(String cartId) {
        return one("select " + ORDER_COLUMNS + " from shop_order where cart_id = ? and status <> 'expired' "
                + "order by id desc limit 1", cartId);
    }

    /** A customer's orders, newest first. */
    public List<StoredOrder> ofCustomer(String customerId, int limit) {
        return many("select " + ORDER_COLUMNS + " from shop_order where customer_id = ? and status <> 'expired' "
                + "order by placed_at desc limit " + limit, customerId);
    }

    /** Orders, newest first, optionally of one status (admin list). */
    public List<StoredOrder> list(OrderStatus status, int limit) {
        return status == null
                ? many("select " + ORDER_COLUMNS + " from shop_order order by id desc limit " + limit)
                : many("select " + ORDER_COLUMNS + " from shop_order where status = ? order by id desc limit " + limit,
                        status.wireName());
    }

    /** Ids of orders still waiting for payment whose reservation ran out before {@code now}. */
    public List<Long> overdue(Instant now, int limit) {
        List<Long> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select id from shop_order "
                + "where status = 'pending_payment' and reserved_until < ? order by reserved_until limit " + limit)) {
            s.setTimestamp(1, ts(now));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return out;
    }

    /** The order's lines in order. */
    public List<Line> lines(long orderId) {
        List<Line> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select line_no, sku, "
                + "product_id, title, options, quantity, unit_price, line_total, discount, net from shop_order_line "
                + "where order_id = ? order by line_no")) {
            s.setLong(1, orderId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Line(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                            rs.getInt(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
                            rs.getBigDecimal(10)));
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return out;
    }

    /**
     * Moves an order from one status to another (a conditional update: false when it was no longer
     * {@code from}). Sets the matching timestamp; {@code carrier} and {@code tracking} are kept when null.
     */
    public boolean move(long id, OrderStatus from, OrderStatus to, String carrier, String tracking) {
        String stamp = switch (to) {
            case PAID -> ", paid_at = ?";
            case SHIPPED -> ", shipped_at = ?";
            case DELIVERED -> ", delivered_at = ?";
            case EXPIRED, CANCELLED, RETURNED, REFUNDED -> ", closed_at = ?";
            default -> "";
        };
        Timestamp now = now();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("update shop_order set "
                + "status = ?, carrier = coalesce(?, carrier), tracking_number = coalesce(?, tracking_number), "
                + "updated_at = ?, version = version + 1" + stamp + " where id = ? and status = ?")) {
            int i = 1;
            s.setString(i++, to.wireName());
            s.setString(i++, carrier);
            s.setString(i++, tracking);
            s.setTimestamp(i++, now);
            if (!stamp.isEmpty()) {
                s.setTimestamp(i++, now);
            }
            s.setLong(i++, id);
            s.setString(i, from.wireName());
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Holds a waiting order's reservation until {@code until}. */
    public void reserveUntil(long id, Instant until) {
        update("update shop_order set reserved_until = ?, updated_at = ? where id = ?", ts(until), now(), id);
    }

    /** The attempt with this idempotency key, its row locked when {@code lock}. */
    public Optional<Attempt> attempt(String key, boolean lock) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select idempotency_key, "
                + "cart_id, request_hash, order_id, state, outcome, updated_at from checkout_attempt where "
                + "idempotency_key = ?" + (lock ? " for update" : ""))) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(attempt(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** The attempts on an order still waiting to be settled. */
    public List<Attempt> startedAttempts(long orderId) {
        List<Attempt> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select idempotency_key, "
                + "cart_id, request_hash, order_id, state, outcome, updated_at from checkout_attempt where order_id = ? "
                + "and state = 'started' order by created_at")) {
            s.setLong(1, orderId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(attempt(rs));
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return out;
    }

    /** Keys of attempts still open and last changed before {@code before}. */
    public List<String> staleAttempts(Instant before, int limit) {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select idempotency_key from "
                + "checkout_attempt where state = 'started' and updated_at < ? order by updated_at limit " + limit)) {
            s.setTimestamp(1, ts(before));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return out;
    }

    /** Forgets an attempt that never reached a payment provider, so its key may be used again. */
    public void deleteAttempt(String key) {
        update("delete from checkout_attempt where idempotency_key = ? and state = 'started'", key);
    }

    /** Records an attempt. */
    public void insertAttempt(String key, String cartId, String requestHash, Long orderId, String state, String outcome) {
        Timestamp now = now();
        update("insert into checkout_attempt (idempotency_key, cart_id, request_hash, order_id, state, outcome, "
                + "created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)", key, cartId, requestHash, orderId, state,
                outcome, now, now);
    }

    /** Settles an attempt. */
    public void settleAttempt(String key, String state, String outcome) {
        update("update checkout_attempt set state = ?, outcome = ?, updated_at = ? where idempotency_key = ?",
                state, outcome, now(), key);
    }

    /**
     * Records what the provider said about a charge or refund: one row per provider and key, whose status follows
     * the provider's latest word (authentication required, then paid).
     */
    public void recordPayment(long orderId, String provider, String kind, String key, String providerRef,
            long amountMinor, String currency, String status, String failureCode, String last4) {
        update("insert into payment (order_id, provider, kind, idempotency_key, provider_ref, amount_minor, currency, "
                + "status, failure_code, card_last4, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on duplicate key "
                + "update status = values(status), failure_code = values(failure_code), "
                + "provider_ref = coalesce(values(provider_ref), provider_ref)",
                orderId, provider, kind, key, providerRef, amountMinor, currency, status, failureCode, last4, now());
    }

    /** The provider and reference of the order's successful charge, if any. */
    public Optional<String[]> paidCharge(long orderId) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select provider, provider_ref, "
                + "amount_minor from payment where order_id = ? and kind = 'charge' and status = 'SUCCEEDED' limit 1")) {
            s.setLong(1, orderId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Marks the cart as ordered, so it no longer changes. */
    public void closeCart(String cartId) {
        update("update cart set status = 'ordered', updated_at = ?, version = version + 1 where id = ? and status = 'open'",
                now(), cartId);
    }

    private Optional<StoredOrder> one(String sql, Object... args) {
        List<StoredOrder> all = many(sql, args);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    private List<StoredOrder> many(String sql, Object... args) {
        List<StoredOrder> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int i = 1;
                    out.add(new StoredOrder(rs.getLong(i++), rs.getString(i++), rs.getString(i++), rs.getString(i++),
                            rs.getString(i++), rs.getString(i++), rs.getString(i++), rs.getString(i++), rs.getString(i++),
                            rs.getString(i++), rs.getString(i++), rs.getString(i++), rs.getBigDecimal(i++),
                            rs.getBigDecimal(i++), rs.getBigDecimal(i++), rs.getBigDecimal(i++), rs.getString(i++),
                            rs.getInt(i++), OrderStatus.parse(rs.getString(i++)).orElseThrow(), rs.getString(i++),
                            rs.getString(i++), instant(rs.getTimestamp(i++)), instant(rs.getTimestamp(i++)),
                            instant(rs.getTimestamp(i++)), instant(rs.getTimestamp(i++)), instant(rs.getTimestamp(i++)),
                            instant(rs.getTimestamp(i))));
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return out;
    }

    private void update(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            s.executeUpdate();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }

    private static Attempt attempt(ResultSet rs) throws SQLException {
        long order = rs.getLong(4);
        return new Attempt(rs.getString(1), rs.getString(2), rs.getString(3), rs.wasNull() ? null : order,
                rs.getString(5), rs.getString(6), instant(rs.getTimestamp(7)));
    }

    static String newNumber() {
        return "PRL-" + (1_000_000_000L + (RANDOM.nextLong() & Long.MAX_VALUE) % 9_000_000_000L);
    }

    private static Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.valueOf(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    private static DomainException unavailable(SQLException e) {
        LOG.log(Level.WARNING, "Order store failed: {0}", e.getMessage());
        return new DomainException(Kind.UNAVAILABLE, "database-unavailable", "Orders cannot be read or saved now.");
    }
}
