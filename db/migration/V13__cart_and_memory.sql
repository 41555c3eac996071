-- Carts (issue 5 fills them from the chat; issue 7 checks them out) and what the assistant remembers about
-- a shopper between conversations.

-- A shopper's cart. Amounts are never stored: every view prices the lines with the live rules.
CREATE TABLE cart (
    id            CHAR(36)      NOT NULL,
    anonymous_id  VARCHAR(128)  NULL,
    customer_id   VARCHAR(128)  NULL,
    status        VARCHAR(16)   NOT NULL DEFAULT 'open',
    coupon_code   VARCHAR(64)   NULL,
    created_at    DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    version       BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT ck_cart_status CHECK (status IN ('open', 'ordered', 'merged')),
    INDEX ix_cart_anonymous (anonymous_id, status),
    INDEX ix_cart_customer (customer_id, status),
    INDEX ix_cart_updated (status, updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per variant in a cart, in the order first added.
CREATE TABLE cart_line (
    cart_id    CHAR(36)      NOT NULL,
    sku        VARCHAR(128)  NOT NULL,
    quantity   INT           NOT NULL,
    added_at   DATETIME(6)   NOT NULL,
    updated_at DATETIME(6)   NOT NULL,
    PRIMARY KEY (cart_id, sku),
    CONSTRAINT ck_cart_line_quantity CHECK (quantity BETWEEN 1 AND 99),
    CONSTRAINT fk_cart_line_cart FOREIGN KEY (cart_id) REFERENCES cart (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Preferences learnt from a shopper's conversations (sizes, budget, colours, brands, rejected products), as
-- JSON, keyed by 'customer:<id>' for signed-in shoppers or 'anonymous:<id>' for the widget's anonymous id.
-- "Forget me" deletes the row.
CREATE TABLE shopper_memory (
    shopper_key  VARCHAR(160)  NOT NULL,
    facts        MEDIUMTEXT    NOT NULL,
    updated_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (shopper_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
