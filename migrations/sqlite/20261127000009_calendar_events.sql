-- Offers that came from an organisation's calendar (.ics): which event (UID) each one is, so the
-- next import of that calendar updates them instead of adding them again.
CREATE TABLE offer_calendar_events (
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    uid TEXT NOT NULL,
    offer_id INTEGER NOT NULL UNIQUE REFERENCES offers(id) ON DELETE CASCADE,
    PRIMARY KEY (organisation_id, uid)
);
