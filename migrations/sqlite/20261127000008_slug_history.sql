-- Former slugs of offers, so printed short links and QR codes keep working after a rename.
CREATE TABLE offer_slug_history (
    old_slug TEXT PRIMARY KEY,
    offer_id INTEGER NOT NULL REFERENCES offers(id) ON DELETE CASCADE
);
