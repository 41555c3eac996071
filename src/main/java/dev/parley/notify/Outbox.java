package dev.parley.notify;

import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The {@code notification} table (V16). {@link #enqueue} runs inside the caller's transaction; the claim and marks run
 * on their own (autocommit), each one conditional statement, so any number of nodes may work the table at once.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    @Resource(lookup = "jdbc/parley")
    DataSource db;

    /**
     * A row claimed for sending.
     *
     * @param id the row
     * @param kind what it tells
     * @param orderNumber its order
     * @param mail what to send
     * @param attempts attempts so far, this one included
     */
    public record Claimed(long id, String kind, String orderNumber, Mail mail, int attempts) {
    }

    /**
     * Queues a mail, due now. Returns its id, or empty when the same event (kind, order, event key) was queued
     * before: it is never queued twice.
     */
    public OptionalLong enqueue(NotificationKind kind, String orderNumber, String eventKey, String locale, Mail mail) {
        Timestamp now = now();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("insert into notification (kind, "
                + "order_number, event_key, recipient, locale, subject, body, status, attempts, next_attempt_at, "
                + "created_at) values (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, kind.wireName());
            s.setString(2, orderNumber);
            s.setString(3, eventKey);
            s.setString(4, mail.recipient());
            s.setString(5, locale);
            s.setString(6, truncate(mail.subject(), 255));
            s.setString(7, mail.body());
            s.setTimestamp(8, now);
            s.setTimestamp(9, now);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return OptionalLong.of(keys.getLong(1));
            }
        } catch (SQLIntegrityConstraintViolationException e) {
            return OptionalLong.empty();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Pending rows due by {@code now} that no sender holds, oldest due first. */
    public List<Long> due(Instant now, int limit) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select id from notification "
                + "where status = 'pending' and next_attempt_at <= ? and (lease_until is null or lease_until < ?) "
                + "order by next_attempt_at limit ?")) {
            s.setTimestamp(1, ts(now));
            s.setTimestamp(2, ts(now));
            s.setInt(3, limit);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /**
     * Claims a due row until {@code leaseUntil} and counts the attempt: one conditional {@code UPDATE}, so of several
     * nodes claiming the same row only one gets it. Empty when it is not due, already sent or held by another sender.
     */
    public Optional<Claimed> claim(long id, Instant now, Instant leaseUntil) {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("update notification set lease_until = ?, attempts = attempts + 1 "
                    + "where id = ? and status = 'pending' and next_attempt_at <= ? and (lease_until is null or "
                    + "lease_until < ?)")) {
                s.setTimestamp(1, ts(leaseUntil));
                s.setLong(2, id);
                s.setTimestamp(3, ts(now));
                s.setTimestamp(4, ts(now));
                if (s.executeUpdate() != 1) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement s = c.prepareStatement("select kind, order_number, recipient, subject, body, attempts "
                    + "from notification where id = ?")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return Optional.of(new Claimed(id, rs.getString(1), rs.getString(2),
                            new Mail(rs.getString(3), rs.getString(4), rs.getString(5)), rs.getInt(6)));
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** The mail was handed over. */
    public void sent(long id, Instant at) {
        update("update notification set status = 'sent', sent_at = ?, lease_until = null, last_error = null "
                + "where id = ? and status = 'pending'", ts(at), id);
    }

    /** The attempt failed: try again after the {@link RetrySchedule}'s wait, or give up as failed. */
    public void failed(Claimed claimed, String error, Instant at) {
        String why = truncate(error == null ? "unknown error" : error, 1000);
        Optional<java.time.Duration> wait = RetrySchedule.retryAfter(claimed.attempts());
        if (wait.isPresent()) {
            update("update notification set next_attempt_at = ?, lease_until = null, last_error = ? where id = ? "
                    + "and status = 'pending'", ts(at.plus(wait.get())), why, claimed.id());
        } else {
            update("update notification set status = 'failed', lease_until = null, last_error = ? where id = ? "
                    + "and status = 'pending'", why, claimed.id());
        }
    }

    private void update(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    private static DomainException unavailable(SQLException e) {
        LOG.log(Level.WARNING, "Notification store failed: {0}", e.getMessage());
        return new DomainException(Kind.UNAVAILABLE, "store-unavailable", "The shop cannot be reached just now.");
    }
}
