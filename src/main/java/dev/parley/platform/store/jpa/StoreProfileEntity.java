package dev.parley.platform.store.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The single row of {@code store_profile}. */
@Entity
@Table(name = "store_profile")
public class StoreProfileEntity {

    @Id
    short id;

    @Column(nullable = false, length = 128)
    String name;

    @Column(nullable = false, length = 3)
    String currency;

    @Column(name = "default_locale", nullable = false, length = 16)
    String defaultLocale;

    @Column(name = "time_zone", nullable = false, length = 64)
    String timeZone;

    @Column(name = "support_email", length = 254)
    String supportEmail;

    @Column(name = "storefront_url", length = 512)
    String storefrontUrl;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
}
