package dev.parley.rules;

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
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The rule tables: the draft, published versions and their files, the live version, the audit log and
 * alerts. Publishing and rollback lock the single {@code rule_live} row, so concurrent publishes get
 * consecutive versions and the live pointer, the version and its audit entry change together.
 */
@ApplicationScoped
public class RuleStore {

    @Resource(lookup = "jdbc/parley")
    DataSource db;

    /** A draft file with who saved it last. */
    public record DraftFile(RuleResource resource, String updatedBy, Instant updatedAt) {
    }

    /** A published version. */
    public record Version(int version, String publishedBy, Instant publishedAt, String source, String note,
            int ruleCount, boolean live) {
    }

    /** An audit entry. */
    public record AuditEntry(long id, Instant at, String actor, String action, String name, Integer version,
            String detail) {
    }

    /** An alert: live rules that failed and were answered by a fallback. */
    public record Alert(long id, int version, String failure, String rule, String detail, Integer fallback,
            String node, int occurrences, Instant firstAt, Instant lastAt) {
    }

    /** The draft, by name. */
    public List<DraftFile> draft() {
        List<DraftFile> out = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select name, kind, content, updated_by, updated_at from rule_draft order by name");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new DraftFile(resource(rs), rs.getString(4), instant(rs.getTimestamp(5))));
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return out;
    }

