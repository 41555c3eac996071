package dev.parley.platform.seed.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/** Which demo seeds ran. Callers supply the transaction. */
@ApplicationScoped
public class JpaSeedHistory {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    public boolean applied(String name) {
        return em.find(SeedHistoryEntity.class, name) != null;
    }

    /** Records the seed; flushes so a concurrent node's insert of the same name fails here, not later. */
    public void record(String name) {
        SeedHistoryEntity e = new SeedHistoryEntity();
        e.seedName = name;
        e.appliedAt = Instant.now();
        em.persist(e);
        em.flush();
    }
}
