package dev.parley.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Hashes and verifies staff passwords with Jakarta Security's PBKDF2 (HMAC-SHA512, 210,000 iterations,
 * 32-byte salt: OWASP's current guidance). The stored form carries algorithm, iterations and salt, so
 * the parameters can be raised later without invalidating existing hashes.
 */
@ApplicationScoped
public class PasswordHasher {

    static final Map<String, String> PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64");

    @Inject
    Pbkdf2PasswordHash hash;

    @PostConstruct
    void init() {
        hash.initialize(PARAMETERS);
    }

    /** A salted hash of {@code password} for storage. */
    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    /** Whether {@code password} matches the stored {@code hashed} form. */
    public boolean verify(String password, String hashed) {
        return hash.verify(password.toCharArray(), hashed);
    }
}
