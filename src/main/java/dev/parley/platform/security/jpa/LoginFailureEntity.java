package dev.parley.platform.security.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code login_failure}: one failed sign-in. */
@Entity
@Table(name = "login_failure")
public class LoginFailureEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, length = 64)
    String username;

    @Column(name = "remote_addr", nullable = false, length = 64)
    String remoteAddr;

    @Column(name = "failed_at", nullable = false)
    Instant failedAt;
}
