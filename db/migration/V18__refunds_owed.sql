-- Refunds are owed in the transaction that cancels an order or receives a return (a 'refund' payment row in
-- status PENDING) and paid afterwards, outside any transaction, by a sender on any node that claims the row
-- with a lease and retries until the provider answers, as the checkout's charge is. attempts counts the tries;
-- next_attempt_at is when a PENDING row is next due, or when a SENDING node's lease runs out.
ALTER TABLE payment
    ADD COLUMN attempts INT NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at DATETIME(6) NULL,
    ADD INDEX ix_payment_due (kind, status, next_attempt_at);
