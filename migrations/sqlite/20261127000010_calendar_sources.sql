-- An organisation's calendar address, configured by an administrator: the server reads it now
-- and then and imports its events as offers at `place_id` in `category`. `checked_at` (UTC,
-- RFC 3339) and `report` (JSON: what the last reading did, or its problems) tell staff how it went.
CREATE TABLE calendar_sources (
    organisation_id INTEGER PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    place_id INTEGER NOT NULL REFERENCES places(id),
    category TEXT NOT NULL,
    checked_at TEXT,
    report TEXT
);
