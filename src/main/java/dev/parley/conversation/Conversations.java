package dev.parley.conversation;

import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The {@code conversation} and {@code conversation_message} tables (V11). A turn locks its conversation's row
 * ({@link #lock}) for the length of its transaction, so two messages to one conversation, on any nodes, are
 * answered one after the other and their messages never interleave.
 */
@ApplicationScoped
public class Conversations {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Resource(lookup = "jdbc/parley")
    DataSource db;

    /**
     * A stored conversation.
     *
     * @param id the conversation id
     * @param channel web, whatsapp, line, messenger or demo
     * @param locale the language it started in
     * @param anonymousId the widget's anonymous shopper id, may be null
     * @param customerId the shop's customer id when signed in, may be null
     * @param state the dialogue state (JSON)
     * @param turns how many customer turns it has had
     */
    public record Stored(String id, String channel, String locale, String anonymousId, String customerId, String state,
            int turns) {
    }

    /**
     * A message to store.
     *
     * @param role customer, bot or agent
     * @param kind text, action, products, quick_replies, cart, order or handoff
     * @param text the text (customer text as typed; bot text as shown), may be null
     * @param payload the structured message (JSON), may be null
     * @param nlu what the NLU read in a customer text, may be null
     * @param latencyMs server time for the turn (on the customer message), may be null
     */
    public record NewMessage(String role, String kind, String text, String payload, Nlu nlu, Integer latencyMs) {
    }

    /** What the NLU read, as stored with a customer text. */
    public record Nlu(String language, String intent, double confidence, int modelVersion, String json, boolean fallback) {
    }

    /** A stored message. */
    public record Message(long id, int seq, int turn, String role, String kind, String text, String payload,
            String language, String intent, Instant at) {
    }

    /** Creates a conversation and returns its id. */
    public String create(String channel, String locale, String anonymousId, String customerId, String state) {
        String id = UUID.randomUUID().toString();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("insert into conversation "
                + "(id, channel, locale, anonymous_id, customer_id, state, created_at, updated_at, version) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
            Timestamp now = now();
            s.setString(1, id);
            s.setString(2, channel);
            s.setString(3, locale);
            s.setString(4, anonymousId);
            s.setString(5, customerId);
            s.setString(6, state);
            s.setTimestamp(7, now);
            s.setTimestamp(8, now);
            s.executeUpdate();
            return id;
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /**
     * Locks a conversation's row for the current transaction and reads it.
     *
     * @throws DomainException NOT_FOUND for an unknown id
     */
    public Stored lock(String id) {
        return read(id, true).orElseThrow(() -> notFound(id));
    }

    /** Reads a conversation without locking it. */
    public Optional<Stored> find(String id) {
        return read(id, false);
    }

    private Optional<Stored> read(String id, boolean lock) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select id, channel, locale, "
                + "anonymous_id, customer_id, state, (select coalesce(max(turn), 0) from conversation_message m "
                + "where m.conversation_id = conversation.id) from conversation where id = ?" + (lock ? " for update" : ""))) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7)));
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Records that the shopper in a conversation signed in as a customer. */
    public void identify(String id, String customerId) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "update conversation set customer_id = ? where id = ?")) {
            s.setString(1, customerId);
            s.setString(2, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Appends messages of one turn in order and saves the dialogue state. */
    public void append(String id, int turn, List<NewMessage> messages, String state) {
        append(id, turn, messages, state, false);
    }

    /**
     * Appends messages of one turn in order and saves the dialogue state; {@code pushed} marks messages the
     * shopper did not ask for in a request of their own, which the push channel delivers.
     */
    public void append(String id, int turn, List<NewMessage> messages, String state, boolean pushed) {
        try (Connection c = db.getConnection()) {
            int seq;
            try (PreparedStatement s = c.prepareStatement(
                    "select coalesce(max(seq), 0) from conversation_message where conversation_id = ?")) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    seq = rs.getInt(1);
                }
            }
            Timestamp now = now();
            try (PreparedStatement s = c.prepareStatement("insert into conversation_message (conversation_id, seq, turn, "
                    + "role, kind, text, payload, language, intent, confidence, model_version, nlu, fallback, latency_ms, "
                    + "created_at, pushed) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (NewMessage m : messages) {
                    s.setString(1, id);
                    s.setInt(2, ++seq);
                    s.setInt(3, turn);
                    s.setString(4, m.role());
                    s.setString(5, m.kind());
                    s.setString(6, m.text());
                    s.setString(7, m.payload());
                    Nlu n = m.nlu();
                    s.setString(8, n == null ? null : n.language());
                    s.setString(9, n == null ? null : n.intent());
                    if (n == null) {
                        s.setNull(10, Types.DOUBLE);
                        s.setNull(11, Types.INTEGER);
                    } else {
                        s.setDouble(10, n.confidence());
                        s.setInt(11, n.modelVersion());
                    }
                    s.setString(12, n == null ? null : n.json());
                    s.setBoolean(13, n != null && n.fallback());
                    if (m.latencyMs() == null) {
                        s.setNull(14, Types.INTEGER);
                    } else {
                        s.setInt(14, m.latencyMs());
                    }
                    s.setTimestamp(15, now);
                    s.setBoolean(16, pushed || m.role().equals("agent"));
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "update conversation set state = ?, updated_at = ?, version = version + 1 where id = ?")) {
                s.setString(1, state);
                s.setTimestamp(2, now);
                s.setString(3, id);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Sets the latency of a stored customer message once the turn's answer is known. */
    public void latency(String id, int turn, int latencyMs) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("update conversation_message "
                + "set latency_ms = ? where conversation_id = ? and turn = ? and role = 'customer'")) {
            s.setInt(1, latencyMs);
            s.setString(2, id);
            s.setInt(3, turn);
            s.executeUpdate();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Every message of a conversation in order. */
    public List<Message> messages(String id) {
        return query("where conversation_id = ? order by seq", id);
    }

    /** The sequence number of the conversation's last message (0 for none). */
    public int lastSeq(String id) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select coalesce(max(seq), 0) from conversation_message where conversation_id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /**
     * The messages after {@code seq} that the shopper did not cause with a request of their own: an agent's
     * messages and the assistant's notices (an order shipped), in order, at most {@code limit}.
     */
    public List<Message> pushedAfter(String id, int seq, int limit) {
        return query("where conversation_id = ? and seq > ? and (role = 'agent' or pushed) order by seq limit ?", id, seq,
                limit);
    }

    /** Messages selected by a {@code where … order by …} clause with its parameters. */
    private List<Message> query(String where, Object... params) {
        List<Message> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select id, seq, turn, role, "
                + "kind, text, payload, language, intent, created_at from conversation_message " + where)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Message(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getTimestamp(10).toLocalDateTime().toInstant(ZoneOffset.UTC)));
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return out;
    }

    static DomainException notFound(String id) {
        return new DomainException(Kind.NOT_FOUND, "unknown-conversation", "There is no conversation " + id + ".");
    }

    private static Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
    }

    private static DomainException unavailable(SQLException e) {
        return new DomainException(Kind.UNAVAILABLE, "database-unavailable", "The conversation cannot be read or saved now.");
    }
}
