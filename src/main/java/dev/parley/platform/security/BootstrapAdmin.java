package dev.parley.platform.security;

import dev.parley.platform.ParleySettings;
import dev.parley.platform.persistence.SchemaMigration;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes sure the bootstrap account {@code admin} exists. Its password is {@code PARLEY_ADMIN_PASSWORD}
 * when set (a changed variable changes the password at the next start); otherwise a random one is
 * generated on first start and printed once in the log.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class BootstrapAdmin {

    /** Username of the bootstrap account. */
    public static final String USERNAME = "admin";

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class.getName());

    @Inject
    SchemaMigration migration;

    @Inject
    StaffAccounts accounts;

    @Inject
    ParleySettings settings;

    private volatile boolean done;

    @PostConstruct
    void ensureAdmin() {
        if (!migration.migrated()) {
            return;
        }
        String generated = randomPassword();
        try {
            boolean created = accounts.ensureBootstrap(USERNAME, settings.adminPassword(), generated);
            if (created && settings.adminPassword().isEmpty()) {
                LOG.warning("Created the bootstrap account 'admin' with the generated password: " + generated
                        + "  (shown only now; set PARLEY_ADMIN_PASSWORD to choose one)");
            } else if (created) {
                LOG.info("Created the bootstrap account 'admin' with the password from PARLEY_ADMIN_PASSWORD.");
            }
            done = true;
        } catch (RuntimeException e) {
            // Another node may have created it at the same moment (unique key): then that one wins.
            if (accounts.find(USERNAME).isPresent()) {
                LOG.info("The bootstrap account 'admin' was created by another node.");
                done = true;
                return;
            }
            LOG.log(Level.SEVERE, "Could not create the bootstrap admin: {0}", e.getMessage());
        }
    }

    /** Whether the bootstrap account is in place. */
    public boolean done() {
        return done;
    }

    static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