    /** Saves a draft file (insert or replace) and audits it. */
    @Transactional
    public void saveDraft(RuleResource r, String actor) {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("insert into rule_draft (name, kind, content, updated_by, "
                    + "updated_at) values (?, ?, ?, ?, ?) on duplicate key update kind = values(kind), "
                    + "content = values(content), updated_by = values(updated_by), updated_at = values(updated_at)")) {
                s.setString(1, r.name());
                s.setString(2, r.kind().wireName());
                s.setBytes(3, r.content());
                s.setString(4, actor);
                s.setTimestamp(5, now());
                s.executeUpdate();
            }
            audit(c, actor, "save", r.name(), null, r.content().length + " bytes");
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Removes a draft file; false when there was none. */
    @Transactional
    public boolean deleteDraft(String name, String actor) {
        try (Connection c = db.getConnection()) {
            int n;
            try (PreparedStatement s = c.prepareStatement("delete from rule_draft where name = ?")) {
                s.setString(1, name);
                n = s.executeUpdate();
            }
            if (n > 0) {
                audit(c, actor, "delete", name, null, null);
            }
            return n > 0;
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /**
     * Stores the files as the next version and makes it live.
     *
     * @param replaceDraft whether the draft becomes a copy of the files too (seeding)
     * @return the new version number
     */
    @Transactional
    public int publish(Collection<RuleResource> files, int ruleCount, String actor, String source, String note,
            boolean replaceDraft) {
        try (Connection c = db.getConnection()) {
            lockLive(c);
            int version;
            try (PreparedStatement s = c.prepareStatement("select coalesce(max(version), 0) + 1 from rule_version");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                version = rs.getInt(1);
            }
            Timestamp now = now();
            try (PreparedStatement s = c.prepareStatement("insert into rule_version (version, published_by, "
                    + "published_at, source, note, rule_count) values (?, ?, ?, ?, ?, ?)")) {
                s.setInt(1, version);
                s.setString(2, actor);
                s.setTimestamp(3, now);
                s.setString(4, source);
                s.setString(5, note == null || note.isBlank() ? null : note.strip());
                s.setInt(6, ruleCount);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "insert into rule_version_resource (version, name, kind, content) values (?, ?, ?, ?)")) {
                for (RuleResource r : files) {
                    s.setInt(1, version);
                    s.setString(2, r.name());
                    s.setString(3, r.kind().wireName());
                    s.setBytes(4, r.content());
                    s.addBatch();
                }
                s.executeBatch();
            }
            if (replaceDraft) {
                try (PreparedStatement s = c.prepareStatement("delete from rule_draft")) {
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("insert into rule_draft (name, kind, content, "
                        + "updated_by, updated_at) select name, kind, content, ?, ? from rule_version_resource "
                        + "where version = ?")) {
                    s.setString(1, actor);
                    s.setTimestamp(2, now);
                    s.setInt(3, version);
                    s.executeUpdate();
                }
            }
            setLive(c, version, actor, now);
            audit(c, actor, source.equals("seed") ? "seed" : "publish", null, version,
                    files.size() + " files, " + ruleCount + " rules" + (note == null || note.isBlank() ? "" : ": " + note));
            return version;
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Makes a published version live again. */
    @Transactional
    public void rollback(int version, String actor) {
        try (Connection c = db.getConnection()) {
            lockLive(c);
            if (!exists(c, version)) {
                throw new DomainException(Kind.NOT_FOUND, "unknown-rule-version", "There is no published version " + version + ".");
            }
            setLive(c, version, actor, now());
            audit(c, actor, "rollback", null, version, "version " + version + " is live again");
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** The live version, empty before anything was published. */
    public Optional<Integer> liveVersion() {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select version from rule_live where id = 1");
                ResultSet rs = s.executeQuery()) {
            if (rs.next()) {
                int v = rs.getInt(1);
                return rs.wasNull() ? Optional.empty() : Optional.of(v);
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** The files of a published version (empty list for an unknown version). */
    public List<RuleResource> files(int version) {
        List<RuleResource> out = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select name, kind, content from rule_version_resource where version = ? order by name")) {
            s.setInt(1, version);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(resource(rs));
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return out;
    }

    /** Published versions, newest first. */
    public List<Version> versions() {
        List<Version> out = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select v.version, v.published_by, v.published_at, v.source, "
                        + "v.note, v.rule_count, l.version from rule_version v left join rule_live l "
                        + "on l.version = v.version order by v.version desc");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rs.getInt(7);
                boolean live = !rs.wasNull();
                out.add(new Version(rs.getInt(1), rs.getString(2), instant(rs.getTimestamp(3)), rs.getString(4),
                        rs.getString(5), rs.getInt(6), live));
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return out;
    }

    /** The latest audit entries, newest first. */
    public List<AuditEntry> audit(int limit) {
        List<AuditEntry> out = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select id, at, actor, action, name, version, detail "
                        + "from rule_audit order by id desc limit ?")) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int v = rs.getInt(6);
                    Integer version = rs.wasNull() ? null : v;
                    out.add(new AuditEntry(rs.getLong(1), instant(rs.getTimestamp(2)), rs.getString(3), rs.getString(4),
                            rs.getString(5), version, rs.getString(7)));
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return out;
    }

    /** Records (or counts again) an alert for a version, failure kind and rule. */
    @Transactional
    public void alert(int version, String failure, String rule, String detail, Integer fallback, String node) {
        try (Connection c = db.getConnection()) {
            String shortDetail = detail.length() > 1000 ? detail.substring(0, 1000) : detail;
            String shortRule = rule != null && rule.length() > 300 ? rule.substring(0, 300) : rule;
            Timestamp now = now();
            int n;
            try (PreparedStatement s = c.prepareStatement("update rule_alert set occurrences = occurrences + 1, "
                    + "last_at = ?, detail = ? where version = ? and failure = ? and coalesce(rule_name, '') = ?")) {
                s.setTimestamp(1, now);
                s.setString(2, shortDetail);
                s.setInt(3, version);
                s.setString(4, failure);
                s.setString(5, shortRule == null ? "" : shortRule);
                n = s.executeUpdate();
            }
            if (n == 0) {
                try (PreparedStatement s = c.prepareStatement("insert into rule_alert (version, failure, rule_name, "
                        + "detail, fallback, node, occurrences, first_at, last_at) values (?, ?, ?, ?, ?, ?, 1, ?, ?)")) {
                    s.setInt(1, version);
                    s.setString(2, failure);
                    s.setString(3, shortRule);
                    s.setString(4, shortDetail);
                    if (fallback == null) {
                        s.setNull(5, Types.INTEGER);
                    } else {
                        s.setInt(5, fallback);
                    }
                    s.setString(6, node.length() > 100 ? node.substring(0, 100) : node);
                    s.setTimestamp(7, now);
                    s.setTimestamp(8, now);
                    s.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** The latest alerts, newest first. */
    public List<Alert> alerts(int limit) {
        List<Alert> out = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select id, version, failure, rule_name, detail, fallback, "
                        + "node, occurrences, first_at, last_at from rule_alert order by last_at desc, id desc limit ?")) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int f = rs.getInt(6);
                    Integer fallback = rs.wasNull() ? null : f;
                    out.add(new Alert(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            fallback, rs.getString(7), rs.getInt(8), instant(rs.getTimestamp(9)),
                            instant(rs.getTimestamp(10))));
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return out;
    }

    private static void lockLive(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select version from rule_live where id = 1 for update");
                ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("rule_live has no row; migration V12 inserts it");
            }
        }
    }

    private static boolean exists(Connection c, int version) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select 1 from rule_version where version = ?")) {
            s.setInt(1, version);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void setLive(Connection c, int version, String actor, Timestamp at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "update rule_live set version = ?, switched_by = ?, switched_at = ? where id = 1")) {
            s.setInt(1, version);
            s.setString(2, actor);
            s.setTimestamp(3, at);
            s.executeUpdate();
        }
    }

    private static void audit(Connection c, String actor, String action, String name, Integer version, String detail)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "insert into rule_audit (at, actor, action, name, version, detail) values (?, ?, ?, ?, ?, ?)")) {
            s.setTimestamp(1, now());
            s.setString(2, actor);
            s.setString(3, action);
            s.setString(4, name);
            if (version == null) {
                s.setNull(5, Types.INTEGER);
            } else {
                s.setInt(5, version);
            }
            s.setString(6, detail == null ? null : detail.length() > 1000 ? detail.substring(0, 1000) : detail);
            s.executeUpdate();
        }
    }

    private static RuleResource resource(ResultSet rs) throws SQLException {
        return new RuleResource(rs.getString(1), RuleResource.ResourceKind.ofWireName(rs.getString(2)), rs.getBytes(3));
    }

    private static Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    private static DomainException unavailable(SQLException e) {
        return new DomainException(Kind.UNAVAILABLE, "database-unavailable",
                "The rules cannot be read or saved right now: " + e.getMessage());
    }
}
