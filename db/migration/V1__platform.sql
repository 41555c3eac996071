-- Platform tables: staff accounts and roles, sign-in throttling, demo seed bookkeeping, store profile.
-- Written for MySQL 8 and MariaDB 10.11+ alike (InnoDB, utf8mb4, DATETIME(6) in UTC).

CREATE TABLE staff_user (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    username      VARCHAR(64)  NOT NULL,
    display_name  VARCHAR(128) NOT NULL,
    password_hash VARCHAR(512) NOT NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_staff_user_username UNIQUE (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE staff_user_role (
    user_id BIGINT      NOT NULL,
    role    VARCHAR(32) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT fk_staff_user_role_user FOREIGN KEY (user_id) REFERENCES staff_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Failed sign-ins, shared by every node so throttling holds across the cluster.
CREATE TABLE login_failure (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    username    VARCHAR(64) NOT NULL,
    remote_addr VARCHAR(64) NOT NULL,
    failed_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_login_failure_user (username, failed_at),
    INDEX ix_login_failure_addr (remote_addr, failed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Each demo seed runs once per database; the primary key makes concurrent starts seed once.
CREATE TABLE seed_history (
    seed_name  VARCHAR(64) NOT NULL,
    applied_at DATETIME(6) NOT NULL,
    PRIMARY KEY (seed_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The shop this server serves: one row.
CREATE TABLE store_profile (
    id               TINYINT      NOT NULL,
    name             VARCHAR(128) NOT NULL,
    currency         CHAR(3)      NOT NULL,
    default_locale   VARCHAR(16)  NOT NULL,
    time_zone        VARCHAR(64)  NOT NULL,
    support_email    VARCHAR(254) NULL,
    storefront_url   VARCHAR(512) NULL,
    updated_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_store_profile_single CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO store_profile (id, name, currency, default_locale, time_zone, updated_at)
VALUES (1, 'My Parley store', 'TWD', 'zh-TW', 'Asia/Taipei', UTC_TIMESTAMP(6));
