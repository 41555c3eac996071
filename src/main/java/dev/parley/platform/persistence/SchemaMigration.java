package dev.parley.platform.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with Flyway when the application starts, before anything else touches
 * the database. Every node runs it; Flyway's lock on its history table makes concurrent starts safe.
 * A failure is logged as one line and leaves the node not ready, rather than a stack-trace wall.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    /** A plain (non-XA) pool on the same database: Flyway switches autocommit, which XA connections refuse. */
    @Resource(lookup = "jdbc/parley-schema")
    DataSource dataSource;

    private volatile boolean migrated;
    private volatile String failure;
    private volatile String schemaVersion = "none";

    @PostConstruct
    void migrate() {
        try {
            Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .cleanDisabled(true)
                    .validateOnMigrate(true)
                    .load();
            MigrateResult result = flyway.migrate();
            MigrationInfo current = flyway.info().current();
            schemaVersion = current == null ? "none" : current.getVersion().getVersion();
            migrated = true;
            LOG.info(() -> "Database schema at version " + schemaVersion + " (" + result.migrationsExecuted
                    + " migration(s) applied now)");
        } catch (RuntimeException e) {
            failure = rootMessage(e);
            LOG.log(Level.SEVERE, "Database migration failed: {0}", failure);
            LOG.log(Level.FINE, "Migration failure detail", e);
        }
    }

    /** Whether the schema is current on this node. */
    public boolean migrated() {
        return migrated;
    }

    /** Why migration failed, if it did. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** The schema version Flyway applied last. */
    public String schemaVersion() {
        return schemaVersion;
    }

    /** Product name and version of the database server, e.g. {@code "MariaDB 11.4.5"}. */
    public String databaseProduct() {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (SQLException e) {
            return "unreachable (" + e.getMessage() + ")";
        }
    }

    /** Whether a connection can be had and is valid within two seconds. */
    public boolean databaseReachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
