package dev.parley.rules;

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
import javax.sql.DataSource;

/**
 * Coupon uses so far ({@code coupon_redemption}), which the usage-limit rules count. Checkout records a use
 * when an order with the coupon is placed.
 */
@ApplicationScoped
public class CouponRedemptions {

    @Resource(lookup = "jdbc/parley")
    DataSource db;

    /** How often a code was used by one customer and by everyone. */
    public record Uses(int byCustomer, int overall) {
    }

    /** The uses of a code (normalised, upper case); {@code customerKey} may be null for an unknown shopper. */
    public Uses uses(String code, String customerKey) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*), coalesce(sum(case when customer_key = ? "
                        + "then 1 else 0 end), 0) from coupon_redemption where code = ?")) {
            s.setString(1, customerKey == null ? "" : customerKey);
            s.setString(2, code);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Uses(rs.getInt(2), rs.getInt(1));
            }
        } catch (SQLException e) {
            throw new DomainException(Kind.UNAVAILABLE, "database-unavailable", "Coupon uses cannot be read now.");
        }
    }

    /** Records a use (checkout calls this in the order's transaction). */
    public void record(String code, String customerKey, String orderRef) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("insert into coupon_redemption (code, customer_key, order_ref, "
                        + "redeemed_at) values (?, ?, ?, ?)")) {
            s.setString(1, code);
            s.setString(2, customerKey);
            s.setString(3, orderRef);
            s.setTimestamp(4, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new DomainException(Kind.UNAVAILABLE, "database-unavailable", "The coupon use cannot be saved now.");
        }
    }
}
