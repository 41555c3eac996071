package dev.parley.platform.secret.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/** Reads and inserts {@code app_secret} rows. Callers supply the transaction. */
@ApplicationScoped
public class JpaAppSecrets {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    public Optional<String> find(String name) {
        return Optional.ofNullable(em.find(AppSecretEntity.class, name)).map(e -> e.secret);
    }

    public void insert(String name, String secret) {
        AppSecretEntity e = new AppSecretEntity();
        e.name = name;
        e.secret = secret;
        e.createdAt = Instant.now();
        em.persist(e);
        em.flush();
    }
}
