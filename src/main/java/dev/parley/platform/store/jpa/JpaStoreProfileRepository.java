package dev.parley.platform.store.jpa;

import dev.parley.platform.store.StoreProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Currency;

/** Reads and writes the store profile row. Callers supply the transaction. */
@ApplicationScoped
public class JpaStoreProfileRepository {

    private static final short ID = 1;

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    public StoreProfile load() {
        StoreProfileEntity e = em.find(StoreProfileEntity.class, ID);
        return new StoreProfile(e.name, Currency.getInstance(e.currency), e.defaultLocale, e.timeZone,
                e.supportEmail, e.storefrontUrl);
    }

    public void save(StoreProfile profile) {
        StoreProfileEntity e = em.find(StoreProfileEntity.class, ID);
        e.name = profile.name();
        e.currency = profile.currency().getCurrencyCode();
        e.defaultLocale = profile.defaultLocale();
        e.timeZone = profile.timeZone();
        e.supportEmail = profile.supportEmail();
        e.storefrontUrl = profile.storefrontUrl();
        e.updatedAt = Instant.now();
    }
}
