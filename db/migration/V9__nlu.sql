-- Understanding shoppers (issue 4). Training examples live in the database: authored seed utterances and
-- customer turns a person confirmed, each with its provenance. Model versions are stored whole (one
-- artifact with labels, vectorizer settings and metrics); nodes load the one marked live.

CREATE TABLE nlu_example (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    language      VARCHAR(8)    NOT NULL,
    intent        VARCHAR(32)   NOT NULL,
    text          VARCHAR(1000) NOT NULL,
    text_key      CHAR(64)      NOT NULL,
    entities      TEXT          NULL,
    source        VARCHAR(16)   NOT NULL,
    source_ref    VARCHAR(255)  NULL,
    confirmed_by  VARCHAR(64)   NULL,
    created_at    DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_nlu_example_text UNIQUE (language, text_key),
    CONSTRAINT ck_nlu_example_language CHECK (language IN ('en', 'zh-TW', 'zh-CN')),
    CONSTRAINT ck_nlu_example_source CHECK (source IN ('seed', 'transcript', 'admin')),
    INDEX ix_nlu_example_intent (intent)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE nlu_model (
    version        INT           NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    progress       INT           NOT NULL DEFAULT 0,
    artifact       LONGBLOB      NULL,
    labels         TEXT          NULL,
    vectorizer     TEXT          NULL,
    training       TEXT          NULL,
    metrics        LONGTEXT      NULL,
    examples       INT           NOT NULL DEFAULT 0,
    failure        VARCHAR(2000) NULL,
    started_by     VARCHAR(64)   NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    finished_at    DATETIME(6)   NULL,
    promoted_at    DATETIME(6)   NULL,
    promoted_by    VARCHAR(64)   NULL,
    PRIMARY KEY (version),
    CONSTRAINT ck_nlu_model_status CHECK (status IN ('training', 'trained', 'live', 'retired', 'rejected', 'failed')),
    INDEX ix_nlu_model_status (status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
