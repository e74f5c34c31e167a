-- The city's look on public pages (one row): the name beside its logo, the accent colour
-- (`#rrggbb`, checked for contrast when saved; empty: the default), the funding line and
-- whether the EU emblem is shown. Its logos are PNG files the server made from the uploads,
-- for screens (`small`) and print (`large`); `hash` names them, so their addresses never change.
CREATE TABLE identity (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    version      INTEGER NOT NULL DEFAULT 1,
    name         TEXT NOT NULL DEFAULT '',
    accent       TEXT NOT NULL DEFAULT '',
    funding_line TEXT NOT NULL DEFAULT '',
    eu_funded    INTEGER NOT NULL DEFAULT 0 CHECK (eu_funded IN (0, 1))
);
INSERT INTO identity (id) VALUES (1);

CREATE TABLE identity_images (
    id       INTEGER PRIMARY KEY,
    role     TEXT NOT NULL CHECK (role IN ('logo', 'partner')),
    position INTEGER NOT NULL,
    alt      TEXT NOT NULL,
    width    INTEGER NOT NULL,
    height   INTEGER NOT NULL,
    hash     TEXT NOT NULL,
    small    BLOB NOT NULL,
    large    BLOB NOT NULL
);
