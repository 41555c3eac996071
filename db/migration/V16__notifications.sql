-- Order notifications (issue 7): an outbox. A row is written in the same transaction as the order change it tells
-- of, with its subject and body already composed, so a committed change always has its mail and a rolled-back one
-- never does. Senders on any node claim due rows by a lease (a conditional UPDATE of lease_until), send outside any
-- transaction, then mark them sent, or retry later with backoff (next_attempt_at) until failed.
-- event_key tells apart two events of one kind for one order (a return's RMA, or 'cancel'; '' when there can be only
-- one), so the unique key lets the same event be queued once and a second refund of the same order be queued too.
CREATE TABLE notification (
    id               BIGINT         NOT NULL AUTO_INCREMENT,
    kind             VARCHAR(24)    NOT NULL,
    order_number     VARCHAR(16)    NOT NULL,
    event_key        VARCHAR(64)    NOT NULL DEFAULT '',
    recipient        VARCHAR(254)   NOT NULL,
    locale           VARCHAR(8)     NOT NULL,
    subject          VARCHAR(255)   NOT NULL,
    body             MEDIUMTEXT     NOT NULL,
    status           VARCHAR(8)     NOT NULL,
    attempts         INT            NOT NULL DEFAULT 0,
    next_attempt_at  DATETIME(6)    NOT NULL,
    lease_until      DATETIME(6)    NULL,
    last_error       VARCHAR(1000)  NULL,
    created_at       DATETIME(6)    NOT NULL,
    sent_at          DATETIME(6)    NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_notification_event UNIQUE (kind, order_number, event_key),
    CONSTRAINT ck_notification_kind CHECK (kind IN ('order_confirmation', 'shipping', 'refund')),
    CONSTRAINT ck_notification_status CHECK (status IN ('pending', 'sent', 'failed')),
    CONSTRAINT ck_notification_attempts CHECK (attempts >= 0),
    INDEX ix_notification_due (status, next_attempt_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
