-- A counter that every write transaction increments: caches (rendered pages, ETags) of every
-- instance compare it to know whether what they hold is still current.
CREATE TABLE data_version (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    n  BIGINT NOT NULL
);
INSERT INTO data_version (id, n) VALUES (1, 1);
