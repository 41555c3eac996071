-- Secrets the application generates itself and every node must share (e.g. the demo store's
-- customer-token key when PARLEY_CUSTOMER_TOKEN_SECRET is not set).
CREATE TABLE app_secret (
    name       VARCHAR(64)  NOT NULL,
    secret     VARCHAR(255) NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
