package dev.parley.platform.health;

import dev.parley.platform.persistence.SchemaMigration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the schema is migrated and the database answers. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    SchemaMigration migration;

    @Override
    public HealthCheckResponse call() {
        try {
            return check();
        } catch (RuntimeException e) {
            // Asked while the application is still starting (the migration bean is not up yet).
            return HealthCheckResponse.named("database").withData("state", "starting").down().build();
        }
    }

    private HealthCheckResponse check() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("database")
                .withData("schemaVersion", migration.schemaVersion());
        migration.failure().ifPresent(f -> builder.withData("migrationFailure", f));
        boolean up = migration.migrated() && migration.databaseReachable();
        return builder.status(up).build();
    }
}
