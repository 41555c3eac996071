package dev.parley.order;

import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Which orders a shopper may see: a signed-in customer sees their own; anyone else must prove an order with its
 * number and the e-mail or phone it was placed with. Wrong guesses are counted in the database (so every node
 * sees them) per asker and per order number, and after {@link #MAX_FAILURES} within {@link #WINDOW} further
 * attempts are refused without being checked. A wrong number and a wrong e-mail get the same answer.
 */
@ApplicationScoped
public class OrderLookup {

    /** Wrong guesses allowed per asker, and per order number, within {@link #WINDOW}. */
    public static final int MAX_FAILURES = 5;
    /** The window wrong guesses are counted in. */
    public static final Duration WINDOW = Duration.ofMinutes(15);

    @Inject
    Orders orders;

    @Resource(lookup = "jdbc/parley")
    DataSource db;

    /** The outcome of proving an order. */
    public enum Result {
        /** Number and contact match: {@link Proof#order()} is the order. */
        FOUND,
        /** No order with that number and that e-mail or phone. */
        NO_MATCH,
        /** Too many wrong guesses lately; nothing was checked. */
        THROTTLED
    }

    /** The outcome and, when found, the order. */
    public record Proof(Result result, Orders.StoredOrder order) {
    }

    /**
     * Checks an order number against the e-mail or phone it was placed with.
     *
     * @param asker who is asking ({@code conversation:<id>}, {@code anonymous:<id>}), for counting wrong guesses
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Proof prove(String number, String contact, String asker) {
        String n = normalise(number);
        if (failures("asker", asker) >= MAX_FAILURES || failures("order_number", n) >= MAX_FAILURES) {
            return new Proof(Result.THROTTLED, null);
        }
        Optional<Orders.StoredOrder> order = orders.byNumber(n, false).filter(o -> o.status() != OrderStatus.EXPIRED)
                .filter(o -> matches(o, contact));
        if (order.isEmpty()) {
            fail(asker, n);
            return new Proof(Result.NO_MATCH, null);
        }
        return new Proof(Result.FOUND, order.get());
    }

    /** A customer's orders, newest first (never the unpaid ones that expired). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Orders.StoredOrder> ofCustomer(String customerId, int limit) {
        return orders.ofCustomer(customerId, limit);
    }

    /** An order, when the given customer placed it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Orders.StoredOrder> owned(String number, String customerId) {
        return customerId == null ? Optional.empty()
                : orders.byNumber(normalise(number), false).filter(o -> customerId.equals(o.customerId()));
    }

    /** An order by number, for a conversation that has already proven it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Orders.StoredOrder> proven(String number) {
        return orders.byNumber(normalise(number), false);
    }

    /** An order by id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Orders.StoredOrder byId(long id) {
        return orders.find(id, false).orElseThrow();
    }

    /** The lines of an order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Orders.Line> lines(long orderId) {
        return orders.lines(orderId);
    }

    static boolean matches(Orders.StoredOrder o, String contact) {
        if (contact == null || contact.isBlank()) {
            return false;
        }
        String c = contact.strip();
        if (c.contains("@")) {
            return c.equalsIgnoreCase(o.email());
        }
        String digits = c.replaceAll("\\D", "");
        String phone = o.phone() == null ? "" : o.phone().replaceAll("\\D", "");
        // Compare the national number: +886 912 345 678 and 0912345678 are the same phone.
        return digits.length() >= 8 && phone.length() >= 8
                && digits.substring(digits.length() - 8).equals(phone.substring(phone.length() - 8));
    }

    static String normalise(String number) {
        return number == null ? "" : number.strip().toUpperCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
    }

    private int failures(String column, String value) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select count(*) from "
                + "order_lookup_failure where " + column + " = ? and failed_at > ?")) {
            s.setString(1, value);
            s.setTimestamp(2, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minus(WINDOW)));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw unavailable();
        }
    }

    private void fail(String asker, String number) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into order_lookup_failure (asker, order_number, failed_at) values (?, ?, ?)")) {
            s.setString(1, asker);
            s.setString(2, number.length() > 16 ? number.substring(0, 16) : number);
            s.setTimestamp(3, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
            s.executeUpdate();
        } catch (SQLException e) {
            throw unavailable();
        }
    }

    private static DomainException unavailable() {
        return new DomainException(Kind.UNAVAILABLE, "database-unavailable", "Orders cannot be looked up now.");
    }
}
