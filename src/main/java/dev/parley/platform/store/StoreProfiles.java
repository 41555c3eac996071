package dev.parley.platform.store;

import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import dev.parley.platform.store.jpa.JpaStoreProfileRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.ZoneId;
import java.util.Set;

/** The store profile: read by every component that formats money or picks a default language. */
@ApplicationScoped
@Transactional
public class StoreProfiles {

    /** Languages the assistant speaks. */
    public static final Set<String> LOCALES = Set.of("en", "zh-TW", "zh-CN");

    @Inject
    JpaStoreProfileRepository repository;

    @Transactional(Transactional.TxType.SUPPORTS)
    public StoreProfile current() {
        return repository.load();
    }

    /** Replaces the profile after checking its values. */
    public StoreProfile update(StoreProfile profile) {
        if (profile.name() == null || profile.name().isBlank() || profile.name().length() > 128) {
            throw new DomainException(Kind.INVALID, "invalid-store-name", "A store name is 1 to 128 characters.");
        }
        if (!LOCALES.contains(profile.defaultLocale())) {
            throw new DomainException(Kind.INVALID, "unsupported-locale",
                    "The default locale is one of en, zh-TW, zh-CN.");
        }
        if (!ZoneId.getAvailableZoneIds().contains(profile.timeZone())) {
            throw new DomainException(Kind.INVALID, "invalid-time-zone", "Unknown time zone " + profile.timeZone());
        }
        repository.save(profile);
        return profile;
    }
}
