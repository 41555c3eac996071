package dev.parley.platform.secret.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code app_secret}. */
@Entity
@Table(name = "app_secret")
public class AppSecretEntity {

    @Id
    @Column(length = 64)
    String name;

    @Column(nullable = false, length = 255)
    String secret;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;
}
