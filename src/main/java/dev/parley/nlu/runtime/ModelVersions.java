package dev.parley.nlu.runtime;

import dev.parley.nlu.model.ModelArtifact;
import dev.parley.nlu.model.TrainingReport;
import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code nlu_model} table: intent model versions, their training runs and which one is live. At most one
 * run trains at a time (across all nodes) and at most one version is live; promotion swaps the live mark in
 * one transaction, so nodes polling {@link #liveVersion()} never see two or none once a model exists.
 */
@ApplicationScoped
public class ModelVersions {

    /** How often a training node marks its run alive. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    /** A run whose heartbeat is older than this is taken to have died with its node. */
    static final Duration STALE_AFTER = Duration.ofSeconds(45);

    private static final String SUMMARY_COLUMNS = "version, status, progress, examples, accuracy, macro_f1, "
            + "started_by, node, created_at, finished_at, promoted_at, promoted_by, decision, failure";

    @Resource(lookup = "jdbc/parley")
    DataSource db;

    /** A stored version with everything needed to serve and to show it. */
    public record Stored(ModelVersion summary, ModelArtifact artifact, TrainingReport report) {
    }

    /**
     * Records a new run as {@code training} and returns its version.
     *
     * @throws DomainException CONFLICT when another run is training (on any node)
     */
    @Transactional
    public int begin(String startedBy, String node) {
        try (Connection c = db.getConnection()) {
            Timestamp now = now();
            try (PreparedStatement stale = c.prepareStatement("update nlu_model set status = 'failed', finished_at = ?, "
                    + "failure = 'Interrupted: the node training it stopped.' where status = 'training' "
                    + "and coalesce(updated_at, created_at) < ?")) {
                stale.setTimestamp(1, now);
                stale.setTimestamp(2, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minus(STALE_AFTER)));
                stale.executeUpdate();
            }
            try (PreparedStatement busy = c.prepareStatement("select version from nlu_model where status = 'training'");
                    ResultSet rs = busy.executeQuery()) {
                if (rs.next()) {
                    throw running(rs.getInt(1));
                }
            }
            int version;
            try (PreparedStatement next = c.prepareStatement("select coalesce(max(version), 0) + 1 from nlu_model");
                    ResultSet rs = next.executeQuery()) {
                rs.next();
                version = rs.getInt(1);
            }
            try (PreparedStatement insert = c.prepareStatement("insert into nlu_model (version, status, progress, "
                    + "started_by, node, created_at, updated_at) values (?, 'training', 0, ?, ?, ?, ?)")) {
                insert.setInt(1, version);
                insert.setString(2, startedBy);
                insert.setString(3, node);
                insert.setTimestamp(4, now);
                insert.setTimestamp(5, now);
                insert.executeUpdate();
            }
            return version;
        } catch (SQLIntegrityConstraintViolationException | SQLTransactionRollbackException e) {
            // Another request (on this node or another) started a run a moment earlier: the same version number,
            // or a second row in training (V19's unique training_slot), or the deadlock victim of the two.
            throw new DomainException(Kind.CONFLICT, "training-running", "Another training run has just started.");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the training run", e);
        }
    }

    private static DomainException running(int version) {
        return new DomainException(Kind.CONFLICT, "training-running",
                "Version " + version + " is training; wait until it ends.");
    }

    /** Progress and heartbeat of a training run. */
    @Transactional
    public void progress(int version, int percent, int examples) {
        update("update nlu_model set progress = ?, examples = ?, updated_at = ? where version = ? and status = 'training'",
                ps -> {
                    ps.setInt(1, percent);
                    ps.setInt(2, examples);
                    ps.setTimestamp(3, now());
                    ps.setInt(4, version);
                });
    }

    /** Marks a training run alive. */
    @Transactional
    public void heartbeat(int version) {
        update("update nlu_model set updated_at = ? where version = ? and status = 'training'", ps -> {
            ps.setTimestamp(1, now());
            ps.setInt(2, version);
        });
    }

    /** Stores a finished run's model and report with the status it ends in and why. */
    @Transactional
    public void finish(int version, ModelArtifact artifact, TrainingReport report, int examples, String status,
            String decision) {
        update("update nlu_model set status = ?, progress = 100, artifact = ?, labels = ?, vectorizer = ?, "
                + "training = ?, metrics = ?, examples = ?, accuracy = ?, macro_f1 = ?, decision = ?, finished_at = ?, "
                + "updated_at = ? where version = ? and status = 'training'", ps -> {
                    Timestamp now = now();
                    ps.setString(1, status);
                    ps.setBytes(2, artifact.network());
                    ps.setString(3, artifact.labels());
                    ps.setString(4, artifact.vectorizer());
                    ps.setString(5, artifact.training());
                    ps.setString(6, report.toJson());
                    ps.setInt(7, examples);
                    ps.setDouble(8, report.validation().accuracy());
                    ps.setDouble(9, report.validation().macroF1());
                    ps.setString(10, truncate(decision, 1000));
                    ps.setTimestamp(11, now);
                    ps.setTimestamp(12, now);
                    ps.setInt(13, version);
                });
    }

    /** Marks a run failed with the reason. */
    @Transactional
    public void failed(int version, String reason) {
        update("update nlu_model set status = 'failed', failure = ?, finished_at = ?, updated_at = ? "
                + "where version = ? and status = 'training'", ps -> {
                    Timestamp now = now();
                    ps.setString(1, truncate(reason, 2000));
                    ps.setTimestamp(2, now);
                    ps.setTimestamp(3, now);
                    ps.setInt(4, version);
                });
    }

    /**
     * Makes {@code version} the live one; the version live before becomes {@code retired}. Any trained
     * version may be promoted (an admin overriding a rejection, or rolling back).
     *
     * @throws DomainException NOT_FOUND for an unknown version, CONFLICT for one without a model
     */
    @Transactional
    public void promote(int version, String by) {
        try (Connection c = db.getConnection()) {
            String status;
            try (PreparedStatement lock = c.prepareStatement("select status from nlu_model where version = ? for update")) {
                lock.setInt(1, version);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next()) {
                        throw notFound(version);
                    }
                    status = rs.getString(1);
                }
            }
            if (ModelVersion.LIVE.equals(status)) {
                return;
            }
            if (!List.of("trained", "rejected", "retired").contains(status)) {
                throw new DomainException(Kind.CONFLICT, "model-not-promotable",
                        "Version " + version + " is " + status + " and has no model to serve.");
            }
            try (PreparedStatement retire = c.prepareStatement("update nlu_model set status = 'retired' where status = 'live'")) {
                retire.executeUpdate();
            }
            try (PreparedStatement live = c.prepareStatement("update nlu_model set status = 'live', promoted_at = ?, "
                    + "promoted_by = ? where version = ?")) {
                live.setTimestamp(1, now());
                live.setString(2, by);
                live.setInt(3, version);
                live.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not promote version " + version, e);
        }
    }

    /** The live version, if one is. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Integer> liveVersion() {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select version from nlu_model where status = 'live' "
                        + "order by promoted_at desc limit 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the live model version", e);
        }
    }

    /** Whether a version is live or a run is alive (heartbeat fresh) on some node. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean liveOrTraining() {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select 1 from nlu_model where status = 'live' or "
                        + "(status = 'training' and coalesce(updated_at, created_at) >= ?) limit 1")) {
            ps.setTimestamp(1, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minus(STALE_AFTER)));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read model versions", e);
        }
    }

    /** The newest versions first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ModelVersion> list(int limit) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select " + SUMMARY_COLUMNS
                        + " from nlu_model order by version desc limit ?")) {
            ps.setInt(1, Math.max(1, Math.min(limit, 500)));
            List<ModelVersion> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(summary(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list model versions", e);
        }
    }

    /** One version's summary; NOT_FOUND when there is none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ModelVersion find(int version) {
        return query("select " + SUMMARY_COLUMNS + " from nlu_model where version = ?", version, ModelVersions::summary);
    }

    /** One version's report, when it finished training. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TrainingReport> report(int version) {
        String json = query("select metrics from nlu_model where version = ?", version, rs -> rs.getString(1));
        return json == null ? Optional.empty() : Optional.of(TrainingReport.fromJson(json));
    }

    /** One version with its model; NOT_FOUND when there is none, CONFLICT when it has no model. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Stored load(int version) {
        return query("select " + SUMMARY_COLUMNS + ", artifact, labels, vectorizer, training, metrics from nlu_model "
                + "where version = ?", version, rs -> {
                    byte[] network = rs.getBytes("artifact");
                    if (network == null) {
                        throw new DomainException(Kind.CONFLICT, "model-not-trained", "Version " + version
                                + " has no trained model.");
                    }
                    return new Stored(summary(rs), new ModelArtifact(network, rs.getString("labels"),
                            rs.getString("vectorizer"), rs.getString("training")),
                            TrainingReport.fromJson(rs.getString("metrics")));
                });
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private <T> T query(String sql, int version, RowReader<T> reader) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw notFound(version);
                }
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read model version " + version, e);
        }
    }

    private void update(String sql, Binder binder) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update a model version", e);
        }
    }

    private static DomainException notFound(int version) {
        return new DomainException(Kind.NOT_FOUND, "model-version-not-found", "No intent model version " + version + ".");
    }

    private static ModelVersion summary(ResultSet rs) throws SQLException {
        return new ModelVersion(rs.getInt("version"), rs.getString("status"), rs.getInt("progress"),
                rs.getInt("examples"), nullableDouble(rs, "accuracy"), nullableDouble(rs, "macro_f1"),
                rs.getString("started_by"), rs.getString("node"), instant(rs, "created_at"),
                instant(rs, "finished_at"), instant(rs, "promoted_at"), rs.getString("promoted_by"),
                rs.getString("decision"), rs.getString("failure"));
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double d = rs.getDouble(column);
        return rs.wasNull() ? null : d;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    private static Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
