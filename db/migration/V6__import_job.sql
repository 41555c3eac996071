-- Catalog imports that run in the background (admin page, import-jobs API), with their progress and report,
-- so any node can show how far an import on another node has got.

CREATE TABLE import_job (
    id           CHAR(36)      NOT NULL,
    format       VARCHAR(32)   NOT NULL,
    mode         VARCHAR(16)   NOT NULL,
    file_name    VARCHAR(255)  NULL,
    status       VARCHAR(16)   NOT NULL,
    total_bytes  BIGINT        NOT NULL DEFAULT 0,
    read_bytes   BIGINT        NOT NULL DEFAULT 0,
    products     INT           NOT NULL DEFAULT 0,
    variants     INT           NOT NULL DEFAULT 0,
    error_count  INT           NOT NULL DEFAULT 0,
    report       LONGTEXT      NULL,
    failure      VARCHAR(2000) NULL,
    node         VARCHAR(255)  NULL,
    created_by   VARCHAR(64)   NOT NULL,
    created_at   DATETIME(6)   NOT NULL,
    updated_at   DATETIME(6)   NOT NULL,
    finished_at  DATETIME(6)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_import_job_status CHECK (status IN ('queued', 'running', 'done', 'failed')),
    CONSTRAINT ck_import_job_counts CHECK (read_bytes >= 0 AND total_bytes >= 0 AND products >= 0),
    INDEX ix_import_job_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
