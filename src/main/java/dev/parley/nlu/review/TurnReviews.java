package dev.parley.nlu.review;

import dev.parley.nlu.Intent;
import dev.parley.nlu.entities.Entity;
import dev.parley.nlu.runtime.NluService;
import dev.parley.nlu.runtime.ParseResult;
import dev.parley.nlu.training.AnnotatedUtterance;
import dev.parley.nlu.training.TextKey;
import dev.parley.nlu.training.TrainingExamples;
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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Review of customer turns: the queue (turns not yet reviewed, fallback turns first, then by rising
 * confidence), a person's verdict, which stores the turn as a training example ({@code source = transcript},
 * {@code source_ref = message:<id>}, {@code confirmed_by}), and reading turns the NLU has not read yet (such as
 * seeded transcripts) with the live model.
 */
@ApplicationScoped
public class TurnReviews {

    private static final Logger LOG = Logger.getLogger(TurnReviews.class.getName());
    private static final String PENDING = " from conversation_message m left join turn_review r on r.message_id = m.id "
            + "where m.role = 'customer' and m.kind = 'text' and m.nlu is not null and r.message_id is null";

    /** Longest text a training example holds ({@code nlu_example.text}). */
    static final int MAX_EXAMPLE = 1000;

    @Resource(lookup = "jdbc/parley")
    DataSource db;

    @Inject
    NluService nlu;

    /** A person's verdict on a turn: the right intent, and the text with the right entities as markup. */
    public record Verdict(String intent, String markup) {
    }

