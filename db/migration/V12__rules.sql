-- Business rules (issue 6): the draft merchandisers edit, published versions (immutable), which version is
-- live (nodes poll it), an audit log of every change, alerts raised when live rules misbehave, and coupon
-- redemptions (written by checkout) that usage limits count.

CREATE TABLE rule_draft (
    name        VARCHAR(200) NOT NULL PRIMARY KEY,
    kind        VARCHAR(30)  NOT NULL,
    content     MEDIUMBLOB   NOT NULL,
    updated_by  VARCHAR(100) NOT NULL,
    updated_at  DATETIME(3)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE rule_version (
    version       INT          NOT NULL PRIMARY KEY,
    published_by  VARCHAR(100) NOT NULL,
    published_at  DATETIME(3)  NOT NULL,
    source        VARCHAR(20)  NOT NULL,
    note          VARCHAR(500) NULL,
    rule_count    INT          NOT NULL,
    CONSTRAINT rule_version_source CHECK (source IN ('seed', 'publish'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE rule_version_resource (
    version  INT          NOT NULL,
    name     VARCHAR(200) NOT NULL,
    kind     VARCHAR(30)  NOT NULL,
    content  MEDIUMBLOB   NOT NULL,
    PRIMARY KEY (version, name),
    CONSTRAINT rule_version_resource_version FOREIGN KEY (version) REFERENCES rule_version (version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One row: the version every node serves. Publishing and rollback update it in the same transaction as
-- the audit entry; nodes compare it with what they serve every two seconds.
CREATE TABLE rule_live (
    id           TINYINT      NOT NULL PRIMARY KEY,
    version      INT          NULL,
    switched_by  VARCHAR(100) NULL,
    switched_at  DATETIME(3)  NULL,
    CONSTRAINT rule_live_single CHECK (id = 1),
    CONSTRAINT rule_live_version FOREIGN KEY (version) REFERENCES rule_version (version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO rule_live (id, version) VALUES (1, NULL);

CREATE TABLE rule_audit (
    id       BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    at       DATETIME(3)  NOT NULL,
    actor    VARCHAR(100) NOT NULL,
    action   VARCHAR(20)  NOT NULL,
    name     VARCHAR(200) NULL,
    version  INT          NULL,
    detail   VARCHAR(1000) NULL,
    CONSTRAINT rule_audit_action CHECK (action IN ('save', 'delete', 'publish', 'rollback', 'seed')),
    INDEX rule_audit_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE rule_alert (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    version      INT           NOT NULL,
    failure      VARCHAR(20)   NOT NULL,
    rule_name    VARCHAR(300)  NULL,
    detail       VARCHAR(1000) NOT NULL,
    fallback     INT           NULL,
    node         VARCHAR(100)  NOT NULL,
    occurrences  INT           NOT NULL DEFAULT 1,
    first_at     DATETIME(3)   NOT NULL,
    last_at      DATETIME(3)   NOT NULL,
    INDEX rule_alert_version (version, failure)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE coupon_redemption (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code          VARCHAR(64)  NOT NULL,
    customer_key  VARCHAR(200) NOT NULL,
    order_ref     VARCHAR(64)  NULL,
    redeemed_at   DATETIME(3)  NOT NULL,
    INDEX coupon_redemption_code (code, customer_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
