package dev.parley.cart;

import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** The {@code cart} and {@code cart_line} tables (V13). Callers hold the cart's row lock while changing lines. */
@ApplicationScoped
public class Carts {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Carts.class.getName());

    @Resource(lookup = "jdbc/parley")
    DataSource db;

    /**
     * A stored cart.
     *
     * @param id the cart id
     * @param anonymousId the widget's shopper id, may be null
     * @param customerId the shop's customer id, may be null
     * @param status open, ordered or merged
     * @param couponCode the coupon the shopper entered, may be null
     * @param mergedInto for a merged cart, the cart its lines went to on sign-in; else null
     */
    public record Stored(String id, String anonymousId, String customerId, String status, String couponCode,
            String mergedInto) {
    }

    /** A line: a variant and how many. */
    public record Line(String sku, int quantity) {
    }

    /** Creates an open cart and returns its id. */
    public String create(String anonymousId, String customerId) {
        String id = UUID.randomUUID().toString();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("insert into cart (id, "
                + "anonymous_id, customer_id, status, created_at, updated_at, version) values (?, ?, ?, 'open', ?, ?, 0)")) {
            Timestamp now = now();
            s.setString(1, id);
            s.setString(2, anonymousId);
            s.setString(3, customerId);
            s.setTimestamp(4, now);
            s.setTimestamp(5, now);
            s.executeUpdate();
            return id;
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** The shopper's most recently changed open cart: by customer id when known, else by anonymous id. */
    public Optional<String> openCartOf(String anonymousId, String customerId) {
        String column = customerId != null ? "customer_id" : anonymousId != null ? "anonymous_id" : null;
        if (column == null) {
            return Optional.empty();
        }
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select id from cart where "
                + column + " = ? and status = 'open' order by updated_at desc limit 1")) {
            s.setString(1, customerId != null ? customerId : anonymousId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** The anonymous shopper's open cart that no customer has claimed yet (the one to merge on sign-in). */
    public Optional<String> guestCartOf(String anonymousId) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select id from cart where "
                + "anonymous_id = ? and customer_id is null and status = 'open' order by updated_at desc limit 1")) {
            s.setString(1, anonymousId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Gives an anonymous cart to the customer who just signed in. */
    public void claim(String cartId, String customerId) {
        update("update cart set customer_id = ?, updated_at = ?, version = version + 1 where id = ?", customerId,
                cartId);
    }

    /** Closes a cart whose lines went into {@code intoId}. */
    public void mergedInto(String cartId, String intoId) {
        update("update cart set status = 'merged', merge_target = ?, updated_at = ?, version = version + 1 where id = ?",
                intoId, cartId);
    }

    private void update(String sql, String first, String cartId) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, first);
            s.setTimestamp(2, now());
            s.setString(3, cartId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Reads a cart, locking its row for the current transaction when {@code lock}. */
    public Optional<Stored> find(String id, boolean lock) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select id, anonymous_id, "
                + "customer_id, status, coupon_code, merge_target from cart where id = ?" + (lock ? " for update" : ""))) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Stored(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** The lines in the order first added. */
    public List<Line> lines(String cartId) {
        List<Line> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select sku, quantity from cart_line where cart_id = ? order by added_at, sku")) {
            s.setString(1, cartId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Line(rs.getString(1), rs.getInt(2)));
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return out;
    }

    /** Sets a line's quantity (adding the line if new); zero removes it. */
    public void setQuantity(String cartId, String sku, int quantity) {
        Timestamp now = now();
        try (Connection c = db.getConnection()) {
            if (quantity <= 0) {
                try (PreparedStatement s = c.prepareStatement("delete from cart_line where cart_id = ? and sku = ?")) {
                    s.setString(1, cartId);
                    s.setString(2, sku);
                    s.executeUpdate();
                }
            } else {
                try (PreparedStatement s = c.prepareStatement("insert into cart_line (cart_id, sku, quantity, added_at, "
                        + "updated_at) values (?, ?, ?, ?, ?) on duplicate key update quantity = values(quantity), "
                        + "updated_at = values(updated_at)")) {
                    s.setString(1, cartId);
                    s.setString(2, sku);
                    s.setInt(3, quantity);
                    s.setTimestamp(4, now);
                    s.setTimestamp(5, now);
                    s.executeUpdate();
                }
            }
            touch(c, cartId, now);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Sets (or clears, with null) the cart's coupon. */
    public void coupon(String cartId, String code) {
        update("update cart set coupon_code = ?, updated_at = ?, version = version + 1 where id = ?", code, cartId);
    }

    /** Takes every line out of a cart. */
    public void clear(String cartId) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "delete from cart_line where cart_id = ?")) {
            s.setString(1, cartId);
            s.executeUpdate();
            touch(c, cartId, now());
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static void touch(Connection c, String cartId, Timestamp now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "update cart set updated_at = ?, version = version + 1 where id = ?")) {
            s.setTimestamp(1, now);
            s.setString(2, cartId);
            s.executeUpdate();
        }
    }

    static DomainException notFound(String id) {
        return new DomainException(Kind.NOT_FOUND, "unknown-cart", "There is no cart " + id + ".");
    }

    private static Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
    }

    private static DomainException unavailable(SQLException e) {
        LOG.log(java.util.logging.Level.WARNING, "Cart storage failed: {0}", e.toString());
        return new DomainException(Kind.UNAVAILABLE, "database-unavailable", "The cart cannot be read or saved now.");
    }
}
