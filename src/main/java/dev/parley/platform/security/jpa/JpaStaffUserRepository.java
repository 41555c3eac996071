package dev.parley.platform.security.jpa;

import dev.parley.platform.security.StaffRole;
import dev.parley.platform.security.StaffUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Staff accounts in {@code staff_user}. Callers supply the transaction. */
@ApplicationScoped
public class JpaStaffUserRepository {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    /** The account and its stored password hash. */
    public record Stored(StaffUser user, String passwordHash) {
    }

    public Optional<Stored> find(String username) {
        return em.createQuery("select u from StaffUserEntity u where u.username = :u", StaffUserEntity.class)
                .setParameter("u", username)
                .getResultStream()
                .findFirst()
                .map(e -> new Stored(toUser(e), e.passwordHash));
    }

    public List<StaffUser> list() {
        return em.createQuery("select u from StaffUserEntity u order by u.username", StaffUserEntity.class)
                .getResultList().stream().map(JpaStaffUserRepository::toUser).toList();
    }

    public boolean exists(String username) {
        return !em.createQuery("select u.id from StaffUserEntity u where u.username = :u", Long.class)
                .setParameter("u", username).setMaxResults(1).getResultList().isEmpty();
    }

    public StaffUser insert(String username, String displayName, String passwordHash, Set<StaffRole> roles) {
        StaffUserEntity e = new StaffUserEntity();
        e.username = username;
        e.displayName = displayName;
        e.passwordHash = passwordHash;
        e.enabled = true;
        e.createdAt = Instant.now();
        e.updatedAt = e.createdAt;
        roles.forEach(r -> e.roles.add(r.roleName()));
        em.persist(e);
        em.flush();
        return toUser(e);
    }

    public Optional<StaffUser> update(String username, java.util.function.Consumer<Mutable> change) {
        return em.createQuery("select u from StaffUserEntity u where u.username = :u", StaffUserEntity.class)
                .setParameter("u", username)
                .getResultStream()
                .findFirst()
                .map(e -> {
                    change.accept(new Mutable(e));
                    e.updatedAt = Instant.now();
                    em.flush();
                    return toUser(e);
                });
    }

    /** The changeable parts of an account, handed to {@link #update}. */
    public static final class Mutable {
        private final StaffUserEntity e;

        Mutable(StaffUserEntity e) {
            this.e = e;
        }

        public void passwordHash(String hash) {
            e.passwordHash = hash;
        }

        public void enabled(boolean enabled) {
            e.enabled = enabled;
        }

        public void displayName(String name) {
            e.displayName = name;
        }

        public void roles(Set<StaffRole> roles) {
            e.roles.clear();
            roles.forEach(r -> e.roles.add(r.roleName()));
        }
    }

    private static StaffUser toUser(StaffUserEntity e) {
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        e.roles.forEach(name -> StaffRole.parse(name).ifPresent(roles::add));
        return new StaffUser(e.username, e.displayName, roles, e.enabled, e.createdAt);
    }
}
