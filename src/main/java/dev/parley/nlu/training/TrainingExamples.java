package dev.parley.nlu.training;

import dev.parley.nlu.EntityType;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The training data in {@code nlu_example}: adding examples (once per language and text) and reading them all. */
@ApplicationScoped
public class TrainingExamples {

    @Resource(lookup = "jdbc/parley")
    DataSource db;

    /** A new example, before it is stored. */
    public record NewExample(String language, String intent, AnnotatedUtterance utterance, String source,
            String sourceRef, String confirmedBy) {
    }

    /** Stores the examples whose text is not yet known in their language; returns how many were new. */
    @Transactional
    public int addAll(List<NewExample> examples) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
        // Plain JDBC batch (the pool rewrites it into multi-row inserts): thousands of seed lines in a
        // few round trips, inside the caller's JTA transaction.
        try (Connection c = db.getConnection(); PreparedStatement insert = c.prepareStatement("insert ignore into "
                + "nlu_example (language, intent, text, text_key, entities, source, source_ref, confirmed_by, "
                + "created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (NewExample e : examples) {
                insert.setString(1, e.language());
                insert.setString(2, e.intent());
                insert.setString(3, e.utterance().text());
                insert.setString(4, TextKey.of(e.utterance().text()));
                insert.setString(5, spansJson(e.utterance()));
                insert.setString(6, e.source());
                insert.setString(7, e.sourceRef());
                insert.setString(8, e.confirmedBy());
                insert.setTimestamp(9, now);
                insert.addBatch();
            }
            int added = 0;
            for (int n : insert.executeBatch()) {
                added += n > 0 ? n : n == Statement.SUCCESS_NO_INFO ? 1 : 0;
            }
            return added;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store training examples", e);
        }
    }

    /** Every example, in id order (the order training sees before its seeded split and shuffle). */
    public List<TrainingExample> all() {
        // Plain JDBC: training runs call this on a managed executor thread after the request that started
        // them has ended, where a container-managed EntityManager outside a transaction is already closed.
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("select id, language, "
                + "intent, text, entities, source, source_ref from nlu_example order by id");
                ResultSet rs = ps.executeQuery()) {
            List<TrainingExample> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new TrainingExample(rs.getLong(1), rs.getString(2), rs.getString(3),
                        new AnnotatedUtterance(rs.getString(4), spans(rs.getString(5))), rs.getString(6),
                        rs.getString(7)));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read training examples", e);
        }
    }

    /** Number of examples. */
    public long count() {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from nlu_example"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count training examples", e);
        }
    }

    /** The spans of an utterance as stored in {@code nlu_example.entities} (JSON), or null when it has none. */
    public static String spansJson(AnnotatedUtterance u) {
        if (u.spans().isEmpty()) {
            return null;
        }
        JsonArrayBuilder a = Json.createArrayBuilder();
        u.spans().forEach(s -> a.add(Json.createObjectBuilder().add("type", s.type().wireName())
                .add("value", s.value()).add("start", s.start()).add("end", s.end())));
        return a.build().toString();
    }

    static List<AnnotatedUtterance.Span> spans(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        List<AnnotatedUtterance.Span> spans = new ArrayList<>();
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonArray array = reader.readArray();
            for (JsonObject o : array.getValuesAs(JsonObject.class)) {
                EntityType.parse(o.getString("type")).ifPresent(t -> spans.add(new AnnotatedUtterance.Span(t,
                        o.getString("value"), o.getInt("start"), o.getInt("end"))));
            }
        }
        return spans;
    }
}
