-- Ids for the catalog's bulk-written tables come from this table in blocks (JPA TABLE generation), so
-- imports can send inserts in JDBC batches; AUTO_INCREMENT ids cannot be batched. Each counter starts
-- above the ids already used.
CREATE TABLE id_sequence (
    name     VARCHAR(64) NOT NULL,
    next_val BIGINT      NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO id_sequence (name, next_val) SELECT 'product', COALESCE(MAX(id), 0) + 1 FROM product;
INSERT INTO id_sequence (name, next_val) SELECT 'variant', COALESCE(MAX(id), 0) + 1 FROM variant;
