-- Initial schema: quarters, organisations, places, offers and their weekly slots.
-- Texts residents read live in *_texts tables, one row per locale ('de' is required by the app).
-- Types stay within what sqlx's Any driver maps on both backends: INTEGER 0/1 for flags,
-- ISO-8601 TEXT for dates and times.

CREATE TABLE quarters (
    id             INTEGER PRIMARY KEY,
    slug           TEXT NOT NULL UNIQUE,
    office_name    TEXT NOT NULL,
    office_street  TEXT NOT NULL,
    office_postcode TEXT NOT NULL,
    office_city    TEXT NOT NULL,
    office_phone   TEXT
);

-- Facts about the installation itself, e.g. ('demo', '1') when the demo city was loaded.
CREATE TABLE site_flags (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE quarter_texts (
    quarter_id   INTEGER NOT NULL REFERENCES quarters(id) ON DELETE CASCADE,
    locale       TEXT NOT NULL,
    name         TEXT NOT NULL,
    description  TEXT NOT NULL,
    office_hours TEXT NOT NULL,
    PRIMARY KEY (quarter_id, locale)
);

CREATE TABLE organisations (
    id      INTEGER PRIMARY KEY,
    slug    TEXT NOT NULL UNIQUE,
    name    TEXT NOT NULL,
    kind    TEXT NOT NULL CHECK (kind IN ('club','school','daycare','church','ngo','initiative','city')),
    phone   TEXT,
    email   TEXT,
    website TEXT
);

CREATE TABLE organisation_texts (
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    locale          TEXT NOT NULL,
    description     TEXT NOT NULL,
    PRIMARY KEY (organisation_id, locale)
);

CREATE TABLE places (
    id                INTEGER PRIMARY KEY,
    slug              TEXT NOT NULL UNIQUE,
    name              TEXT NOT NULL,
    street            TEXT NOT NULL,
    postcode          TEXT NOT NULL,
    city              TEXT NOT NULL,
    quarter_id        INTEGER NOT NULL REFERENCES quarters(id),
    latitude          REAL,
    longitude         REAL,
    step_free         INTEGER NOT NULL DEFAULT 0 CHECK (step_free IN (0, 1)),
    accessible_toilet INTEGER NOT NULL DEFAULT 0 CHECK (accessible_toilet IN (0, 1)),
    CHECK ((latitude IS NULL) = (longitude IS NULL))
);

CREATE TABLE place_texts (
    place_id      INTEGER NOT NULL REFERENCES places(id) ON DELETE CASCADE,
    locale        TEXT NOT NULL,
    opening_hours TEXT NOT NULL,
    PRIMARY KEY (place_id, locale)
);

CREATE TABLE offers (
    id                    INTEGER PRIMARY KEY,
    slug                  TEXT NOT NULL UNIQUE,
    organisation_id       INTEGER NOT NULL REFERENCES organisations(id),
    place_id              INTEGER NOT NULL REFERENCES places(id),
    category              TEXT NOT NULL CHECK (category IN
        ('sport','culture','learning','counselling','meeting','health','family','holiday','language')),
    age_min               INTEGER CHECK (age_min IS NULL OR age_min BETWEEN 0 AND 120),
    age_max               INTEGER CHECK (age_max IS NULL OR age_max BETWEEN 0 AND 120),
    is_free               INTEGER NOT NULL CHECK (is_free IN (0, 1)),
    registration_required INTEGER NOT NULL CHECK (registration_required IN (0, 1)),
    contact_name          TEXT,
    contact_phone         TEXT,
    contact_email         TEXT,
    status                TEXT NOT NULL CHECK (status IN ('draft','published','archived')),
    last_confirmed        TEXT NOT NULL, -- ISO date YYYY-MM-DD
    CHECK (age_min IS NULL OR age_max IS NULL OR age_min <= age_max)
);

CREATE TABLE offer_texts (
    offer_id          INTEGER NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
    locale            TEXT NOT NULL,
    title             TEXT NOT NULL,
    description       TEXT NOT NULL,
    cost_text         TEXT,
    registration_text TEXT,
    PRIMARY KEY (offer_id, locale)
);

CREATE TABLE offer_quarters (
    offer_id   INTEGER NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
    quarter_id INTEGER NOT NULL REFERENCES quarters(id) ON DELETE CASCADE,
    PRIMARY KEY (offer_id, quarter_id)
);

CREATE TABLE offer_audiences (
    offer_id INTEGER NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
    audience TEXT NOT NULL CHECK (audience IN ('children','youth','parents','families')),
    PRIMARY KEY (offer_id, audience)
);

CREATE TABLE offer_languages (
    offer_id INTEGER NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    PRIMARY KEY (offer_id, language)
);

-- Plain weekly slots; the recurrence model of a later migration replaces them.
CREATE TABLE weekly_slots (
    id         INTEGER PRIMARY KEY,
    offer_id   INTEGER NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
    weekday    INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_time TEXT NOT NULL,
    end_time   TEXT NOT NULL,
    CHECK (start_time < end_time)
);

CREATE INDEX offer_quarters_by_quarter ON offer_quarters (quarter_id);
CREATE INDEX weekly_slots_by_offer ON weekly_slots (offer_id);
CREATE INDEX places_by_quarter ON places (quarter_id);
