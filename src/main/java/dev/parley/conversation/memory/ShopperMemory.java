package dev.parley.conversation.memory;

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
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code shopper_memory} table (V13): a shopper's {@link Preferences}, keyed by the shop's customer id when
 * signed in, else by the widget's anonymous id. A shopper with neither has no memory.
 */
@ApplicationScoped
public class ShopperMemory {

    @Resource(lookup = "jdbc/parley")
    DataSource db;

    /** The memory key of a shopper, if they can be recognised again. */
    public static Optional<String> key(String anonymousId, String customerId) {
        if (customerId != null) {
            return Optional.of("customer:" + customerId);
        }
        return anonymousId == null ? Optional.empty() : Optional.of("anonymous:" + anonymousId);
    }

    /** What is remembered (nothing for an unknown key). */
    public Preferences recall(String key) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select facts from shopper_memory where shopper_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Preferences.fromJson(rs.getString(1)) : Preferences.none();
            }
        } catch (SQLException e) {
            throw unavailable();
        }
    }

    /** Stores the preferences (an empty set deletes the row). */
    public void remember(String key, Preferences preferences) {
        if (preferences.isEmpty()) {
            forget(key);
            return;
        }
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("insert into shopper_memory "
                + "(shopper_key, facts, updated_at) values (?, ?, ?) on duplicate key update facts = values(facts), "
                + "updated_at = values(updated_at)")) {
            s.setString(1, key);
            s.setString(2, preferences.toJson());
            s.setTimestamp(3, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
            s.executeUpdate();
        } catch (SQLException e) {
            throw unavailable();
        }
    }

    /** Forgets everything about the shopper; true when there was something to forget. */
    public boolean forget(String key) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "delete from shopper_memory where shopper_key = ?")) {
            s.setString(1, key);
            return s.executeUpdate() > 0;
        } catch (SQLException e) {
            throw unavailable();
        }
    }

    private static DomainException unavailable() {
        return new DomainException(Kind.UNAVAILABLE, "database-unavailable", "The shopper's memory cannot be read now.");
    }
}
