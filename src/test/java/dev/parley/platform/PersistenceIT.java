package dev.parley.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.customer.CustomerIdentity;
import dev.parley.customer.CustomerTokens;
import dev.parley.platform.persistence.SchemaMigration;
import dev.parley.platform.secret.AppSecrets;
import dev.parley.platform.security.StaffRole;
import dev.parley.platform.security.StaffUser;
import dev.parley.platform.security.jpa.JpaStaffUserRepository;
import dev.parley.testing.Deployments;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside the real Payara Micro against the real MariaDB: the schema Flyway created is written and
 * read through JPA in JTA transactions, and a rolled-back transaction leaves nothing behind.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("in-container")
class PersistenceIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.parleyWith(PersistenceIT.class);
    }

    @Inject
    SchemaMigration migration;

    @Inject
    JpaStaffUserRepository users;

    @Inject
    UserTransaction tx;

    @Inject
    AppSecrets secrets;

    @Inject
    CustomerTokens customerTokens;

    @Test
    void flywayMigratedTheSchemaAtStart() {
        assertTrue(migration.migrated(), "migration ran: " + migration.failure().orElse(""));
        assertTrue(Integer.parseInt(migration.schemaVersion()) >= 1, migration.schemaVersion());
        assertTrue(migration.databaseProduct().contains("MariaDB"), migration.databaseProduct());
    }

    @Test
    void committedRowsAreReadBackInANewTransaction() throws Exception {
        String name = "it-" + UUID.randomUUID().toString().substring(0, 8);
        tx.begin();
        users.insert(name, "Persisted in JTA", "hash-not-used", EnumSet.of(StaffRole.AGENT, StaffRole.ANALYST));
        tx.commit();

        tx.begin();
        StaffUser read = users.find(name).orElseThrow().user();
        tx.commit();
        assertEquals("Persisted in JTA", read.displayName());
        assertEquals(Set.of(StaffRole.AGENT, StaffRole.ANALYST), read.roles());
        assertTrue(read.enabled());
        assertTrue(read.createdAt() != null);
    }

    @Test
    void rolledBackRowsAreGone() throws Exception {
        String name = "it-" + UUID.randomUUID().toString().substring(0, 8);
        tx.begin();
        users.insert(name, "Never committed", "hash-not-used", EnumSet.of(StaffRole.AGENT));
        assertTrue(users.exists(name), "visible inside its own transaction");
        tx.rollback();

        tx.begin();
        boolean exists = users.exists(name);
        tx.commit();
        assertEquals(false, exists);
    }

    @Test
    void aGeneratedSecretIsMadeOnceAndKept() {
        String name = "it-secret-" + UUID.randomUUID();
        String first = secrets.getOrCreate(name);
        assertEquals(first, secrets.getOrCreate(name));
        assertTrue(first.length() >= 43, "32 random bytes, base64url");
    }

    @Test
    void demoModeSignsShoppersInWithItsGeneratedSecret() {
        CustomerIdentity mei = new CustomerIdentity("cust-1", "mei@example.com", "Mei");
        String token = customerTokens.issueDemoToken(mei, Duration.ofMinutes(5));
        assertEquals(Optional.of(mei), customerTokens.identify(token));
        assertEquals(Optional.empty(), customerTokens.identify(null), "no token: an anonymous shopper");
        DomainException forged = assertThrows(DomainException.class,
                () -> customerTokens.identify(token.substring(0, token.length() - 2) + "xx"));
        assertEquals(DomainException.Kind.UNAUTHENTICATED, forged.kind());
    }
}
