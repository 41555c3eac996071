-- At most one intent-model run trains at a time, on any node: the database enforces it. ModelVersions.begin
-- checked for a running row and then inserted its own, which under READ COMMITTED (the pool's level since
-- issue 7) let two simultaneous starts both pass the check. A unique key on a column that is 1 only while a
-- row is training makes the second insert wait for the first and then fail as a duplicate (409).

-- Should a database hold more than one training row already, only the newest keeps training.
UPDATE nlu_model m
    JOIN (SELECT max(version) AS newest FROM nlu_model WHERE status = 'training') t
    SET m.status = 'failed', m.finished_at = utc_timestamp(6),
        m.failure = 'Interrupted: another run was training at the same time.'
    WHERE m.status = 'training' AND m.version < t.newest;

ALTER TABLE nlu_model
    ADD COLUMN training_slot TINYINT AS (CASE WHEN status = 'training' THEN 1 END) STORED,
    ADD CONSTRAINT uk_nlu_model_one_training UNIQUE (training_slot);
