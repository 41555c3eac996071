-- Returns and exchanges of delivered orders (issue 7). One row per request: the RMA number the shopper quotes on
-- the parcel, the line and units sent back, for an exchange the variant wanted instead (its units are reserved
-- from the request on), and the refund once the parcel is received. label_token makes the return label's URL
-- unguessable.
CREATE TABLE order_return (
    id              BIGINT          NOT NULL AUTO_INCREMENT,
    rma             VARCHAR(16)     NOT NULL,
    order_id        BIGINT          NOT NULL,
    kind            VARCHAR(8)      NOT NULL,
    sku             VARCHAR(128)    NOT NULL,
    quantity        INT             NOT NULL,
    exchange_sku    VARCHAR(128)    NULL,
    refund_amount   DECIMAL(14, 2)  NOT NULL,
    status          VARCHAR(16)     NOT NULL,
    label_token     CHAR(32)        NOT NULL,
    requested_at    DATETIME(6)     NOT NULL,
    received_at     DATETIME(6)     NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_order_return_rma UNIQUE (rma),
    CONSTRAINT uk_order_return_line UNIQUE (order_id, sku),
    CONSTRAINT ck_order_return_kind CHECK (kind IN ('return', 'exchange')),
    CONSTRAINT ck_order_return_status CHECK (status IN ('requested', 'received')),
    CONSTRAINT ck_order_return_quantity CHECK (quantity BETWEEN 1 AND 99),
    CONSTRAINT fk_order_return_order FOREIGN KEY (order_id) REFERENCES shop_order (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Payment provider webhook events already handled, so a replayed or re-delivered event changes nothing.
CREATE TABLE payment_webhook_event (
    provider     VARCHAR(16)   NOT NULL,
    event_id     VARCHAR(128)  NOT NULL,
    event_type   VARCHAR(64)   NOT NULL,
    received_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (provider, event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
