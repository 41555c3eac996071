package dev.parley.platform.security.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/** Failed sign-ins in {@code login_failure}. Callers supply the transaction. */
@ApplicationScoped
public class JpaLoginFailureLog {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    public void record(String username, String remoteAddr, Instant at) {
        LoginFailureEntity e = new LoginFailureEntity();
        e.username = username;
        e.remoteAddr = remoteAddr;
        e.failedAt = at;
        em.persist(e);
    }

    public long countForUser(String username, Instant since) {
        return em.createQuery("select count(f) from LoginFailureEntity f where f.username = :u and f.failedAt > :t",
                Long.class).setParameter("u", username).setParameter("t", since).getSingleResult();
    }

    public long countForAddress(String remoteAddr, Instant since) {
        return em.createQuery(
                "select count(f) from LoginFailureEntity f where f.remoteAddr = :a and f.failedAt > :t", Long.class)
                .setParameter("a", remoteAddr).setParameter("t", since).getSingleResult();
    }

    /** Oldest failure of this user since {@code since}: when its window ends, the user may try again. */
    public Instant oldestForUser(String username, Instant since) {
        return em.createQuery("select f from LoginFailureEntity f where f.username = :u and f.failedAt > :t"
                + " order by f.failedAt", LoginFailureEntity.class).setParameter("u", username).setParameter("t", since)
                .setMaxResults(1).getResultStream().map(f -> f.failedAt).findFirst().orElse(since);
    }

    public void clearUser(String username) {
        em.createQuery("delete from LoginFailureEntity f where f.username = :u").setParameter("u", username)
                .executeUpdate();
    }

    public void purgeBefore(Instant before) {
        em.createQuery("delete from LoginFailureEntity f where f.failedAt < :t").setParameter("t", before)
                .executeUpdate();
    }
}
