-- A counter that every write transaction increments: caches (rendered pages, ETags) of every
-- instance compare it to know whether what they hold is still current.
CREATE TABLE data_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
);
INSERT INTO data_version (id, n) VALUES (1, 1);
