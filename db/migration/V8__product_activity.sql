-- What shoppers do with each product per day (UTC): views and units sold. Product popularity, a search
-- ranking signal, is recomputed from the last 30 days of it.

CREATE TABLE product_activity (
    product_id  BIGINT  NOT NULL,
    day         DATE    NOT NULL,
    views       INT     NOT NULL DEFAULT 0,
    units_sold  INT     NOT NULL DEFAULT 0,
    PRIMARY KEY (product_id, day),
    CONSTRAINT fk_product_activity_product FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE CASCADE,
    CONSTRAINT ck_product_activity_counts CHECK (views >= 0 AND units_sold >= 0),
    INDEX ix_product_activity_day (day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
