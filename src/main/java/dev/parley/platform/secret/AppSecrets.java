package dev.parley.platform.secret;

import dev.parley.platform.secret.jpa.JpaAppSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Named random secrets, made once and then the same on every node (they live in the database).
 * When two nodes create the same secret at once, the primary key keeps the first and the other
 * reads it back.
 */
@ApplicationScoped
public class AppSecrets {

    @Inject
    JpaAppSecrets secrets;

    @Inject
    AppSecretCreator creator;

    /** The secret called {@code name}, created with 32 random bytes (base64url) if it does not exist. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String getOrCreate(String name) {
        return secrets.find(name).orElseGet(() -> {
            try {
                return creator.create(name, random());
            } catch (RuntimeException e) {
                // Created concurrently by another node: use that one.
                return secrets.find(name).orElseThrow(() -> e);
            }
        });
    }

    static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Inserts a secret in a transaction of its own, so a duplicate-key failure does not poison the caller's. */
    @ApplicationScoped
    public static class AppSecretCreator {

        @Inject
        JpaAppSecrets secrets;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public String create(String name, String value) {
            secrets.insert(name, value);
            return value;
        }
    }
}
