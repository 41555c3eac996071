package dev.parley.order;

import dev.parley.payment.ChargeResult;
import dev.parley.payment.PaymentGateway;
import dev.parley.payment.PaymentGateways;
import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Refunds, paid outside any database transaction. A cancellation or a received return only owes the refund
 * ({@link #owe}: a PENDING {@code payment} row, in its own transaction); after commit the refund is sent at once
 * on the managed executor, and {@link CheckoutJanitor} sends whatever is still due. Sending claims the row with
 * a conditional UPDATE and a lease (so two nodes never send it at the same time), calls the provider with the
 * refund's idempotency key (a repeat is answered with the first answer, never a second refund), then records
 * the answer: paid fires {@link OrderRefunded}; a refusal is kept for staff; no answer is retried with backoff,
 * for as long as it takes, so a refund owed is never lost.
 */
@ApplicationScoped
public class Refunds {

    private static final Logger LOG = Logger.getLogger(Refunds.class.getName());
    /** How long a node may take to send a claimed refund before another may try. */
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration[] BACKOFF = {Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
        Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12)};

    @Resource(lookup = "jdbc/parley")
    DataSource db;

    @Inject
    Orders orders;

    @Inject
    PaymentGateways gateways;

    @Inject
    Event<RefundOwed> owed;

    @Inject
    Event<OrderRefunded> refunded;

    @Inject
    Refunds self;

    @Resource
    ManagedExecutorService executor;

    /**
     * A refund claimed for sending.
     *
     * @param id the payment row
     * @param orderNumber the order
     * @param provider the provider that took the charge
     * @param key the refund's idempotency key ({@code refund:<order number>} or {@code refund:<RMA>})
     * @param chargeRef the provider's reference of the charge being refunded
     * @param amountMinor the amount in minor units
     * @param currency ISO 4217
     */
    public record Claimed(long id, String orderNumber, String provider, String key, String chargeRef, long amountMinor,
            String currency) {
    }

    /**
     * Owes a refund of {@code amount} on an order, in the caller's transaction; {@code reference} is
     * {@code cancel} or the return's RMA. False when nothing was charged (or the amount is zero). Owing the
     * same refund twice owes it once.
     */
    public boolean owe(Orders.StoredOrder o, String reference, BigDecimal amount) {
        Optional<String[]> charge = orders.paidCharge(o.id());
        if (charge.isEmpty() || amount.signum() == 0) {
            return false;
        }
        String key = "refund:" + ("cancel".equals(reference) ? o.orderNumber() : reference);
        Timestamp now = now(Instant.now());
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("select id from payment where provider = ? and idempotency_key = ?")) {
                s.setString(1, charge.get()[0]);
                s.setString(2, key);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("insert into payment (order_id, provider, kind, idempotency_key, "
                    + "amount_minor, currency, status, attempts, next_attempt_at, created_at) values (?, ?, 'refund', ?, ?, ?, "
                    + "'PENDING', 0, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                s.setLong(1, o.id());
                s.setString(2, charge.get()[0]);
                s.setString(3, key);
                s.setLong(4, CheckoutSteps.minor(amount, o.currency()));
                s.setString(5, o.currency());
                s.setTimestamp(6, now);
                s.setTimestamp(7, now);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    owed.fire(new RefundOwed(keys.getLong(1)));
                }
            }
            return true;
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** After the owing transaction committed: send now, off the request thread. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) RefundOwed e) {
        try {
            executor.execute(() -> send(e.paymentId()));
        } catch (RejectedExecutionException x) {
            LOG.fine(() -> "Refund " + e.paymentId() + " left to the janitor: " + x.getMessage());
        }
    }

    /** Sends every refund that is due (a retry whose time came, or a lease that ran out); for the janitor. */
    public void sendDue() {
        for (long id : self.due(Instant.now(), 50)) {
            send(id);
        }
    }

    /** Sends one refund, unless another node holds it or it is settled. Must not run inside a transaction. */
    public void send(long paymentId) {
        Optional<Claimed> claimed = self.claim(paymentId, Instant.now());
        if (claimed.isEmpty()) {
            return;
        }
        Claimed r = claimed.get();
        ChargeResult result;
        try {
            PaymentGateway gateway = gateways.named(r.provider()).orElseThrow(() -> new IllegalStateException(
                    "payment provider " + r.provider() + " is not configured"));
            result = gateway.refund(r.chargeRef(), r.amountMinor(), r.currency(), r.key());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Refund {0} of order {1} failed; will retry: {2}",
                    new Object[] {r.key(), r.orderNumber(), e.getMessage()});
            result = new ChargeResult(ChargeResult.Status.UNKNOWN, null, null);
        }
        self.settle(r, result, Instant.now());
    }

    /** The refunds due at {@code now}, oldest first. */
    @Transactional
    public List<Long> due(Instant now, int limit) {
        List<Long> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select id from payment where "
                + "kind = 'refund' and status in ('PENDING', 'SENDING') and next_attempt_at <= ? order by id limit ?")) {
            s.setTimestamp(1, now(now));
            s.setInt(2, limit);
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

    /** Claims a due refund for {@link #LEASE}; empty when it is not due, settled, or held by another node. */
    @Transactional
    public Optional<Claimed> claim(long paymentId, Instant now) {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("update payment set status = 'SENDING', attempts = attempts + 1, "
                    + "next_attempt_at = ? where id = ? and kind = 'refund' and status in ('PENDING', 'SENDING') "
                    + "and next_attempt_at <= ?")) {
                s.setTimestamp(1, now(now.plus(LEASE)));
                s.setLong(2, paymentId);
                s.setTimestamp(3, now(now));
                if (s.executeUpdate() == 0) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement s = c.prepareStatement("select p.id, o.order_number, p.provider, p.idempotency_key, "
                    + "(select ch.provider_ref from payment ch where ch.order_id = p.order_id and ch.kind = 'charge' "
                    + "and ch.status = 'SUCCEEDED' limit 1), p.amount_minor, p.currency from payment p join shop_order o "
                    + "on o.id = p.order_id where p.id = ?")) {
                s.setLong(1, paymentId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return Optional.of(new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getLong(6), rs.getString(7)));
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /**
     * Records the provider's answer: paid (and {@link OrderRefunded} fired, once), refused (kept for staff), or
     * unknown (due again after a backoff that grows with the attempts).
     */
    @Transactional
    public void settle(Claimed r, ChargeResult result, Instant now) {
        try (Connection c = db.getConnection()) {
            switch (result.status()) {
                case SUCCEEDED -> {
                    try (PreparedStatement s = c.prepareStatement("update payment set status = 'SUCCEEDED', provider_ref = "
                            + "coalesce(?, provider_ref), failure_code = null, next_attempt_at = null where id = ? "
                            + "and status <> 'SUCCEEDED'")) {
                        s.setString(1, result.providerRef());
                        s.setLong(2, r.id());
                        if (s.executeUpdate() == 1) {
                            String key = r.key().substring("refund:".length());
                            refunded.fire(new OrderRefunded(r.orderNumber(), key.startsWith("RMA-") ? key : "cancel",
                                    BigDecimal.valueOf(r.amountMinor(),
                                            Currency.getInstance(r.currency()).getDefaultFractionDigits())));
                        }
                    }
                }
                case DECLINED, REQUIRES_ACTION -> {
                    LOG.severe(() -> "The provider refused refund " + r.key() + " of order " + r.orderNumber() + " ("
                            + result.declineCode() + "): staff must settle it with the shopper");
                    try (PreparedStatement s = c.prepareStatement("update payment set status = 'DECLINED', failure_code = ?, "
                            + "next_attempt_at = null where id = ? and status = 'SENDING'")) {
                        s.setString(1, result.declineCode());
                        s.setLong(2, r.id());
                        s.executeUpdate();
                    }
                }
                default -> {
                    try (PreparedStatement s = c.prepareStatement("update payment set status = 'PENDING', "
                            + "next_attempt_at = ? where id = ? and status = 'SENDING'")) {
                        s.setTimestamp(1, now(now.plus(backoff(attempts(c, r.id())))));
                        s.setLong(2, r.id());
                        s.executeUpdate();
                    }
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** The wait before try {@code attempts + 1}: 1, 5, 15 minutes, 1, 3, 6 hours, then every 12 hours. */
    static Duration backoff(int attempts) {
        return BACKOFF[Math.max(0, Math.min(attempts, BACKOFF.length) - 1)];
    }

    private static int attempts(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select attempts from payment where id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 1;
            }
        }
    }

    private static Timestamp now(Instant at) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    private static DomainException unavailable(SQLException e) {
        LOG.log(Level.WARNING, "Refund storage failed: {0}", e.toString());
        return new DomainException(Kind.UNAVAILABLE, "database-unavailable", "Refunds cannot be read or saved now.");
    }
}
