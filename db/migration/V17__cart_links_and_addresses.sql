-- Issue 7: a cart merged on sign-in remembers where its lines went (merge_target), so an old deep link to it
-- still restores them; signed-in customers' shipping addresses are kept to be offered at their next checkout.
-- (Not "merged_into": Connector/J takes a SELECT naming it for SELECT ... INTO and refuses it in executeQuery.)

ALTER TABLE cart ADD COLUMN merge_target CHAR(36) NULL AFTER coupon_code;

-- A signed-in customer's shipping addresses, the newest use first. The address is the checkout form's
-- {name, line1, line2, city, postalCode, country, phone} as JSON; fingerprint (SHA-256 of its normalised
-- form) keeps one row per distinct address.
CREATE TABLE customer_address (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    customer_id  VARCHAR(128)  NOT NULL,
    fingerprint  CHAR(64)      NOT NULL,
    address      TEXT          NOT NULL,
    email        VARCHAR(254)  NULL,
    created_at   DATETIME(6)   NOT NULL,
    last_used_at DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_customer_address (customer_id, fingerprint),
    INDEX ix_customer_address_recent (customer_id, last_used_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
