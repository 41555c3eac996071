package dev.parley.order;

import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A signed-in customer's shipping addresses (V17 {@code customer_address}): each address a paid order went to,
 * newest use first, offered at their next checkout in the chat. Anonymous shoppers' addresses are never kept.
 */
@ApplicationScoped
public class CustomerAddresses {

    /** How many addresses the chat offers. */
    public static final int OFFERED = 3;

    @Resource(lookup = "jdbc/parley")
    DataSource db;

    /**
     * A saved address.
     *
     * @param id its id, for the quick reply that picks it
     * @param address the address
     * @param email the e-mail the order used, may be null
     */
    public record Saved(long id, CheckoutRequest.Address address, String email) {
    }

    /** Keeps (or marks as just used) the address a customer's paid order went to. */
    @Transactional
    public void remember(String customerId, String email, CheckoutRequest.Address a) {
        if (customerId == null || a == null) {
            return;
        }
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("insert into customer_address "
                + "(customer_id, fingerprint, address, email, created_at, last_used_at) values (?, ?, ?, ?, ?, ?) "
                + "on duplicate key update address = values(address), email = values(email), "
                + "last_used_at = values(last_used_at)")) {
            s.setString(1, customerId);
            s.setString(2, fingerprint(a));
            s.setString(3, json(a));
            s.setString(4, email);
            s.setTimestamp(5, now);
            s.setTimestamp(6, now);
            s.executeUpdate();
        } catch (SQLException e) {
            throw unavailable();
        }
    }

    /** The customer's most recently used addresses, at most {@link #OFFERED}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Saved> recent(String customerId) {
        return customerId == null ? List.of() : query("select id, address, email from customer_address where "
                + "customer_id = ? order by last_used_at desc, id desc limit " + OFFERED, customerId, null);
    }

    /** One of the customer's saved addresses (never another customer's). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Saved> find(String customerId, long id) {
        return customerId == null ? Optional.empty() : query("select id, address, email from customer_address "
                + "where customer_id = ? and id = ?", customerId, id).stream().findFirst();
    }

    private List<Saved> query(String sql, String customerId, Long id) {
        List<Saved> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, customerId);
            if (id != null) {
                s.setLong(2, id);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Saved(rs.getLong(1), address(rs.getString(2)), rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw unavailable();
        }
        return out;
    }

    /** The address as the checkout form's JSON object. */
    public static String json(CheckoutRequest.Address a) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        put(b, "name", a.name());
        put(b, "line1", a.line1());
        put(b, "line2", a.line2());
        put(b, "city", a.city());
        put(b, "postalCode", a.postalCode());
        put(b, "country", a.country());
        put(b, "phone", a.phone());
        return b.build().toString();
    }

    /** An address back from {@link #json}. */
    public static CheckoutRequest.Address address(String json) {
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            JsonObject o = r.readObject();
            return new CheckoutRequest.Address(o.getString("name", null), o.getString("line1", null),
                    o.getString("line2", null), o.getString("city", null), o.getString("postalCode", null),
                    o.getString("country", null), o.getString("phone", null));
        }
    }

    static String fingerprint(CheckoutRequest.Address a) {
        String text = a.lines().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(JsonObjectBuilder b, String k, String v) {
        if (v != null && !v.isBlank()) {
            b.add(k, v.strip());
        }
    }

    private static DomainException unavailable() {
        return new DomainException(Kind.UNAVAILABLE, "database-unavailable", "Saved addresses cannot be read now.");
    }
}
