-- Orders, the checkout attempts that make them (idempotency), the payments charged for them, and the
-- built-in sandbox payment provider's own ledger (issue 7).

-- An order. Amounts are the rules' quote at checkout, kept as they were; lines are in shop_order_line.
-- status: pending_payment (stock reserved, not yet paid) → paid → packed → shipped → delivered, or
-- expired (never paid; reservation released), cancelled, returned, refunded.
CREATE TABLE shop_order (
    id                 BIGINT         NOT NULL AUTO_INCREMENT,
    order_number       VARCHAR(16)    NOT NULL,
    cart_id            CHAR(36)       NOT NULL,
    conversation_id    CHAR(36)       NULL,
    customer_id        VARCHAR(128)   NULL,
    anonymous_id       VARCHAR(128)   NULL,
    email              VARCHAR(254)   NOT NULL,
    phone              VARCHAR(32)    NULL,
    shipping_address   TEXT           NOT NULL,
    shipping_method    VARCHAR(32)    NOT NULL,
    locale             VARCHAR(8)     NOT NULL,
    currency           CHAR(3)        NOT NULL,
    subtotal           DECIMAL(14, 2) NOT NULL,
    discount_total     DECIMAL(14, 2) NOT NULL,
    shipping_fee       DECIMAL(14, 2) NOT NULL,
    total              DECIMAL(14, 2) NOT NULL,
    coupon_code        VARCHAR(64)    NULL,
    rules_version      INT            NOT NULL,
    quote              MEDIUMTEXT     NOT NULL,
    status             VARCHAR(24)    NOT NULL,
    carrier            VARCHAR(64)    NULL,
    tracking_number    VARCHAR(64)    NULL,
    reserved_until     DATETIME(6)    NULL,
    placed_at          DATETIME(6)    NOT NULL,
    paid_at            DATETIME(6)    NULL,
    shipped_at         DATETIME(6)    NULL,
    delivered_at       DATETIME(6)    NULL,
    closed_at          DATETIME(6)    NULL,
    updated_at         DATETIME(6)    NOT NULL,
    version            BIGINT         NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_shop_order_number UNIQUE (order_number),
    CONSTRAINT ck_shop_order_status CHECK (status IN ('pending_payment', 'paid', 'packed', 'shipped', 'delivered',
        'expired', 'cancelled', 'returned', 'refunded')),
    CONSTRAINT ck_shop_order_amounts CHECK (subtotal >= 0 AND discount_total >= 0 AND shipping_fee >= 0 AND total >= 0),
    INDEX ix_shop_order_cart (cart_id, status),
    INDEX ix_shop_order_customer (customer_id, placed_at),
    INDEX ix_shop_order_pending (status, reserved_until)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per variant ordered, with the title, options and amounts as sold.
CREATE TABLE shop_order_line (
    order_id    BIGINT          NOT NULL,
    line_no     INT             NOT NULL,
    sku         VARCHAR(128)    NOT NULL,
    product_id  BIGINT          NOT NULL,
    title       VARCHAR(512)    NOT NULL,
    options     VARCHAR(512)    NULL,
    quantity    INT             NOT NULL,
    unit_price  DECIMAL(14, 2)  NOT NULL,
    line_total  DECIMAL(14, 2)  NOT NULL,
    discount    DECIMAL(14, 2)  NOT NULL,
    net         DECIMAL(14, 2)  NOT NULL,
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT ck_shop_order_line_quantity CHECK (quantity BETWEEN 1 AND 99),
    CONSTRAINT fk_shop_order_line_order FOREIGN KEY (order_id) REFERENCES shop_order (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A checkout attempt, keyed by the client's idempotency key: the same key never makes a second order or
-- charge. request_hash refuses the key's reuse for a different request. state: started (order reserved,
-- payment not yet settled), then paid, declined, action_required, sold_out or refused (final); outcome is
-- what the shopper was told (JSON), replayed for a retry.
CREATE TABLE checkout_attempt (
    idempotency_key  VARCHAR(128)  NOT NULL,
    cart_id          CHAR(36)      NOT NULL,
    request_hash     CHAR(64)      NOT NULL,
    order_id         BIGINT        NULL,
    state            VARCHAR(16)   NOT NULL,
    outcome          MEDIUMTEXT    NULL,
    created_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    PRIMARY KEY (idempotency_key),
    CONSTRAINT ck_checkout_attempt_state CHECK (state IN ('started', 'paid', 'declined', 'action_required',
        'sold_out', 'refused')),
    CONSTRAINT fk_checkout_attempt_order FOREIGN KEY (order_id) REFERENCES shop_order (id),
    INDEX ix_checkout_attempt_open (state, updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What the payment provider said about each charge (and later refund) of an order.
CREATE TABLE payment (
    id               BIGINT          NOT NULL AUTO_INCREMENT,
    order_id         BIGINT          NOT NULL,
    provider         VARCHAR(16)     NOT NULL,
    kind             VARCHAR(8)      NOT NULL,
    idempotency_key  VARCHAR(160)    NOT NULL,
    provider_ref     VARCHAR(128)    NULL,
    amount_minor     BIGINT          NOT NULL,
    currency         CHAR(3)         NOT NULL,
    status           VARCHAR(24)     NOT NULL,
    failure_code     VARCHAR(64)     NULL,
    card_last4       CHAR(4)         NULL,
    created_at       DATETIME(6)     NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_payment_key UNIQUE (provider, idempotency_key),
    CONSTRAINT ck_payment_kind CHECK (kind IN ('charge', 'refund')),
    CONSTRAINT fk_payment_order FOREIGN KEY (order_id) REFERENCES shop_order (id),
    INDEX ix_payment_order (order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The sandbox provider's ledger: it plays a remote payment service, so it keeps its own record of every
-- charge by idempotency key (a repeated request gets the first answer, as Stripe does), and survives crashes.
CREATE TABLE sandbox_charge (
    idempotency_key  VARCHAR(160)  NOT NULL,
    charge_id        VARCHAR(40)   NOT NULL,
    amount_minor     BIGINT        NOT NULL,
    currency         CHAR(3)       NOT NULL,
    card_last4       CHAR(4)       NOT NULL,
    status           VARCHAR(24)   NOT NULL,
    decline_code     VARCHAR(64)   NULL,
    refunded_minor   BIGINT        NOT NULL DEFAULT 0,
    created_at       DATETIME(6)   NOT NULL,
    PRIMARY KEY (idempotency_key),
    CONSTRAINT uk_sandbox_charge_id UNIQUE (charge_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Failed attempts to prove an order (order number plus the e-mail or phone used), per asker (conversation,
-- anonymous shopper) and per order number: after a few in a short time further guesses are refused, so order
-- numbers cannot be enumerated or an order's e-mail guessed.
CREATE TABLE order_lookup_failure (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    asker         VARCHAR(160)  NOT NULL,
    order_number  VARCHAR(16)   NULL,
    failed_at     DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_order_lookup_failure_asker (asker, failed_at),
    INDEX ix_order_lookup_failure_order (order_number, failed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Messages the shopper did not cause with a request of their own (an agent's, or the assistant's notice that an
-- order shipped) reach an open widget on the push channel.
ALTER TABLE conversation_message ADD COLUMN pushed BOOLEAN NOT NULL DEFAULT FALSE;
