package dev.parley.platform.seed.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code seed_history}: a demo seed that ran. */
@Entity
@Table(name = "seed_history")
public class SeedHistoryEntity {

    @Id
    @Column(name = "seed_name", length = 64)
    String seedName;

    @Column(name = "applied_at", nullable = false)
    Instant appliedAt;
}
