package dev.parley.catalog.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** Row of {@code inventory}: stock of one variant. */
@Entity
@Table(name = "inventory")
public class InventoryEntity {

    @Id
    @Column(name = "variant_id")
    Long variantId;

    @MapsId
    @OneToOne(optional = false)
    @JoinColumn(name = "variant_id")
    VariantEntity variant;

    @Column(name = "on_hand", nullable = false)
    int onHand;

    @Column(nullable = false)
    int reserved;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;
}