    /** Turns waiting for review, fallback turns first, then the least confident. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReviewItem> queue(int offset, int limit) {
        String sql = "select m.id, m.conversation_id, m.text, m.language, m.intent, m.confidence, m.fallback, m.nlu, "
                + "m.model_version, m.created_at" + PENDING + " order by m.fallback desc, m.confidence asc, m.id desc "
                + "limit ? offset ?";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, Math.max(1, Math.min(limit, 200)));
            ps.setInt(2, Math.max(0, offset));
            List<ReviewItem> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(item(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the review queue", e);
        }
    }

    /** Turns waiting for review. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public int pending() {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("select count(*)" + PENDING);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the review queue", e);
        }
    }

    /**
     * Records a verdict on a turn and adds the turn to the training data (replacing the label of the same
     * text in the same language, if one was stored before: a person's verdict is the latest word).
     *
     * @param markup the text with entity markup; null keeps the entities the NLU read
     * @return {@code confirmed} when the verdict matches what the NLU read, else {@code corrected}
     * @throws DomainException NOT_FOUND for no such customer turn, CONFLICT when it was reviewed already,
     *     INVALID for an unknown intent or markup that is broken or does not spell the turn's text
     */
    @Transactional
    public String review(long messageId, Verdict verdict, String reviewer) {
        if (verdict == null || verdict.intent() == null || Intent.parse(verdict.intent()).isEmpty()) {
            throw new DomainException(Kind.INVALID, "unknown-intent", "Name one of the 28 intents of the contract.");
        }
        try (Connection c = db.getConnection()) {
            ReviewItem item = load(c, messageId).orElseThrow(() -> new DomainException(Kind.NOT_FOUND,
                    "turn-not-found", "No customer turn " + messageId + " to review."));
            if (item.text().strip().length() > MAX_EXAMPLE) {
                throw new DomainException(Kind.INVALID, "turn-too-long", "Turns longer than " + MAX_EXAMPLE
                        + " characters are not kept as training examples.");
            }
            AnnotatedUtterance read = utterance(item);
            AnnotatedUtterance labelled = read;
            if (verdict.markup() != null && !verdict.markup().isBlank()) {
                try {
                    labelled = AnnotatedUtterance.parse(verdict.markup().strip());
                } catch (IllegalArgumentException e) {
                    throw new DomainException(Kind.INVALID, "bad-markup", e.getMessage());
                }
                if (!labelled.text().equals(item.text().strip())) {
                    throw new DomainException(Kind.INVALID, "markup-text-differs",
                            "The markup must spell the customer's text exactly; only add or remove [..]{type:value}.");
                }
            }
            String result = verdict.intent().equals(item.intent()) && labelled.spans().equals(read.spans())
                    ? "confirmed" : "corrected";
            Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
            try (PreparedStatement ps = c.prepareStatement("insert into turn_review (message_id, verdict, intent, "
                    + "entities, reviewed_by, reviewed_at) values (?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, messageId);
                ps.setString(2, result);
                ps.setString(3, verdict.intent());
                ps.setString(4, TrainingExamples.spansJson(labelled));
                ps.setString(5, reviewer);
                ps.setTimestamp(6, now);
                ps.executeUpdate();
            } catch (java.sql.SQLIntegrityConstraintViolationException e) {
                throw new DomainException(Kind.CONFLICT, "turn-reviewed", "Turn " + messageId + " was reviewed already.");
            }
            try (PreparedStatement ps = c.prepareStatement("insert into nlu_example (language, intent, text, text_key, "
                    + "entities, source, source_ref, confirmed_by, created_at) values (?, ?, ?, ?, ?, 'transcript', ?, ?, ?) "
                    + "on duplicate key update intent = values(intent), entities = values(entities), "
                    + "source = values(source), source_ref = values(source_ref), confirmed_by = values(confirmed_by)")) {
                ps.setString(1, item.language());
                ps.setString(2, verdict.intent());
                ps.setString(3, labelled.text());
                ps.setString(4, TextKey.of(labelled.text()));
                ps.setString(5, TrainingExamples.spansJson(labelled));
                ps.setString(6, "message:" + messageId);
                ps.setString(7, reviewer);
                ps.setTimestamp(8, now);
                ps.executeUpdate();
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the review of turn " + messageId, e);
        }
    }

    /**
     * Reads, with the live model, up to {@code limit} customer turns the NLU has not read (seeded
     * transcripts, or turns stored while no model was served). Returns how many it read.
     */
    @Transactional
    public int readUnread(int limit) {
        List<long[]> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> locales = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("select m.id, m.text, v.locale from conversation_message m "
                    + "join conversation v on v.id = m.conversation_id where m.role = 'customer' and m.kind = 'text' "
                    + "and m.nlu is null and m.text is not null order by m.id limit ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(new long[] {rs.getLong(1)});
                        texts.add(rs.getString(2));
                        locales.add(rs.getString(3));
                    }
                }
            }
            if (ids.isEmpty()) {
                return 0;
            }
            try (PreparedStatement update = c.prepareStatement("update conversation_message set language = ?, "
                    + "intent = ?, confidence = ?, model_version = ?, nlu = ?, fallback = ? where id = ? and nlu is null")) {
                for (int i = 0; i < ids.size(); i++) {
                    ParseResult r;
                    try {
                        r = nlu.parse(texts.get(i), locales.get(i));
                    } catch (DomainException e) {
                        if (e.kind() == Kind.UNAVAILABLE) {
                            return 0;
                        }
                        LOG.log(Level.FINE, "Turn " + ids.get(i)[0] + " cannot be read", e);
                        continue;
                    }
                    update.setString(1, r.language());
                    update.setString(2, r.intent().name());
                    update.setDouble(3, r.intent().confidence());
                    update.setInt(4, r.modelVersion());
                    update.setString(5, r.toJson());
                    update.setBoolean(6, r.fallback());
                    update.setLong(7, ids.get(i)[0]);
                    update.addBatch();
                }
                update.executeBatch();
            }
            return ids.size();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read stored turns", e);
        }
    }

    private Optional<ReviewItem> load(Connection c, long messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select m.id, m.conversation_id, m.text, m.language, m.intent, "
                + "m.confidence, m.fallback, m.nlu, m.model_version, m.created_at from conversation_message m "
                + "where m.id = ? and m.role = 'customer' and m.kind = 'text' and m.nlu is not null")) {
            ps.setLong(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(item(rs)) : Optional.empty();
            }
        }
    }

    private static ReviewItem item(ResultSet rs) throws SQLException {
        String text = rs.getString("text");
        ParseResult parsed = ParseResult.fromJson(rs.getString("nlu"));
        List<Entity> entities = parsed.entities();
        List<String> alternatives = parsed.ranking().stream().skip(1).limit(2).map(ParseResult.Scored::name).toList();
        AnnotatedUtterance u = new AnnotatedUtterance(text, entities.stream()
                .map(e -> new AnnotatedUtterance.Span(e.type(), e.value(), e.start(), e.end())).toList());
        String markup;
        try {
            markup = u.markupSafe() ? u.toMarkup() : null;
        } catch (IllegalStateException e) {
            markup = null;
        }
        Timestamp at = rs.getTimestamp("created_at");
        return new ReviewItem(rs.getLong("id"), rs.getString("conversation_id"), text, rs.getString("language"),
                rs.getString("intent"), rs.getDouble("confidence"), rs.getBoolean("fallback"), entities,
                rs.getInt("model_version"), alternatives, markup, at.toLocalDateTime().toInstant(ZoneOffset.UTC));
    }

    /** The turn as the NLU read it (text stripped like a training example, spans shifted to match). */
    private static AnnotatedUtterance utterance(ReviewItem item) {
        String text = item.text();
        int lead = text.length() - text.stripLeading().length();
        String stripped = text.strip();
        List<AnnotatedUtterance.Span> spans = new ArrayList<>();
        for (Entity e : item.entities()) {
            int start = e.start() - lead;
            int end = e.end() - lead;
            if (start >= 0 && end <= stripped.length()) {
                spans.add(new AnnotatedUtterance.Span(e.type(), e.value(), start, end));
            }
        }
        return new AnnotatedUtterance(stripped, spans);
    }
}
