-- Place names may be translated (e.g. "Quartiersbüro" → "مكتب الحي"); German stays in places.name.
CREATE TABLE place_names (
    place_id INTEGER NOT NULL REFERENCES places(id) ON DELETE CASCADE,
    locale   TEXT NOT NULL,
    name     TEXT NOT NULL,
    PRIMARY KEY (place_id, locale)
);
