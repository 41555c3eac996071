-- Training runs of the intent model (issue 4): a heartbeat so a run whose node died is seen as
-- interrupted, the node that trains, the validation figures the promotion compared, and why the run was
-- promoted or kept back. The vectorizer state holds the IDF weights (about 90 KB as Base64): MEDIUMTEXT.

ALTER TABLE nlu_model
    ADD COLUMN updated_at DATETIME(6)   NULL,
    ADD COLUMN node       VARCHAR(128)  NULL,
    ADD COLUMN accuracy   DOUBLE        NULL,
    ADD COLUMN macro_f1   DOUBLE        NULL,
    ADD COLUMN decision   VARCHAR(1000) NULL,
    MODIFY COLUMN vectorizer MEDIUMTEXT NULL;
