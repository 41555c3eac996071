package dev.parley.payment;

import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The built-in payment provider for trying the store: no money moves. It answers Stripe's test card numbers
 * the way Stripe's test mode does ({@code 4242424242424242} succeeds, {@code 4000000000000002} is declined,
 * {@code 4000000000009995} is declined for insufficient funds, {@code 4000002500003155} needs authentication)
 * and declines any other number. It plays a remote service: it keeps its own ledger ({@code sandbox_charge})
 * in a transaction of its own, so a charge it accepted stays accepted even if the checkout that asked then
 * crashes, and a repeated key gets the first answer.
 */
@ApplicationScoped
public class SandboxGateway implements PaymentGateway {

    /** Test cards and what they do (Stripe's numbers). */
    static final Map<String, String> DECLINES = Map.of(
            "4000000000000002", "card_declined",
            "4000000000009995", "insufficient_funds");
    static final String SUCCEEDS = "4242424242424242";
    static final String AUTHENTICATES = "4000002500003155";

    @Resource(lookup = "jdbc/parley")
    DataSource db;

    @Override
    public String provider() {
        return "sandbox";
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ChargeResult charge(ChargeRequest request) {
        String card = request.card() == null ? "" : request.card();
        ChargeResult.Status status;
        String decline = null;
        if (card.equals(SUCCEEDS)) {
            status = ChargeResult.Status.SUCCEEDED;
        } else if (card.equals(AUTHENTICATES)) {
            status = ChargeResult.Status.REQUIRES_ACTION;
        } else {
            status = ChargeResult.Status.DECLINED;
            decline = DECLINES.getOrDefault(card, "test_card_required");
        }
        String id = "sb_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("insert ignore into "
                + "sandbox_charge (idempotency_key, charge_id, amount_minor, currency, card_last4, status, decline_code, "
                + "created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, request.idempotencyKey());
            s.setString(2, id);
            s.setLong(3, request.amountMinor());
            s.setString(4, request.currency());
            String last4 = ChargeRequest.last4(card);
            s.setString(5, last4 == null ? "????" : last4);
            s.setString(6, status.name());
            s.setString(7, decline);
            s.setTimestamp(8, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
            s.executeUpdate();
        } catch (SQLException e) {
            return new ChargeResult(ChargeResult.Status.UNKNOWN, null, null);
        }
        return find(request.idempotencyKey()).orElseThrow(() -> new DomainException(Kind.UNAVAILABLE,
                "payment-unavailable", "The sandbox payment provider lost a charge."));
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ChargeResult refund(String chargeRef, long amountMinor, String currency, String idempotencyKey) {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("select status from sandbox_charge where idempotency_key = ?")) {
                s.setString(1, idempotencyKey);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        return new ChargeResult(ChargeResult.Status.valueOf(rs.getString(1)), idempotencyKey, null);
                    }
                }
            }
            int done;
            try (PreparedStatement s = c.prepareStatement("update sandbox_charge set refunded_minor = refunded_minor + ? "
                    + "where charge_id = ? and status = 'SUCCEEDED' and currency = ? and refunded_minor + ? <= amount_minor")) {
                s.setLong(1, amountMinor);
                s.setString(2, chargeRef);
                s.setString(3, currency);
                s.setLong(4, amountMinor);
                done = s.executeUpdate();
            }
            ChargeResult.Status status = done == 1 ? ChargeResult.Status.SUCCEEDED : ChargeResult.Status.DECLINED;
            // The refund's own ledger row, so a repeated key gets the first answer.
            try (PreparedStatement s = c.prepareStatement("insert into sandbox_charge (idempotency_key, charge_id, "
                    + "amount_minor, currency, card_last4, status, decline_code, created_at) values (?, ?, ?, ?, '0000', ?, ?, ?)")) {
                s.setString(1, idempotencyKey);
                s.setString(2, "sbr_" + UUID.randomUUID().toString().replace("-", ""));
                s.setLong(3, -amountMinor);
                s.setString(4, currency);
                s.setString(5, status.name());
                s.setString(6, done == 1 ? null : "refund_exceeds_charge");
                s.setTimestamp(7, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
                s.executeUpdate();
            }
            return new ChargeResult(status, idempotencyKey, done == 1 ? null : "refund_exceeds_charge");
        } catch (SQLException e) {
            return new ChargeResult(ChargeResult.Status.UNKNOWN, null, null);
        }
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<ChargeResult> find(String idempotencyKey) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select charge_id, status, decline_code from sandbox_charge where idempotency_key = ?")) {
            s.setString(1, idempotencyKey);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new ChargeResult(ChargeResult.Status.valueOf(rs.getString(2)),
                        rs.getString(1), rs.getString(3))) : Optional.empty();
            }
        } catch (SQLException e) {
            return Optional.of(new ChargeResult(ChargeResult.Status.UNKNOWN, null, null));
        }
    }
}
