-- Catalog: products, their options, translations and tags; variants with prices; stock per variant.
-- Money is DECIMAL(12,2) in the store currency (store_profile.currency).

CREATE TABLE product (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    handle           VARCHAR(255)  NOT NULL,
    title            VARCHAR(512)  NOT NULL,
    body_html        MEDIUMTEXT    NULL,
    vendor           VARCHAR(255)  NULL,
    product_type     VARCHAR(255)  NULL,
    category         VARCHAR(512)  NULL,
    gender           VARCHAR(16)   NULL,
    tags             VARCHAR(4000) NULL,
    option1_name     VARCHAR(255)  NULL,
    option2_name     VARCHAR(255)  NULL,
    option3_name     VARCHAR(255)  NULL,
    image_url        VARCHAR(2048) NULL,
    status           VARCHAR(16)   NOT NULL DEFAULT 'active',
    popularity       INT           NOT NULL DEFAULT 0,
    last_import_id   VARCHAR(36)   NULL,
    created_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    version          BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_product_handle UNIQUE (handle),
    CONSTRAINT ck_product_status CHECK (status IN ('active', 'draft', 'archived')),
    INDEX ix_product_type (product_type),
    INDEX ix_product_status (status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE product_tag (
    product_id BIGINT       NOT NULL,
    tag        VARCHAR(255) NOT NULL,
    PRIMARY KEY (product_id, tag),
    INDEX ix_product_tag_tag (tag),
    CONSTRAINT fk_product_tag_product FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Localised title and description (zh-TW, zh-CN, en when the catalog's own language differs).
CREATE TABLE product_translation (
    product_id  BIGINT       NOT NULL,
    locale      VARCHAR(16)  NOT NULL,
    title       VARCHAR(512) NOT NULL,
    description MEDIUMTEXT   NULL,
    PRIMARY KEY (product_id, locale),
    CONSTRAINT fk_product_translation_product FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Options are '' (never NULL) when a product has fewer than three, so the unique key holds.
CREATE TABLE variant (
    id               BIGINT         NOT NULL AUTO_INCREMENT,
    product_id       BIGINT         NOT NULL,
    sku              VARCHAR(128)   NOT NULL,
    option1          VARCHAR(255)   NOT NULL DEFAULT '',
    option2          VARCHAR(255)   NOT NULL DEFAULT '',
    option3          VARCHAR(255)   NOT NULL DEFAULT '',
    price            DECIMAL(12, 2) NOT NULL,
    compare_at_price DECIMAL(12, 2) NULL,
    position         INT            NOT NULL DEFAULT 0,
    grams            INT            NULL,
    barcode          VARCHAR(64)    NULL,
    image_url        VARCHAR(2048)  NULL,
    created_at       DATETIME(6)    NOT NULL,
    updated_at       DATETIME(6)    NOT NULL,
    version          BIGINT         NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_variant_sku UNIQUE (sku),
    CONSTRAINT uk_variant_options UNIQUE (product_id, option1, option2, option3),
    CONSTRAINT ck_variant_price CHECK (price >= 0),
    CONSTRAINT fk_variant_product FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Stock per variant. reserved = units held by open checkouts; available = on_hand - reserved.
CREATE TABLE inventory (
    variant_id BIGINT      NOT NULL,
    on_hand    INT         NOT NULL DEFAULT 0,
    reserved   INT         NOT NULL DEFAULT 0,
    updated_at DATETIME(6) NOT NULL,
    version    BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (variant_id),
    CONSTRAINT ck_inventory_on_hand CHECK (on_hand >= 0),
    CONSTRAINT ck_inventory_reserved CHECK (reserved >= 0 AND reserved <= on_hand),
    CONSTRAINT fk_inventory_variant FOREIGN KEY (variant_id) REFERENCES variant (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
