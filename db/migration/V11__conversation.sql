-- Conversations and their messages (issue 5 builds the dialogue on them; issue 4's learning loop reviews
-- the customer turns). Every turn is stored with what the NLU read in it, so a person can confirm or correct
-- it and the confirmed turn becomes training data with its provenance.

CREATE TABLE conversation (
    id            CHAR(36)      NOT NULL,
    channel       VARCHAR(16)   NOT NULL,
    locale        VARCHAR(8)    NOT NULL,
    anonymous_id  VARCHAR(128)  NULL,
    customer_id   VARCHAR(128)  NULL,
    state         MEDIUMTEXT    NULL,
    created_at    DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    version       BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT ck_conversation_channel CHECK (channel IN ('web', 'whatsapp', 'line', 'messenger', 'demo')),
    INDEX ix_conversation_anonymous (anonymous_id),
    INDEX ix_conversation_customer (customer_id),
    INDEX ix_conversation_updated (updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per message in order (seq); a customer message and the replies it caused share a turn number.
-- For customer text: the language, intent, confidence and model version the NLU read, the whole parse
-- (nlu, JSON), and whether the assistant fell back (uncertain or out of scope).
CREATE TABLE conversation_message (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    conversation_id  CHAR(36)      NOT NULL,
    seq              INT           NOT NULL,
    turn             INT           NOT NULL,
    role             VARCHAR(16)   NOT NULL,
    kind             VARCHAR(16)   NOT NULL,
    text             VARCHAR(4000) NULL,
    payload          MEDIUMTEXT    NULL,
    language         VARCHAR(8)    NULL,
    intent           VARCHAR(32)   NULL,
    confidence       DOUBLE        NULL,
    model_version    INT           NULL,
    nlu              MEDIUMTEXT    NULL,
    fallback         BOOLEAN       NOT NULL DEFAULT FALSE,
    latency_ms       INT           NULL,
    created_at       DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_conversation_message_seq UNIQUE (conversation_id, seq),
    CONSTRAINT ck_conversation_message_role CHECK (role IN ('customer', 'bot', 'agent')),
    CONSTRAINT fk_conversation_message_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
        ON DELETE CASCADE,
    INDEX ix_conversation_message_review (role, kind, fallback, confidence)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A person's verdict on a customer turn: the intent (and entity spans) confirmed or corrected. The turn
-- joins the training data (nlu_example, source 'transcript', source_ref 'message:<id>').
CREATE TABLE turn_review (
    message_id   BIGINT       NOT NULL,
    verdict      VARCHAR(16)  NOT NULL,
    intent       VARCHAR(32)  NOT NULL,
    entities     TEXT         NULL,
    reviewed_by  VARCHAR(64)  NOT NULL,
    reviewed_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (message_id),
    CONSTRAINT ck_turn_review_verdict CHECK (verdict IN ('confirmed', 'corrected')),
    CONSTRAINT fk_turn_review_message FOREIGN KEY (message_id) REFERENCES conversation_message (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
