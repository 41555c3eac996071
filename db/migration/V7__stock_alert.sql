-- Back-in-stock alerts: a shopper asks to be told when a sold-out variant can be bought again. One alert per
-- shopper and variant; it fires once (notified_at) when stock returns, whatever brought it back.

CREATE TABLE stock_alert (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    public_id    CHAR(36)      NOT NULL,
    variant_id   BIGINT        NOT NULL,
    shopper_key  VARCHAR(160)  NOT NULL,
    email        VARCHAR(254)  NULL,
    locale       VARCHAR(8)    NOT NULL,
    created_at   DATETIME(6)   NOT NULL,
    notified_at  DATETIME(6)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_stock_alert_public UNIQUE (public_id),
    CONSTRAINT uk_stock_alert_shopper UNIQUE (variant_id, shopper_key),
    CONSTRAINT fk_stock_alert_variant FOREIGN KEY (variant_id) REFERENCES variant (id) ON DELETE CASCADE,
    INDEX ix_stock_alert_waiting (notified_at, variant_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
